import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, NAMESERVERS, PEERS, shippedPackage, zoneAt } from './shared';

/** At most this many zones per stack in the sharded program. */
export const ZONES_PER_SHARD = 2500;

/** N zones sharded over ceil(N / 2500) stacks of fleets, with the SecondaryDns in its own stack. */
export function build(scope: Construct, zones: number): TerraformStack {
  const { OutgoingZoneTransferFleet, SecondaryDns, assignZonesToShards } = shippedPackage();
  const account = new TerraformStack(scope, 'account');
  new CloudflareProvider(account, 'cloudflare', {});
  const secondary = new SecondaryDns(account, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'fleet-key' }, peers: PEERS, nameservers: NAMESERVERS });
  const all = new Map(Array.from({ length: zones }, (_, i) => zoneAt(i)).map((z) => [z.zoneName, z]));
  const shards = Math.max(1, Math.ceil((zones / ZONES_PER_SHARD) * 1.1));
  assignZonesToShards([...all.keys()], { shards, maxZonesPerShard: ZONES_PER_SHARD }).forEach((names, i) => {
    const stack = new TerraformStack(scope, `shard-${i}`);
    new CloudflareProvider(stack, 'cloudflare', {});
    if (names.length > 0) new OutgoingZoneTransferFleet(stack, 'Zones', { secondaries: [secondary], zones: names.map((name) => all.get(name)!) });
  });
  return account;
}
