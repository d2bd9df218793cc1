/**
 * Many zones, sharded over several stacks so that each plans fast and in
 * parallel: the account-level SecondaryDns lives in its own stack, and each
 * shard stack holds an OutgoingZoneTransferFleet for the zones
 * assignZonesToShards gives it (by zone name: adding zones never moves others).
 * cdktf turns the references to the secondary's peers into outputs of the
 * account stack and remote-state reads in the shard stacks; apply the account
 * stack first.
 *
 * Zone ids come from TF_VAR_zone_ids (a map from zone name to id) in each shard.
 * In your own project, import from 'cdktf-cloudflare-zone-transfers'.
 */
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, Fn, LocalBackend, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { OutgoingZoneTransferFleet, SecondaryDns, assignZonesToShards } from '../../lib';
import { cloudflareIdVariable } from '../single-zone/main';

/** Stands in for the zone list a team keeps in a file or a registry. */
export const FLEET_ZONES = Array.from({ length: 60 }, (_, i) => `customer-${String(i).padStart(3, '0')}.example`);
export const SHARDS = 3;

function stackWithProvider(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  // Stacks are sibling directories under cdktf.out/stacks, and the shards read the account stack's
  // state through this same path, so it names the stack's directory. Use a remote backend in production.
  new LocalBackend(stack, { path: `../${id}/terraform.tfstate` });
  new CloudflareProvider(stack, 'cloudflare', {});
  return stack;
}

/** Adds the account stack and one stack per shard. */
export function createStacks(app: App): void {
  const account = stackWithProvider(app, 'zone-transfers-account');
  const secondary = new SecondaryDns(account, 'SecondaryDnsProvider', {
    accountId: cloudflareIdVariable(account, 'account_id', 'Cloudflare account id').stringValue,
    tsig: { name: 'cloudflare-transfer.secondary-provider.example' },
    peers: [{ name: 'ns1-secondary', ip: '198.51.100.53' }, { name: 'ns2-secondary', ip: '203.0.113.53' }],
    nameservers: ['ns1.secondary-provider.example', 'ns2.secondary-provider.example'],
  });

  assignZonesToShards(FLEET_ZONES, { shards: SHARDS, maxZonesPerShard: 2500 }).forEach((zones, shard) => {
    const stack = stackWithProvider(app, `zone-transfers-shard-${shard}`);
    const zoneIds = new TerraformVariable(stack, 'zone_ids', { type: 'map(string)', description: 'Cloudflare zone id of each zone, keyed by zone name' });
    new OutgoingZoneTransferFleet(stack, 'Zones', {
      secondaries: [secondary],
      zones: zones.map((zoneName) => ({ zoneName, zoneId: Token.asString(Fn.lookup(zoneIds.value, zoneName)) })),
    });
  });
}
