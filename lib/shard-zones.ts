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
 * Assigns each zone to a shard (a stack) by its name alone, with jump
 * consistent hashing: the assignment does not depend on the other zones, so
 * adding or removing zones never moves another one, and it is the same on
 * every machine. Returns one list per shard (index = shard number), each in
 * the order the zones were given.
 */
export function assignZonesToShards<T extends { readonly zoneName: string }>(zones: readonly T[], options: ShardOptions): T[][] {
  const problems = new ProblemList();
  const { shards, maxZonesPerShard } = options ?? ({} as ShardOptions);
  if (!Number.isInteger(shards) || shards < 1 || shards > 10_000) {
    problems.add('shards', shards, 'must be a whole number from 1 to 10000.', 'pick a fixed number of stacks, such as 4.');
  }
  if (maxZonesPerShard !== undefined && (!Number.isInteger(maxZonesPerShard) || maxZonesPerShard < 1)) {
    problems.add('maxZonesPerShard', maxZonesPerShard, 'must be a positive whole number.', 'pass the most zones one stack should plan, such as 2500.');
  }
  if (!Array.isArray(zones)) problems.add('zones', zones, 'must be an array of zones ({ zoneName, ... }).', 'pass the zones to spread.');
  problems.throwIfAnyInFunction('assignZonesToShards');

  const result: T[][] = Array.from({ length: shards }, () => []);
  for (const zone of zones) result[jumpHash(fnv1a64(zone.zoneName.trim().toLowerCase().replace(/\.$/, '')), shards)].push(zone);
  const fullest = Math.max(...result.map((s) => s.length));
  if (maxZonesPerShard !== undefined && fullest > maxZonesPerShard) {
    const needed = Math.ceil((zones.length / maxZonesPerShard) * 1.2);
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
