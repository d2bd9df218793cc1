/**
 * Benchmark: the review command on large synth outputs. For each N it
 * synthesizes N zones that share one secondary (base), the same with every
 * zone's peers changed (head), then times `review` and `review --base`.
 *
 *   npm run bench:review            # N = 1000, 5000
 *   npm run bench:review -- 200
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OutgoingZoneTransfer, SecondaryDns } from '../lib';
import { review } from '../lib/review/review';

function synthesize(zones: number, peerIp: string): string {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-review-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  const secondary = new SecondaryDns(stack, 'Secondary', {
    accountId: '0123456789abcdef0123456789abcdef',
    tsig: { name: 'fleet-key' },
    peers: [{ name: 'ns1', ip: peerIp }, { name: 'ns2', ip: '192.0.2.2' }],
    nameservers: ['ns1.provider.example', 'ns2.provider.example'],
  });
  for (let i = 0; i < zones; i++) {
    const zoneName = `zone-${i}.example`;
    new OutgoingZoneTransfer(stack, zoneName, { zoneId: i.toString(16).padStart(32, '0'), zoneName, secondaries: [secondary] });
  }
  app.synth();
  return outdir;
}

function time<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log('zones | review (ms) | review --base (ms) | changes | report bytes');
for (const n of sizes.length > 0 ? sizes : [1000, 5000]) {
  const base = synthesize(n, '192.0.2.1');
  const head = synthesize(n, '192.0.2.11');
  try {
    const [report, reportMs] = time(() => review({ out: head, format: 'markdown' }));
    const [diff, diffMs] = time(() => review({ out: head, base, format: 'markdown' }));
    console.log(`${n} | ${reportMs.toFixed(0)} | ${diffMs.toFixed(0)} | ${diff.changes?.length} | ${Buffer.byteLength(report.text)}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
    rmSync(head, { recursive: true, force: true });
  }
}
console.log(`node ${process.version}, ${require('node:os').cpus().length} cores, ${require('node:os').cpus()[0]?.model ?? 'unknown CPU'}`);
