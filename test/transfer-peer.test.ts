import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { TsigKey, TransferPeer } from '../lib';
import { ACCOUNT_ID, annotations, errorOf, newStack, synth, synthJson } from './helpers';

describe('TransferPeer', () => {
  test('writes every field explicitly, so that the provider reads back what was written', () => {
    const stack = newStack();
    const key = TsigKey.fromTsigKeyId(stack, 'Key', { tsigKeyId: 'tsig-id-1', name: 'k' });
    const peer = new TransferPeer(stack, 'Peer', { accountId: ACCOUNT_ID, name: 'ns1', ip: '2001:DB8::53', port: 5353, tsigKey: key });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersPeer, {
      account_id: ACCOUNT_ID,
      name: 'ns1',
      ip: '2001:db8::53',
      port: 5353,
      ixfr_enable: false,
      tsig_id: 'tsig-id-1',
    });
    expect(peer.ip).toBe('2001:db8::53');
    expect(peer.tsigKey).toBe(key);
  });

  test('defaults: port 53, no TSIG key written as an empty id', () => {
    const stack = newStack();
    new TransferPeer(stack, 'Peer', { accountId: ACCOUNT_ID, name: 'ns1', ip: '192.0.2.53' });
    const [peer] = Object.values(synthJson(stack).resource.cloudflare_dns_zone_transfers_peer) as any[];
    expect(peer).toEqual({ account_id: ACCOUNT_ID, name: 'ns1', ip: '192.0.2.53', port: 53, ixfr_enable: false, tsig_id: '' });
    expect(annotations(stack, 'warn')).toEqual([]);
  });

  test('a peer without an IP gets no NOTIFY, and a warning says the secondary must poll', () => {
    const stack = newStack();
    new TransferPeer(stack, 'Peer', { accountId: ACCOUNT_ID, name: 'poller' });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersPeer, { ip: '', port: 53 });
    expect(annotations(stack, 'warn').join()).toContain('no IP address, so Cloudflare sends it no NOTIFY');
  });

  test('reports every problem at once', () => {
    const error = errorOf(() => new TransferPeer(newStack(), 'Peer', { accountId: ACCOUNT_ID, name: ' ', ip: '192.0.2.300', port: 0 }));
    expect(error.message).toContain("TransferPeer at 'test/Peer' has 3 problems");
    expect(error.message).toMatch(/name: received " "\. Rule: a name must not be empty\. Fix: /);
    expect(error.message).toContain('ip: received "192.0.2.300". Rule: must be an IPv4 or IPv6 address.');
    expect(error.message).toContain('port: received number 0. Rule: a port is an integer from 1 to 65535.');
  });

  test('fromPeerId refers to an existing peer', () => {
    const stack = newStack();
    const peer = TransferPeer.fromPeerId(stack, 'Existing', { peerId: '23ff594956f20c2a721606e94745a8aa', name: 'ns9', ip: '192.0.2.9' });
    expect(peer.peerId).toBe('23ff594956f20c2a721606e94745a8aa');
    expect(peer.port).toBe(53);
    expect(synthJson(stack).resource).toBeUndefined();
    expect(errorOf(() => TransferPeer.fromPeerId(stack, 'Bad', { peerId: ' ', name: 'x' })).message).toContain('peerId: received " "');
  });
});
