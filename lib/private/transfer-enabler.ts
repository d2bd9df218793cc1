import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ISecondaryDns } from '../secondary-dns';
import { TransferAcl } from '../transfer-acl';
import { ITransferPeer } from '../transfer-peer';
import { TerraformData } from './terraform-data';

/** The package's command line, as `npx` finds it in the project's node_modules. */
export const CLI_NAME = 'cdktf-cloudflare-zone-transfers';

/**
 * The command a provisioner runs. It reads the zone id from `self`, the only
 * thing a destroy-time provisioner may read; the API token comes from the
 * environment of `terraform apply`, never from the configuration.
 */
function cliCommand(subcommand: 'enable' | 'disable'): string {
  return `npx --no-install ${CLI_NAME} ${subcommand} --zone-id \${self.triggers_replace.zone_id}`;
}

/**
 * Adds the `terraform_data` that enables outgoing transfers once the peers
 * are linked (and the ACLs exist, so the secondary's first transfer after
 * Cloudflare's NOTIFY is allowed), and disables them when it is destroyed.
 */
export function addTransferEnabler(
  scope: Construct,
  outgoing: DnsZoneTransfersOutgoing,
  linkedPeers: readonly ITransferPeer[],
  secondaries: readonly ISecondaryDns[],
): TerraformData {
  const acls: ITerraformDependable[] = secondaries
    .flatMap((s) => s.transferAcls)
    .filter((acl): acl is TransferAcl => acl instanceof TransferAcl)
    .map((acl) => acl.resource);
  return new TerraformData(scope, 'EnableTransfers', {
    triggersReplace: {
      zone_id: outgoing.zoneId,
      peers: linkedPeers.map((peer) => peer.peerId),
    },
    dependsOn: [outgoing, ...acls],
    provisioners: [
      { type: 'local-exec', command: cliCommand('enable') },
      { type: 'local-exec', when: 'destroy', command: cliCommand('disable') },
    ],
  });
}
