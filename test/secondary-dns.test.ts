import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { DnsZoneTransfersTsig } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-tsig';
import { TerraformVariable } from 'cdktf';
import { PeerOptions, SecondaryDns, SecondaryDnsProps, TsigKey } from '../lib';
import { ACCOUNT_ID, annotations, errorOf, newStack, resourcesOf, synth, synthJson } from './helpers';

const PEERS: PeerOptions[] = [
  { name: 'ns2', ip: '2001:db8::53' },
  { name: 'ns1', ip: '192.0.2.53' },
];

function secondary(props: Partial<SecondaryDnsProps> = {}) {
  const stack = newStack();
  const construct = new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'transfer-key' }, peers: PEERS, ...props });
  return { stack, construct };
}

describe('SecondaryDns', () => {
  test('creates one key, one peer per server (all signed with the key) and one ACL per peer address', () => {
    const { stack, construct } = secondary({ nameservers: ['NS1.Provider.Example.'] });
    const json = synthJson(stack);
    expect(Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_tsig'))).toHaveLength(1);
    const peers = Object.values(resourcesOf(json, 'cloudflare_dns_zone_transfers_peer'));
    expect(peers.map((p) => p.name)).toEqual(['ns1', 'ns2']);
    for (const peer of peers) expect(peer.tsig_id).toMatch(/^\$\{cloudflare_dns_zone_transfers_tsig\.Secondary_TsigKey_[0-9A-F]{8}\.id\}$/);
    const acls = Object.values(resourcesOf(json, 'cloudflare_dns_zone_transfers_acl'));
    expect(acls.map((a) => a.ip_range).sort()).toEqual(['192.0.2.53/32', '2001:db8::53/128']);
    expect(construct.peers.map((p) => p.name)).toEqual(['ns1', 'ns2']);
    expect(construct.nameservers).toEqual(['ns1.provider.example']);
    expect(construct.tsigKey?.name).toBe('transfer-key.');
    expect(annotations(stack, 'warn')).toEqual([]);
  });

  test('two peers on one address (different ports) share one default ACL', () => {
    const { stack } = secondary({ peers: [{ name: 'a', ip: '192.0.2.53' }, { name: 'b', ip: '192.0.2.53', port: 5353 }] });
    expect(Object.values(resourcesOf(synthJson(stack), 'cloudflare_dns_zone_transfers_acl'))).toEqual([
      { account_id: ACCOUNT_ID, name: '192.0.2.53/32', ip_range: '192.0.2.53/32' },
    ]);
  });

  test('explicit transferAcls replace the defaults; [] creates none', () => {
    const explicit = secondary({ transferAcls: [{ name: 'provider-range', ipRange: '198.51.100.0/24' }] });
    expect(synth(explicit.stack)).toHaveResourceWithProperties(DnsZoneTransfersAcl, { name: 'provider-range', ip_range: '198.51.100.0/24' });
    expect(Object.keys(resourcesOf(synthJson(explicit.stack), 'cloudflare_dns_zone_transfers_acl'))).toHaveLength(1);
    const none = secondary({ transferAcls: [] });
    expect(synth(none.stack)).not.toHaveResource(DnsZoneTransfersAcl);
    expect(annotations(none.stack, 'warn')).toEqual([]);
  });

  test('an existing key is shared, not created', () => {
    const stack = newStack();
    const key = new TsigKey(stack, 'SharedKey', { accountId: ACCOUNT_ID, name: 'shared' });
    const construct = new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsigKey: key, peers: PEERS });
    expect(construct.tsigKey).toBe(key);
    expect(Object.keys(resourcesOf(synthJson(stack), 'cloudflare_dns_zone_transfers_tsig'))).toHaveLength(1);
    const peers = Object.values(resourcesOf(synthJson(stack), 'cloudflare_dns_zone_transfers_peer'));
    for (const peer of peers) expect(peer.tsig_id).toMatch(/^\$\{cloudflare_dns_zone_transfers_tsig\.SharedKey_[0-9A-F]{8}\.id\}$/);
  });

  test('without TSIG, peers are written with an empty tsig_id and a warning recommends a key', () => {
    const { stack } = secondary({ tsig: undefined });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersPeer, { name: 'ns1', tsig_id: '' });
    expect(synth(stack)).not.toHaveResource(DnsZoneTransfersTsig);
    expect(annotations(stack, 'warn').join()).toContain('not signed with TSIG');
  });

  test('peers without addresses: no default ACL, and a warning that transfers may be refused', () => {
    const { stack } = secondary({ peers: [{ name: 'poller' }] });
    expect(synth(stack)).not.toHaveResource(DnsZoneTransfersAcl);
    expect(annotations(stack, 'warn').join()).toContain('no transfer ACL was created');
  });

  test('a peer address known only at apply time gets no default ACL, and a warning says so', () => {
    const stack = newStack();
    const ip = new TerraformVariable(stack, 'peer_ip', { type: 'string' });
    new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'dynamic', ip: ip.stringValue }] });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersPeer, { ip: '${var.peer_ip}' });
    expect(synth(stack)).not.toHaveResource(DnsZoneTransfersAcl);
    expect(annotations(stack, 'warn').join()).toContain('No ACL was created for peers dynamic');
  });

  test.each<[string, Partial<SecondaryDnsProps>, string]>([
    ['tsig and tsigKey together', { tsigKey: { tsigKeyId: 'x' } as never }, 'give either `tsig`'],
    ['no peers', { peers: [] }, 'at least one peer'],
    ['peers missing (JavaScript)', { peers: undefined as never }, 'at least one peer'],
    ['peers not an array (JavaScript)', { peers: 'ns1' as never }, 'must be an array'],
    ['a hole in peers (JavaScript)', { peers: [PEERS[0], undefined as never] }, 'peers[1]: received undefined. Rule: each item must be an object'],
    ['duplicate peer names', { peers: [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns1', ip: '192.0.2.2' }] }, 'peers[0], peers[1].name: received "ns1". Rule: peer names must be unique'],
    ['peer names that map to one address', { peers: [{ name: 'a/b', ip: '192.0.2.1' }, { name: 'a--b', ip: '192.0.2.2' }] }, 'peer names must be unique'],
    ['duplicate address and port', { peers: [{ name: 'a', ip: '192.0.2.1' }, { name: 'b', ip: '192.0.2.1', port: 53 }] }, 'received "192.0.2.1:53". Rule: two peers with the same address and port'],
    ['same IPv6 address written two ways', { peers: [{ name: 'a', ip: '2001:db8::1' }, { name: 'b', ip: '2001:DB8:0::1' }] }, '"[2001:db8::1]:53"'],
    ['more than 30 peers', { peers: Array.from({ length: 31 }, (_, i) => ({ name: `ns${i}`, ip: `192.0.2.${i + 1}` })) }, 'at most 30 peers'],
    ['duplicate ACL names', { transferAcls: [{ name: 'a', ipRange: '192.0.2.0/24' }, { name: 'a', ipRange: '198.51.100.0/24' }] }, 'ACL names must be unique'],
    ['duplicate ACL ranges', { transferAcls: [{ name: 'a', ipRange: '192.0.2.0/24' }, { name: 'b', ipRange: '192.0.2.0/24' }] }, 'the same range is declared twice'],
    ['transferAcls not an array', { transferAcls: {} as never }, 'transferAcls: received an object. Rule: must be an array'],
    ['nameservers not an array', { nameservers: 'ns1.provider.example' as never }, 'must be an array of host names'],
    ['a nameserver that is an address', { nameservers: ['192.0.2.53'] }, 'looks like an IP address'],
    ['duplicate nameservers', { nameservers: ['ns1.provider.example', 'NS1.provider.example.'] }, 'each nameserver may be listed once'],
    ['tsig not an object', { tsig: 'key' as never }, 'must be an object { name, algorithm?, secret? }'],
    ['tsigKey not a key', { tsig: undefined, tsigKey: { name: 'x' } as never }, 'must be a TSIG key construct'],
  ])('%s is an error', (_, props, message) => {
    const error = errorOf(() => secondary(props));
    expect(error.message).toContain("SecondaryDns at 'test/Secondary'");
    expect(error.message).toContain(message);
  });

  test('reports all problems of a secondary in one error', () => {
    const error = errorOf(() => secondary({
      accountId: 'acme',
      tsig: { name: 'bad key' },
      peers: [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: 'ns2.provider.example', port: 70000 }],
      transferAcls: [{ name: 'wide', ipRange: '192.0.0.0/16' }],
    }));
    expect(error.message).toContain('has 5 problems');
    for (const field of ['accountId', 'tsig.name', 'peers[1].ip', 'peers[1].port', 'transferAcls[0].ipRange']) {
      expect(error.message).toContain(`${field}: received`);
    }
  });
});
