import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OutgoingZoneTransfer, OutgoingZoneTransferProps, PreflightChecks, CheckId, SecondaryDns, TsigAlgorithm } from '../../lib';

/**
 * A base and a head synth output that differ in every kind of change the
 * review reports. Ids are literals so the fixtures need no variables.
 */

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const zoneId = (n: number) => n.toString(16).padStart(32, '0');
/** A made-up literal secret, to prove the review never prints one. */
export const LITERAL_SECRET = 'bGl0ZXJhbC1zZWNyZXQtbmV2ZXItcHJpbnRlZA==';

export type Side = 'base' | 'head';

function build(side: Side, stack: TerraformStack): void {
  const head = side === 'head';
  new CloudflareProvider(stack, 'cloudflare', {});
  const shared = new SecondaryDns(stack, 'Provider', {
    accountId: ACCOUNT,
    tsig: { name: 'shared-key' },
    peers: head
      ? [{ name: 'ns2', ip: '192.0.2.22' }, { name: 'ns3', ip: '192.0.2.3' }] // ns1 removed, ns2 re-addressed, ns3 added
      : [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: '192.0.2.2' }],
    transferAcls: head
      ? [{ name: 'range', ipRange: '198.51.100.0/27' }, { name: 'narrow', ipRange: '203.0.113.0/29' }, { name: 'new', ipRange: '192.0.2.128/25' }]
      : [{ name: 'range', ipRange: '198.51.100.0/28' }, { name: 'narrow', ipRange: '203.0.113.0/28' }, { name: 'old', ipRange: '192.0.2.0/25' }],
    nameservers: head ? ['ns1.provider.example', 'ns2.provider.example', 'ns3.provider.example'] : ['ns1.provider.example', 'ns2.provider.example'],
  });
  const zone = (n: number, name: string, props: Partial<OutgoingZoneTransferProps>) =>
    new OutgoingZoneTransfer(stack, name, { zoneId: zoneId(n), zoneName: name, ...props } as OutgoingZoneTransferProps);
  const inline = (n: string, ip: string) => ({ accountId: ACCOUNT, peers: [{ name: n, ip }] });

  zone(1, 'a.example', { secondaries: [shared] });
  zone(2, 'b.example', { secondaries: [shared] });
  if (!head) zone(3, 'c.example', { secondaries: [shared] }); // removed
  if (head) zone(8, 'h.example', { secondaries: [shared] }); // added
  zone(4, 'd.example', { ...inline('d1', '198.51.100.40'), tsig: { name: 'd-key', algorithm: head ? TsigAlgorithm.HMAC_SHA256 : TsigAlgorithm.HMAC_SHA512 }, nameservers: ['ns.d.provider.example'] });
  zone(5, 'e.example', { ...inline('e1', '198.51.100.50'), tsig: { name: 'e-key' }, nameservers: ['ns.e.provider.example'], enableTransfers: !head });
  zone(6, 'f.example', { ...inline('f1', '198.51.100.60'), tsig: head ? { name: 'f-key' } : undefined, nameservers: ['ns.f.provider.example'] });
  zone(7, 'g.example', { ...inline('g1', '198.51.100.70'), tsig: { name: 'g-key' }, nameservers: ['ns.g.provider.example'], hiddenSecondary: head });
  zone(9, 'i.example', { ...inline('i1', '198.51.100.90'), tsig: { name: head ? 'i-new-name' : 'i-old-name', secret: LITERAL_SECRET }, nameservers: ['ns.i.provider.example'] });
  zone(10, 'j.example', { ...inline('j1', '198.51.100.100'), tsig: head ? undefined : { name: 'j-key' }, nameservers: ['ns.j.provider.example'] });
  zone(11, 'k.example', { ...inline('k1', '198.51.100.110'), tsig: { name: 'k-key' }, nameservers: ['ns.k.provider.example'], hiddenSecondary: !head });
  zone(12, 'z.example', { ...inline('z1', '198.51.100.120'), tsig: { name: 'z-key' }, nameservers: ['ns.z.provider.example'] });
  PreflightChecks.acknowledge(stack, CheckId.ENTITLEMENT, 'Enterprise entitlement confirmed by the account team in ticket 4711.');
}

/** Synthesizes one side of the fixture into a fresh directory; returns the directory. */
export function synthFixture(side: Side): string {
  const outdir = mkdtempSync(join(tmpdir(), `review-${side}-`));
  const app = new App({ outdir, stackTraces: false });
  build(side, new TerraformStack(app, 'prod'));
  app.synth();
  return outdir;
}
