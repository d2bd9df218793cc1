import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { FLEET_ZONES, createStacks as createShardedStacks } from '../../examples/sharded-fleet/main';
import { EXIT, runCli } from '../../lib/cli/main';
import { LITERAL_SECRET, synthFixture } from './fixtures';

/**
 * The review command on a fixture pair that holds every kind of change.
 * Golden files: set UPDATE_GOLDEN=1 to rewrite them after an intended change.
 */

let base: string;
let head: string;
const outputs: string[] = [];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  outputs.push(out, err);
  return { code, out, err };
}

function golden(name: string, text: string): string {
  const file = join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run the test with UPDATE_GOLDEN=1 and review it`);
  return readFileSync(file, 'utf8');
}

beforeAll(() => {
  base = synthFixture('base');
  head = synthFixture('head');
});
afterAll(() => {
  for (const dir of [base, head]) rmSync(dir, { recursive: true, force: true });
});

describe('review', () => {
  test('without --base: a report of every zone and account object matches the golden file', async () => {
    const { code, out } = await cli('review', '--out', head);
    expect(code).toBe(EXIT.OK);
    expect(out).toBe(golden('report.md', out));
    expect(out).toContain('| h.example | prod  | ns2 192.0.2.22:53, ns3 192.0.2.3:53');
    expect(out).toMatch(/^\| CFZT007 \| prod +\| prod +\| Enterprise entitlement confirmed by the account team in ticket 4711\. \|$/m);
  });

  test('with --base: only the changes, riskiest first, matching the golden file', async () => {
    const { code, out } = await cli('review', '--out', head, '--base', base);
    expect(code).toBe(EXIT.OK);
    expect(out).toBe(golden('diff.md', out));
    expect(out).toContain('**9 high-risk, 11 medium-risk and 5 low-risk change(s).**');
  });

  test('every change kind appears in the fixture, with its risk', async () => {
    const { out } = await cli('review', '--out', head, '--base', base, '--format', 'json');
    const { summary, changes } = JSON.parse(out) as { summary: Record<string, number>; changes: { risk: string; kind: string }[] };
    const kinds = Object.fromEntries(changes.map((c) => [c.kind, c.risk]));
    expect(kinds).toEqual({
      'zone added': 'low', 'zone removed': 'high',
      'peer added': 'low', 'peer removed': 'medium', 'peer re-addressed': 'medium',
      'TSIG key created': 'low', 'TSIG key added': 'high', 'TSIG key removed': 'medium', 'TSIG key replaced': 'high',
      'TSIG algorithm changed': 'high', 'TSIG key renamed': 'high',
      'ACL added': 'low', 'ACL removed': 'high', 'ACL widened': 'medium', 'ACL narrowed or moved': 'medium',
      'NS record added': 'medium', 'NS record removed': 'high',
      'multi-provider DNS turned on': 'medium', 'multi-provider DNS turned off': 'high',
      'transfers no longer enabled by the library': 'high',
    });
    expect(summary).toEqual({ high: 9, medium: 11, low: 5 });
  });

  test('--fail-on-risk exits 5 when a high-risk change is present, 0 when nothing changed', async () => {
    expect((await cli('review', '--out', head, '--base', base, '--fail-on-risk')).code).toBe(EXIT.HIGH_RISK);
    const same = await cli('review', '--out', base, '--base', base, '--fail-on-risk');
    expect(same.code).toBe(EXIT.OK);
    expect(same.out).toBe('# Outgoing zone transfers: changes\n\nNo changes to outgoing zone transfers.\n');
  });

  test('--fail-on-risk without --base is a usage error', async () => {
    const { code, err } = await cli('review', '--out', head, '--fail-on-risk');
    expect(code).toBe(EXIT.USAGE);
    expect(err).toContain('--fail-on-risk compares with a base');
  });

  test('the output is deterministic: another synth of the same program gives the same report', async () => {
    const again = synthFixture('head');
    try {
      expect((await cli('review', '--out', again)).out).toBe((await cli('review', '--out', head)).out);
      expect((await cli('review', '--out', again, '--base', base, '--format', 'json')).out).toBe((await cli('review', '--out', head, '--base', base, '--format', 'json')).out);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test.each([
    ['a missing directory', () => join(tmpdir(), 'does-not-exist-review'), 'is not a directory'],
    ['a directory without a manifest', () => mkdtempSync(join(tmpdir(), 'not-synth-')), 'has no manifest.json, so it is not a cdktf synth output'],
    ['a manifest that is not JSON', () => {
      const dir = mkdtempSync(join(tmpdir(), 'bad-manifest-'));
      writeFileSync(join(dir, 'manifest.json'), '{ not json');
      return dir;
    }, 'manifest.json is not valid JSON'],
  ])('%s is a clear error (exit 2)', async (_, dir, message) => {
    const { code, err } = await cli('review', '--out', dir());
    expect(code).toBe(EXIT.USAGE);
    expect(err).toContain(message);
  });

  test('zones of shard stacks are shown with the peers of the account stack they reference', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'review-sharded-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      createShardedStacks(app);
      app.synth();
      const { out } = await cli('review', '--out', outdir, '--format', 'json');
      const model = JSON.parse(out) as { zones: { zone: string; stack: string; peers: { name: string; endpoint: string }[]; tsigKeys: string[] }[]; peers: { stack: string; zones: string[] }[] };
      expect(model.zones).toHaveLength(FLEET_ZONES.length);
      for (const zone of model.zones) {
        expect(zone.stack).toMatch(/^zone-transfers-shard-\d$/);
        expect(zone.peers).toEqual([{ address: expect.any(String), name: 'ns1-secondary', endpoint: '198.51.100.53:53' }, { address: expect.any(String), name: 'ns2-secondary', endpoint: '203.0.113.53:53' }]);
        expect(zone.tsigKeys).toEqual([expect.stringMatching(/^zone-transfers-account\|cloudflare_dns_zone_transfers_tsig\./)]);
      }
      expect(model.peers.map((p) => [p.stack, p.zones.length])).toEqual([['zone-transfers-account', FLEET_ZONES.length], ['zone-transfers-account', FLEET_ZONES.length]]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('no secret and no secret length ever appears, in any format', async () => {
    for (const args of [['--out', head], ['--out', head, '--base', base], ['--out', base, '--format', 'json'], ['--out', head, '--base', base, '--format', 'json']]) {
      await cli('review', ...args);
    }
    const synthesized = readFileSync(join(head, 'stacks', 'prod', 'cdk.tf.json'), 'utf8');
    expect(synthesized).toContain(LITERAL_SECRET); // the fixture really holds a literal secret
    for (const text of outputs) {
      expect(text).not.toContain(LITERAL_SECRET);
      expect(text).not.toMatch(/length|"keepers"|\b(64|32) bytes/i);
    }
  });
});
