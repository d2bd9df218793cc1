import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, NAMESERVERS, PEERS, shippedPackage, zoneAt } from './shared';

/**
 * The fleet form plus the secondary's rendered configuration for all four
 * servers (step 5): four outputs, each listing every zone. Not a way to
 * compare with hand-written code (that has no such outputs), but what a
 * fleet with `configOutputs` costs.
 */
export function build(scope: Construct, zones: number): TerraformStack {
  const { OutgoingZoneTransferFleet, SecondaryDns, SecondaryServer } = shippedPackage();
  const stack = new TerraformStack(scope, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  const secondary = new SecondaryDns(stack, 'Secondary', {
    accountId: ACCOUNT_ID, tsig: { name: 'fleet-key' }, peers: PEERS, nameservers: NAMESERVERS,
    configOutputs: [SecondaryServer.BIND, SecondaryServer.KNOT, SecondaryServer.NSD, SecondaryServer.POWERDNS],
  });
  new OutgoingZoneTransferFleet(stack, 'Zones', { secondaries: [secondary], zones: Array.from({ length: zones }, (_, i) => zoneAt(i)) });
  return stack;
}
