import { InputError } from './construct-props-error';
import { ProblemList } from './private/problems';

/** Options of {@link assignZonesToShards}. */
export interface ShardOptions {
  /**
   * How many stacks (shards) to spread the zones over. Keep it fixed: raising
   * it moves about 1/shards of the zones (jump consistent hashing), and a
   * moved zone is destroyed in one Terraform state and created in another.
   */
  readonly shards: number;
  /**
   * Most zones one stack may hold; more is an error that says how many shards would do.
   * @default - no limit
   */
  readonly maxZonesPerShard?: number;
}

/**
 * The shard (a stack number from 0) of one zone, from its name alone (lower
 * case, trailing dot ignored) by jump consistent hashing: the same on every
 * machine, whatever the other zones are.
 */
export function shardOfZone(zoneName: string, shards: number): number {
  return jumpHash(fnv1a64(zoneName.trim().toLowerCase().replace(/\.$/, '')), shards);
}

/**
 * Assigns zones to shards (stacks) with {@link shardOfZone}: adding or
 * removing zones never moves another one. Returns one list of zone names per
 * shard (index = shard number), each in the order the names were given.
 */
export function assignZonesToShards(zoneNames: string[], options: ShardOptions): string[][] {
  const problems = new ProblemList();
  const { shards, maxZonesPerShard } = options ?? ({} as ShardOptions);
  if (!Number.isInteger(shards) || shards < 1 || shards > 10_000) {
    problems.add('shards', shards, 'must be a whole number from 1 to 10000.', 'pick a fixed number of stacks, such as 4.');
  }
  if (maxZonesPerShard !== undefined && (!Number.isInteger(maxZonesPerShard) || maxZonesPerShard < 1)) {
    problems.add('maxZonesPerShard', maxZonesPerShard, 'must be a positive whole number.', 'pass the most zones one stack should plan, such as 2500.');
  }
  if (!Array.isArray(zoneNames) || zoneNames.some((name) => typeof name !== 'string')) {
    problems.add('zoneNames', zoneNames, 'must be an array of zone names.', 'pass the names of the zones to spread.');
  }
  problems.throwIfAnyInFunction('assignZonesToShards');

  const result: string[][] = Array.from({ length: shards }, () => []);
  for (const name of zoneNames) result[shardOfZone(name, shards)].push(name);
  const fullest = Math.max(...result.map((s) => s.length));
  if (maxZonesPerShard !== undefined && fullest > maxZonesPerShard) {
    const needed = Math.ceil((zoneNames.length / maxZonesPerShard) * 1.2);
    throw new InputError('assignZonesToShards', [{
      field: 'shards', value: shards,
      rule: `a shard would hold ${fullest} zones, more than maxZonesPerShard (${maxZonesPerShard}).`,
      fix: `raise shards (about ${needed} leaves room), knowing that about 1 - ${shards}/${needed} of the zones then move to new stacks.`,
    }]);
  }
  return result;
}

/** FNV-1a, 64 bits: a stable hash of a string, the same on every platform. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/** Jump consistent hash (Lamping and Veach, 2014): a bucket in [0, buckets). */
function jumpHash(key: bigint, buckets: number): number {
  let b = -1;
  let j = 0;
  let k = key;
  while (j < buckets) {
    b = j;
    k = (k * 2862933555777941757n + 1n) & 0xffffffffffffffffn;
    j = Math.floor((b + 1) * (Number(1n << 31n) / Number((k >> 33n) + 1n)));
  }
  return b;
}
