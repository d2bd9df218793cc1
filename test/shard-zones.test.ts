import { InputError, assignZonesToShards, shardOfZone } from '../lib';

const zones = (n: number, prefix = 'zone') => Array.from({ length: n }, (_, i) => `${prefix}-${i}.example`);
const shardOf = (shards: string[][]) => new Map(shards.flatMap((list, i) => list.map((z) => [z, i] as const)));

describe('assignZonesToShards', () => {
  test('the assignment depends on the zone name only: known values, on every machine', () => {
    const map = shardOf(assignZonesToShards(zones(6), { shards: 4 }));
    expect([...map.entries()]).toMatchSnapshot();
    expect(shardOfZone('Zone-3.EXAMPLE.', 4)).toBe(map.get('zone-3.example'));
  });

  test('adding and removing zones never moves another zone', () => {
    const before = shardOf(assignZonesToShards(zones(1000), { shards: 5 }));
    const after = shardOf(assignZonesToShards([...zones(500, 'new'), ...zones(1000).slice(100)].reverse(), { shards: 5 }));
    for (const [zone, shard] of after) if (before.has(zone)) expect({ zone, shard }).toEqual({ zone, shard: before.get(zone) });
  });

  test('zones spread evenly, and one more shard moves only about 1/n of them', () => {
    const four = assignZonesToShards(zones(10_000), { shards: 4 });
    for (const shard of four) expect(Math.abs(shard.length - 2500)).toBeLessThan(250);
    const fourOf = shardOf(four);
    const five = shardOf(assignZonesToShards(zones(10_000), { shards: 5 }));
    const moved = [...fourOf].filter(([zone, shard]) => five.get(zone) !== shard);
    expect(moved.length / 10_000).toBeGreaterThan(0.15);
    expect(moved.length / 10_000).toBeLessThan(0.25);
    expect(moved.every(([zone]) => five.get(zone) === 4)).toBe(true); // zones only move into the new shard
  });

  test('a shard over maxZonesPerShard is an error that says how many shards would do', () => {
    let error: unknown;
    try {
      assignZonesToShards(zones(1000), { shards: 2, maxZonesPerShard: 400 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^assignZonesToShards: the input has 1 problem:\n {2}1\. shards: received number 2\. Rule: a shard would hold \d+ zones, more than maxZonesPerShard \(400\)\. Fix: raise shards \(about 3 leaves room\)/);
  });

  test.each([
    [{ shards: 0 }, 'shards: received number 0'],
    [{ shards: 2.5 }, 'must be a whole number from 1 to 10000'],
    [{ shards: 2, maxZonesPerShard: 0 }, 'maxZonesPerShard: received number 0'],
  ])('%j is an error', (options, message) => {
    expect(() => assignZonesToShards(zones(3), options)).toThrow(message);
  });
});
