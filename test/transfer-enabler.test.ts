import { OutgoingZoneTransfer, OutgoingZoneTransferProps, PeerOptions } from '../lib';
import { ACCOUNT_ID, ZONE_ID, annotations, errorOf, newStack, resourcesOf, synthJson } from './helpers';

const PEERS: PeerOptions[] = [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: '192.0.2.2' }];

function zone(props: Partial<OutgoingZoneTransferProps> = {}) {
  const stack = newStack();
  const construct = new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, ...props });
  const json = synthJson(stack);
  const [enabler, ...others] = Object.values(resourcesOf(json, 'terraform_data'));
  return { stack, construct, json, enabler, others };
}

describe('enabling transfers at apply (step 6)', () => {
  test('create: runs the CLI enable with the zone id read from self, after the link and the ACLs', () => {
    const { enabler, others, json, construct } = zone();
    expect(others).toEqual([]);
    expect(enabler.provisioner[0]).toEqual({
      'local-exec': { command: 'npx --no-install cdktf-cloudflare-zone-transfers enable --zone-id ${self.triggers_replace.zone_id} --timeout 900' },
    });
    const outgoing = Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_outgoing'))[0];
    const acls = Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_acl')).map((name) => `cloudflare_dns_zone_transfers_acl.${name}`);
    expect(enabler.depends_on).toEqual([`cloudflare_dns_zone_transfers_outgoing.${outgoing}`, ...acls]);
    expect(acls).toHaveLength(2);
    expect(construct.enabler).toBeDefined();
  });

  test('replace: triggered by the zone and by the ids of every linked peer', () => {
    const { enabler, json } = zone();
    const outgoing = Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_outgoing'))[0];
    const peers = Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_peer')).map((name) => `\${cloudflare_dns_zone_transfers_peer.${name}.id}`);
    expect(enabler.triggers_replace).toEqual({ zone_id: `\${cloudflare_dns_zone_transfers_outgoing.${outgoing}.zone_id}`, peers });
    expect(peers).toHaveLength(2);
  });

  test('destroy: runs the CLI disable, reading only self', () => {
    const { enabler } = zone();
    expect(enabler.provisioner[1]).toEqual({
      'local-exec': { when: 'destroy', command: 'npx --no-install cdktf-cloudflare-zone-transfers disable --zone-id ${self.triggers_replace.zone_id} --timeout 900' },
    });
  });

  test('the commands are portable: no absolute path, no token, no environment', () => {
    const { enabler } = zone();
    const text = JSON.stringify(enabler);
    expect(text).not.toMatch(/"\/|[A-Z]:\\\\/);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/token|environment/i);
  });

  test('enableTransfers: false adds no terraform_data and says how to enable by hand', () => {
    const { enabler, stack, construct } = zone({ enableTransfers: false });
    expect(enabler).toBeUndefined();
    expect(construct.enabler).toBeUndefined();
    expect(annotations(stack, 'info').join()).toContain('not enabled by Terraform (enableTransfers: false): enable them in the dashboard (DNS > Settings), or run: npx cdktf-cloudflare-zone-transfers enable --zone-id');
  });

  test('enableTransfers must be a boolean', () => {
    expect(errorOf(() => zone({ enableTransfers: 'yes' as never })).message).toContain('enableTransfers: received "yes". Rule: must be true or false.');
  });
});
