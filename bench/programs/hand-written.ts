import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { DnsZoneTransfersTsig } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-tsig';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { Bytes } from '@cdktf/provider-random/lib/bytes';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Fn, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ACCOUNT_ID, NAMESERVERS, PEERS, zoneAt } from './shared';

/**
 * The same Terraform resources as the library program, written by hand with
 * the provider classes (deep imports), no validation, no checks.
 */
export function build(scope: Construct, zones: number): TerraformStack {
  const stack = new TerraformStack(scope, 'fleet');
  new CloudflareProvider(stack, 'cloudflare', {});
  new RandomProvider(stack, 'random', {});
  const secret = new Bytes(stack, 'secret', { length: 64 });
  const tsig = new DnsZoneTransfersTsig(stack, 'tsig', { accountId: ACCOUNT_ID, name: 'fleet-key.', algo: 'hmac-sha512.', secret: secret.base64 });
  const peers = PEERS.map((p) => new DnsZoneTransfersPeer(stack, `peer-${p.name}`, { accountId: ACCOUNT_ID, name: p.name, ip: p.ip, port: 53, ixfrEnable: false, tsigId: tsig.id }));
  const acls = PEERS.map((p) => new DnsZoneTransfersAcl(stack, `acl-${p.name}`, { accountId: ACCOUNT_ID, name: `${p.ip}/32`, ipRange: `${p.ip}/32` }));
  new TerraformOutput(stack, 'cloudflare_transfer_addresses', { value: { transfer_ip: '172.65.64.6', notify_sources: ['104.30.167.163', '104.30.167.173', '2a09:bac0:1000:c47::/64'] } });
  const peerIds = peers.map((p) => p.id);

  for (let i = 0; i < zones; i++) {
    const { zoneName, zoneId } = zoneAt(i);
    const outgoing = new DnsZoneTransfersOutgoing(stack, `outgoing-${i}`, { zoneId, name: `${zoneName}.`, peers: peerIds });
    const zone = new DataCloudflareZone(stack, `zone-${i}`, { zoneId });
    const enabler = new TerraformResource(stack, `enable-${i}`, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: [outgoing, ...acls],
      provisioners: [
        { type: 'local-exec', command: 'npx --no-install cdktf-cloudflare-zone-transfers enable --zone-id ${self.triggers_replace.zone_id} --timeout 900' },
        { type: 'local-exec', when: 'destroy', command: 'npx --no-install cdktf-cloudflare-zone-transfers disable --zone-id ${self.triggers_replace.zone_id} --timeout 900' },
      ],
    });
    enabler.addOverride('triggers_replace', { zone_id: outgoing.zoneId, peers: peerIds });
    const settings = new ZoneDnsSettings(stack, `settings-${i}`, { zoneId, multiProvider: true });
    for (const host of NAMESERVERS) {
      new DnsRecord(stack, `ns-${i}-${host}`, { zoneId, name: zoneName, type: 'NS', content: host, ttl: 86400, comment: 'Secondary DNS nameserver (outgoing zone transfer), managed by Terraform', dependsOn: [settings] });
    }
    new TerraformOutput(stack, `registrar_nameservers_${i}`, { value: Fn.concat([zone.nameServers, NAMESERVERS]) });
  }
  return stack;
}
