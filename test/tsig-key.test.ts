import { DnsZoneTransfersTsig } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-tsig';
import { Bytes } from '@cdktf/provider-random/lib/bytes';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformVariable } from 'cdktf';
import { ConstructPropsError, TsigAlgorithm, TsigKey } from '../lib';
import { ACCOUNT_ID, annotations, errorOf, newStack, synth, synthJson } from './helpers';

describe('TsigKey', () => {
  test('creates the key with a generated secret, a normalized name and the default algorithm', () => {
    const stack = newStack();
    const key = new TsigKey(stack, 'Key', { accountId: ACCOUNT_ID, name: 'Cloudflare-Transfer' });
    const out = synth(stack);
    expect(out).toHaveResourceWithProperties(DnsZoneTransfersTsig, {
      account_id: ACCOUNT_ID,
      name: 'cloudflare-transfer.',
      algo: 'hmac-sha512.',
    });
    expect(out).toHaveResourceWithProperties(Bytes, { length: 64 });
    const [tsig] = Object.values(JSON.parse(out).resource.cloudflare_dns_zone_transfers_tsig) as any[];
    expect(tsig.secret).toMatch(/^\$\{random_bytes\.Key_Secret_[0-9A-F]{8}\.base64\}$/);
    expect(key.name).toBe('cloudflare-transfer.');
    expect(key.algorithm).toBe(TsigAlgorithm.HMAC_SHA512);
    expect(key.generatedSecret).toBeDefined();
    expect(annotations(stack, 'warn')).toEqual([]);
  });

  test.each([
    [TsigAlgorithm.HMAC_SHA256, 32],
    [TsigAlgorithm.HMAC_SHA384, 48],
    [TsigAlgorithm.HMAC_SHA1, 20],
  ])('a generated secret for %s has %d bytes, and the undocumented algorithm is warned about', (algorithm, bytes) => {
    const stack = newStack();
    new TsigKey(stack, 'Key', { accountId: ACCOUNT_ID, name: 'k', algorithm });
    expect(synth(stack)).toHaveResourceWithProperties(Bytes, { length: bytes });
    expect(annotations(stack, 'warn').join()).toContain('not documented by Cloudflare');
  });

  test('adds the random provider once when the stack has none', () => {
    const stack = newStack();
    new TsigKey(stack, 'A', { accountId: ACCOUNT_ID, name: 'a' });
    new TsigKey(stack, 'B', { accountId: ACCOUNT_ID, name: 'b' });
    expect(synthJson(stack).provider.random).toHaveLength(1);
  });

  test("uses the user's random provider, even one declared after the key", () => {
    const stack = newStack();
    new TsigKey(stack, 'A', { accountId: ACCOUNT_ID, name: 'a' });
    new RandomProvider(stack, 'my-random', {});
    const json = synthJson(stack);
    expect(json.provider.random).toHaveLength(1);
    expect(stack.node.tryFindChild('random')).toBeUndefined();
  });

  test('a token secret is used as is, without a warning and without a random_bytes', () => {
    const stack = newStack();
    const secret = new TerraformVariable(stack, 'tsig_secret', { type: 'string', sensitive: true });
    new TsigKey(stack, 'Key', { accountId: ACCOUNT_ID, name: 'k', secret: secret.stringValue });
    const out = synth(stack);
    expect(out).toHaveResourceWithProperties(DnsZoneTransfersTsig, { secret: '${var.tsig_secret}' });
    expect(out).not.toHaveResource(Bytes);
    expect(annotations(stack, 'warn')).toEqual([]);
  });

  test('a literal secret works but warns that it is written into cdk.tf.json', () => {
    const stack = newStack();
    new TsigKey(stack, 'Key', { accountId: ACCOUNT_ID, name: 'k', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=' });
    expect(synth(stack)).toHaveResourceWithProperties(DnsZoneTransfersTsig, { secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=' });
    expect(annotations(stack, 'warn').join()).toContain('written in clear text into cdk.tf.json');
  });

  test('reports every problem at once, with the construct path, and never shows the secret', () => {
    const stack = newStack();
    const error = errorOf(() => new TsigKey(stack, 'Key', {
      accountId: 'not-an-id',
      name: 'bad name',
      algorithm: 'sha1' as TsigAlgorithm,
      secret: 'plain text secret!',
    }));
    expect(error).toBeInstanceOf(ConstructPropsError);
    expect(error.message).toContain("TsigKey at 'test/Key' has 4 problems");
    expect(error.message).toContain('accountId: received "not-an-id"');
    expect(error.message).toContain('name: received "bad name"');
    expect(error.message).toContain('algorithm: received "sha1"');
    expect(error.message).toContain('secret: received "(secret not shown)"');
    expect(error.message).not.toContain('plain text secret!');
  });

  test('fromTsigKeyId refers to an existing key without creating anything', () => {
    const stack = newStack();
    const key = TsigKey.fromTsigKeyId(stack, 'Existing', { tsigKeyId: '69cd1e104af3e6ed3cb344f263fd0d5a', name: 'Existing-Key' });
    expect(key.tsigKeyId).toBe('69cd1e104af3e6ed3cb344f263fd0d5a');
    expect(key.name).toBe('existing-key.');
    expect(key.algorithm).toBe(TsigAlgorithm.HMAC_SHA512);
    expect(key.secret).toBeUndefined();
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('fromTsigKeyId validates its attributes', () => {
    const error = errorOf(() => TsigKey.fromTsigKeyId(newStack(), 'Existing', { tsigKeyId: '', name: '' }));
    expect(error.message).toContain("TsigKey.fromTsigKeyId at 'test/Existing' has 2 problems");
  });
});
