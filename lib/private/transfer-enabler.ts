import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { MapTerraformIterator, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ISecondaryDns } from '../secondary-dns';
import { TransferAcl } from '../transfer-acl';
import { ITransferPeer } from '../transfer-peer';
import { TerraformData } from './terraform-data';
import { dependencies } from './token-stack-traces';

/** The package's command line, as `npx` finds it in the project's node_modules. */
export const CLI_NAME = 'cdktf-cloudflare-zone-transfers';

/**
 * How long a provisioner's command may retry, in seconds. Past Cloudflare's
 * global API rate limit (1,200 requests per five minutes per user), every call
 * is refused for five minutes; an apply of many zones reaches it, and the
 * command then waits it out instead of failing the apply.
 */
export const PROVISIONER_TIMEOUT_SECONDS = 900;

/**
 * The command a provisioner runs. It reads the zone id from `self`, the only
 * thing a destroy-time provisioner may read; the API token comes from the
 * environment of `terraform apply`, never from the configuration.
 */
function cliCommand(subcommand: 'enable' | 'disable'): string {
  return `npx --no-install ${CLI_NAME} ${subcommand} --zone-id \${self.triggers_replace.zone_id} --timeout ${PROVISIONER_TIMEOUT_SECONDS}`;
}

/**
 * Adds the `terraform_data` (one per zone, or one instance per zone of
 * `forEach`) that enables outgoing transfers once the peers are linked (and the ACLs exist, so the secondary's first transfer after
 * Cloudflare's NOTIFY is allowed), and disables them when it is destroyed.
 */
export function addTransferEnabler(
  scope: Construct,
  outgoing: DnsZoneTransfersOutgoing,
  linkedPeers: readonly ITransferPeer[],
  secondaries: readonly ISecondaryDns[],
  forEach?: MapTerraformIterator,
): TerraformData {
  // depends_on cannot name a resource of another stack (a shared SecondaryDns in its own stack): those ACLs exist already.
  const stack = TerraformStack.of(scope);
  const acls: TerraformResource[] = secondaries
    .flatMap((s) => s.transferAcls)
    .filter((acl): acl is TransferAcl => acl instanceof TransferAcl && TerraformStack.of(acl) === stack)
    .map((acl) => acl.resource);
  return new TerraformData(scope, 'EnableTransfers', {
    forEach,
    triggersReplace: {
      // A fleet's enabler is one instance per zone; its for_each map is zone name => zone id.
      zone_id: forEach ? (forEach.value as string) : outgoing.zoneId,
      peers: linkedPeers.map((peer) => peer.peerId),
    },
    dependsOn: dependencies([outgoing, ...acls]),
    provisioners: [
      { type: 'local-exec', command: cliCommand('enable') },
      { type: 'local-exec', when: 'destroy', command: cliCommand('disable') },
    ],
  });
}
