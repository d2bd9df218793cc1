import { Token } from 'cdktf';
import { ProblemList } from '../../lib/private/problems';
import { validateCloudflareId, validateObjectName, validatePort, validateTtl } from '../../lib/private/validate-basic';
import { HOST_NAME_RULES, TSIG_NAME_RULES, ZONE_NAME_RULES, isInZone, validateDomainName } from '../../lib/private/validate-dns-name';
import { validateAclRange, validateIpAddress } from '../../lib/private/validate-ip';
import { validateTsigAlgorithm, validateTsigSecret } from '../../lib/private/validate-tsig';
import { TsigAlgorithm } from '../../lib/tsig-algorithm';

type Validator = (value: unknown, field: string, problems: ProblemList) => unknown;

/** Runs a validator; returns its result and the rules of the problems it recorded. */
function run(validate: Validator, value: unknown) {
  const problems = new ProblemList();
  const result = validate(value, 'field', problems);
  return { result, rules: problems.problems.map((p) => `${p.rule} ${p.fix}`), fields: problems.problems.map((p) => p.field) };
}

function expectValid(validate: Validator, value: unknown, expected: unknown) {
  const { result, rules } = run(validate, value);
  expect(rules).toEqual([]);
  expect(result).toEqual(expected);
}

function expectInvalid(validate: Validator, value: unknown, ruleFragment: string) {
  const { result, rules, fields } = run(validate, value);
  expect(result).toBeUndefined();
  expect(rules).toHaveLength(1);
  expect(rules[0]).toContain(ruleFragment);
  expect(fields).toEqual(['field']);
}

const accountId: Validator = (v, f, p) => validateCloudflareId(v, f, p, 'account');
const zoneName: Validator = (v, f, p) => validateDomainName(v, f, p, ZONE_NAME_RULES);
const hostName: Validator = (v, f, p) => validateDomainName(v, f, p, HOST_NAME_RULES);
const tsigName: Validator = (v, f, p) => validateDomainName(v, f, p, TSIG_NAME_RULES);
const ttl: Validator = (v, f, p) => validateTtl(v, f, p, 30, 86400);

describe('Cloudflare ids', () => {
  test.each([
    ['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
    ['0123456789ABCDEF0123456789ABCDEF', '0123456789abcdef0123456789abcdef'],
    [' 0123456789abcdef0123456789abcdef\n', '0123456789abcdef0123456789abcdef'],
  ])('accepts %j as %j', (value, expected) => expectValid(accountId, value, expected));

  test.each([
    ['0123456789abcdef0123456789abcde', '32 hexadecimal'],
    ['0123456789abcdef0123456789abcdeg', '32 hexadecimal'],
    ['', '32 hexadecimal'],
    ['me@example.com', 'not an id'],
    [1234, 'must be a string'],
    [undefined, 'must be a string'],
  ])('rejects %j', (value, rule) => expectInvalid(accountId, value, rule));

  test('passes tokens through unchanged', () => {
    const token = Token.asString({ Ref: 'x' });
    expectValid(accountId, token, token);
  });
});

describe('object names', () => {
  test.each([
    ['ns1', 'ns1'],
    ['  ns1 secondary ', 'ns1 secondary'],
  ])('accepts %j as %j', (value, expected) => expectValid(validateObjectName, value, expected));

  test.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['a\nb', 'control characters'],
    ['x'.repeat(256), 'at most 255'],
    [42, 'must be a string'],
    [Token.asString({ Ref: 'x' }), 'known at synth time'],
  ])('rejects %j', (value, rule) => expectInvalid(validateObjectName, value, rule));
});

describe('ports and TTLs', () => {
  test.each([[1, 1], [53, 53], [65535, 65535]])('port %j is valid', (value, expected) => expectValid(validatePort, value, expected));
  test.each([[0], [65536], [53.5], ['53'], [-1], [NaN]])('port %j is invalid', (value) => expectInvalid(validatePort, value, 'integer from 1 to 65535'));
  test('a port token passes', () => {
    const token = Token.asNumber({ Ref: 'x' });
    expectValid(validatePort, token, token);
  });
  test.each([[1], [30], [3600], [86400]])('TTL %j is valid', (value) => expectValid(ttl, value, value));
  test.each([[0], [29], [86401], ['3600'], [60.5]])('TTL %j is invalid', (value) => expectInvalid(ttl, value, 'TTL is 1 (automatic)'));
});

