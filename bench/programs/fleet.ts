import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, NAMESERVERS, PEERS, shippedPackage, zoneAt } from './shared';

/** N zones with this library's fleet form: the same Cloudflare objects, one for_each resource per kind. */
export function build(scope: Construct, zones: number): TerraformStack {
  const { OutgoingZoneTransferFleet, SecondaryDns } = shippedPackage();
  const stack = new TerraformStack(scope, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  const secondary = new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'fleet-key' }, peers: PEERS, nameservers: NAMESERVERS });
  new OutgoingZoneTransferFleet(stack, 'Zones', { secondaries: [secondary], zones: Array.from({ length: zones }, (_, i) => zoneAt(i)) });
  return stack;
}
