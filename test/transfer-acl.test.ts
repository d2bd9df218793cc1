import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { TransferAcl } from '../lib';
import { ACCOUNT_ID, errorOf, newStack, synth, synthJson } from './helpers';

describe('TransferAcl', () => {
  test.each([
    ['192.0.2.0/24', '192.0.2.0/24'],
    ['192.0.2.53', '192.0.2.53/32'],
    ['2001:db8::53', '2001:db8::53/128'],
  ])('range %s is written as %s', (input, written) => {
    const stack = newStack();
    const acl = new TransferAcl(stack, 'Acl', { accountId: ACCOUNT_ID, name: 'secondary', ipRange: input });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersAcl, { account_id: ACCOUNT_ID, name: 'secondary', ip_range: written });
    expect(acl.ipRange).toBe(written);
  });

  test('host bits set: the error suggests the corrected range', () => {
    const error = errorOf(() => new TransferAcl(newStack(), 'Acl', { accountId: ACCOUNT_ID, name: 'secondary', ipRange: '192.0.2.77/24' }));
    expect(error.message).toBe(
      "TransferAcl at 'test/Acl' has 1 problem:\n" +
        '  1. ipRange: received "192.0.2.77/24". Rule: a range must not have host bits set (the address must be the first of the range). Fix: write "192.0.2.0/24".',
    );
  });

  test('too wide a range is refused with the limit in the message', () => {
    const error = errorOf(() => new TransferAcl(newStack(), 'Acl', { accountId: ACCOUNT_ID, name: 'wide', ipRange: '2001:db8::/56' }));
    expect(error.message).toContain('Cloudflare rejects ACL ranges wider than /64 for IPv6');
  });

  test('fromAclId refers to an existing ACL', () => {
    const stack = newStack();
    const acl = TransferAcl.fromAclId(stack, 'Existing', { aclId: '23ff594956f20c2a721606e94745a8aa', name: 'old', ipRange: '192.0.2.1' });
    expect(acl.ipRange).toBe('192.0.2.1/32');
    expect(synthJson(stack).resource).toBeUndefined();
  });
});