describe('domain names', () => {
  test.each([
    ['example.com', 'example.com'],
    ['Example.COM.', 'example.com'],
    ['  sub.example.com  ', 'sub.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
  ])('zone name %j becomes %j', (value, expected) => expectValid(zoneName, value, expected));

  test.each([
    ['', 'must not be empty'],
    ['.', 'must not be empty'],
    ['com', 'at least 2 labels'],
    ['example..com', 'empty labels'],
    ['.example.com', 'empty labels'],
    ['exa mple.com', 'whitespace'],
    ['-example.com', 'hyphen'],
    ['example-.com', 'hyphen'],
    ['under_score.com', 'letters, digits and hyphens'],
    ['example.com/path', 'letters, digits and hyphens'],
    [`${'a'.repeat(64)}.example`, 'at most 63 characters'],
    [`${'abcdefghi.'.repeat(26)}example`, 'at most 253 characters'],
    ['192.0.2.1', 'looks like an IP address'],
    [7, 'must be a string'],
    [Token.asString({ Ref: 'x' }), 'known at synth time'],
  ])('zone name %j is invalid', (value, rule) => expectInvalid(zoneName, value, rule));

  test('host names follow the same rules', () => {
    expectValid(hostName, 'NS1.Provider.Example.', 'ns1.provider.example');
    expectInvalid(hostName, 'ns1', 'at least 2 labels');
  });

  test('TSIG names may have one label and underscores', () => {
    expectValid(tsigName, 'Transfer_Key', 'transfer_key');
    expectValid(tsigName, 'cloudflare-transfer.', 'cloudflare-transfer');
    expectInvalid(tsigName, 'bad key', 'whitespace');
  });

  test.each([
    ['ns1.example.com', 'example.com', true],
    ['example.com', 'example.com', true],
    ['ns1.notexample.com', 'example.com', false],
    ['ns1.example.net', 'example.com', false],
  ])('%s in zone %s: %s', (host, zone, expected) => expect(isInZone(host, zone)).toBe(expected));
});

describe('IP addresses', () => {
  test.each([
    ['192.0.2.53', '192.0.2.53'],
    [' 192.0.2.53 ', '192.0.2.53'],
    ['2001:DB8:0:0:0:0:0:53', '2001:db8::53'],
    ['2001:db8::53', '2001:db8::53'],
  ])('%j becomes %j', (value, expected) => expectValid(validateIpAddress, value, expected));

  test.each([
    ['192.0.2', 'IPv4 or IPv6'],
    ['256.0.2.1', 'IPv4 or IPv6'],
    ['ns1.example.com', 'IPv4 or IPv6'],
    ['192.0.2.053', 'leading zeros'],
    ['::ffff:192.0.2.53', 'write the IPv4 address "192.0.2.53"'],
    ['fe80::1%eth0', 'zone index'],
    ['192.0.2.53/32', 'not a range'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    [3221225985, 'must be a string'],
  ])('%j is invalid', (value, rule) => expectInvalid(validateIpAddress, value, rule));
});

describe('ACL ranges', () => {
  test.each([
    ['192.0.2.0/24', '192.0.2.0/24'],
    ['192.0.2.53', '192.0.2.53/32'],
    ['192.0.2.48/28', '192.0.2.48/28'],
    ['2001:db8::/64', '2001:db8::/64'],
    ['2001:DB8::53', '2001:db8::53/128'],
    ['2001:db8:0:0:1::/80', '2001:db8:0:0:1::/80'],
  ])('%j becomes %j', (value, expected) => expectValid(validateAclRange, value, expected));

  test('keeps the canonical IPv6 form', () => {
    expectValid(validateAclRange, '2001:0db8:0000:0000:0001:0000:0000:0000/80', '2001:db8:0:0:1::/80');
  });

  test.each([
    ['192.0.2.0/23', 'wider than /24'],
    ['10.0.0.0/8', 'wider than /24'],
    ['2001:db8::/48', 'wider than /64'],
    ['192.0.2.1/24', 'write "192.0.2.0/24"'],
    ['2001:db8::1/64', 'write "2001:db8::/64"'],
    ['192.0.2.0/33', 'from 0 to 32'],
    ['192.0.2.0/', 'from 0 to 32'],
    ['192.0.2.0/24/1', 'from 0 to 32'],
    ['2001:db8::/129', 'from 0 to 128'],
    ['::ffff:192.0.2.0/120', 'IPv4-mapped'],
    ['example.com/24', 'IPv4 or IPv6'],
    [null, 'CIDR notation'],
  ])('%j is invalid', (value, rule) => expectInvalid(validateAclRange, value, rule));
});

describe('TSIG', () => {
  test.each([
    [undefined, TsigAlgorithm.HMAC_SHA512],
    [TsigAlgorithm.HMAC_SHA256, TsigAlgorithm.HMAC_SHA256],
    ['HMAC-SHA512', TsigAlgorithm.HMAC_SHA512],
    ['hmac-sha384', TsigAlgorithm.HMAC_SHA384],
    ['hmac-md5', TsigAlgorithm.HMAC_MD5],
  ])('algorithm %j is %j', (value, expected) => expectValid(validateTsigAlgorithm, value, expected));

  test.each([['sha512'], ['hmac-sha3.'], [512], ['']])('algorithm %j is invalid', (value) => expectInvalid(validateTsigAlgorithm, value, 'TsigAlgorithm values'));

  test.each([['c2VjcmV0LXNlY3JldC1zZWNyZXQ='], ['AAAA']])('secret %j is valid base64', (value) => expectValid(validateTsigSecret, value, value));

  test.each([['not base64!'], ['abc'], [''], [12]])('secret %j is invalid, and never shown', (value) => {
    const problems = new ProblemList();
    expect(validateTsigSecret(value, 'secret', problems)).toBeUndefined();
    expect(problems.problems).toHaveLength(1);
    expect(problems.problems[0].value).toBe('(secret not shown)');
  });
});
