import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OutgoingZoneTransferFleet, SecondaryDns } from '../../lib';
import { EXIT, runCli } from '../../lib/cli/main';

/**
 * `review --max-length`: a fleet's review must still fit a pull-request
 * comment (65,536 characters), keeping the riskiest changes and saying how
 * much it left out.
 */

function synthFleet(zones: number): string {
  const outdir = mkdtempSync(join(tmpdir(), 'review-max-length-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  const secondary = new SecondaryDns(stack, 'Secondary', {
    accountId: '0123456789abcdef0123456789abcdef', tsig: { name: 'fleet-key' },
    peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'],
  });
  const list = Array.from({ length: zones }, (_, i) => ({ zoneName: `zone-${String(i).padStart(4, '0')}.example`, zoneId: i.toString(16).padStart(32, '0') }));
  new OutgoingZoneTransferFleet(stack, 'Zones', { secondaries: [secondary], zones: list });
  app.synth();
  return outdir;
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const rowsOf = (markdown: string) => markdown.split('\n').filter((line) => /^\| zone-\d{4}\.example /.test(line) || /^\| (high|medium|low) /.test(line));

let base: string;
let head: string;
beforeAll(() => {
  base = synthFleet(400);
  head = synthFleet(800); // 400 zones added
});
afterAll(() => {
  for (const dir of [base, head]) rmSync(dir, { recursive: true, force: true });
});

describe('review --max-length', () => {
  test('the report keeps as many zones as fit, says how many it left out, and keeps the other sections', async () => {
    const full = (await cli('review', '--out', head)).out;
    const { code, out } = await cli('review', '--out', head, '--max-length', '20000');
    expect(code).toBe(EXIT.OK);
    expect(full.length).toBeGreaterThan(20000);
    expect(out.length).toBeLessThanOrEqual(20000);
    const shown = rowsOf(out).length;
    expect(shown).toBeGreaterThan(10);
    expect(out).toContain(`_${800 - shown} more row(s) not shown: the review is cut to its maximum length.`);
    expect(rowsOf(out)).toEqual(rowsOf(full).slice(0, shown)); // the first rows, unchanged
    for (const section of ['## Account objects', '### TSIG keys', '## Pre-flight findings']) expect(out).toContain(section);
    // An account object used by hundreds of zones names the first 20 and counts the rest.
    expect(out).toContain('zone-0019.example and 780 more (800 in all)');
  });

  test('the diff keeps the riskiest changes first and counts the rest', async () => {
    const full = (await cli('review', '--out', head, '--base', base)).out;
    const { code, out } = await cli('review', '--out', head, '--base', base, '--max-length', '10000');
    expect(code).toBe(EXIT.OK);
    expect(out.length).toBeLessThanOrEqual(10000);
    const shown = rowsOf(out);
    const all = rowsOf(full);
    expect(all.length).toBeGreaterThan(shown.length);
    expect(shown).toEqual(all.slice(0, shown.length));
    expect(out).toContain(`_${all.length - shown.length} more row(s) not shown`);
    expect(out.split('\n')[2]).toBe(full.split('\n')[2]); // the summary line counts every change
  });

  test('a review that fits is not changed', async () => {
    const { out } = await cli('review', '--out', base, '--base', base, '--max-length', '1000');
    expect(out).toBe((await cli('review', '--out', base, '--base', base)).out);
  });

  test.each([
    [['--max-length', '999'], 'at least 1000'],
    [['--max-length', 'lots'], 'whole number of characters'],
    [['--max-length', '20000', '--format', 'json'], 'JSON is for tools and is never cut'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await cli('review', '--out', head, ...args);
    expect(code).toBe(EXIT.USAGE);
    expect(err).toContain(message);
  });
});

describe('the GitHub Actions workflow example', () => {
  test('calls review with options the command accepts, and cuts the comment to fit', async () => {
    const workflow = readFileSync(join(__dirname, '..', '..', 'examples', 'github-actions', 'zone-transfer-review.yml'), 'utf8');
    const calls = [...workflow.matchAll(/cdktf-cloudflare-zone-transfers review \\\n\s+([^>\n]+)>/g)].map((m) => m[1].trim().split(/\s+/));
    expect(calls).toHaveLength(2);
    for (const args of calls) {
      const argv = args.map((arg) => arg.replace('"$RUNNER_TEMP/head.out"', head).replace('"$RUNNER_TEMP/base.out"', base));
      const { code, err } = await cli('review', ...argv);
      expect(err).toBe('');
      expect([EXIT.OK, EXIT.HIGH_RISK]).toContain(code);
    }
    expect(calls[1]).toEqual(expect.arrayContaining(['--max-length', '60000']));
  });
});
