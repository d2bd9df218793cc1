import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, NAMESERVERS, PEERS, shippedPackage, zoneAt } from './shared';

/** N zones with this library: one SecondaryDns, one OutgoingZoneTransfer per zone. */
export function build(scope: Construct, zones: number): TerraformStack {
  const { OutgoingZoneTransfer, SecondaryDns } = shippedPackage();
  const stack = new TerraformStack(scope, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  const secondary = new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'fleet-key' }, peers: PEERS, nameservers: NAMESERVERS });
  for (let i = 0; i < zones; i++) {
    const { zoneName, zoneId } = zoneAt(i);
    new OutgoingZoneTransfer(stack, zoneName, { zoneId, zoneName, secondaries: [secondary] });
  }
  return stack;
}
