import { TerraformStack, Token } from 'cdktf';
import {
  CheckId, ConstructPropsError, InputError, OutgoingZoneTransfer, OutgoingZoneTransferProps, PreflightChecks, SecondaryDns,
  SecondaryDnsProps, SecondaryServer, TransferAcl, TransferPeer, TsigAlgorithm, TsigKey, renderBindConfig, renderKnotConfig,
  renderNsdConfig, renderPowerDnsConfig,
} from '../lib';
import { ACCOUNT_ID, ZONE_ID, newStack, synthJson } from './helpers';

/**
 * Every prop of every exported construct and function, misused the ways a
 * TypeScript or JavaScript caller can: each misuse must end in one of the
 * library's own errors (naming the construct path or function, the value,
 * the rule and the fix), never in a TypeError or a stack trace from cdktf,
 * and never in a silent success.
 */

const js = <T>(value: unknown) => value as T; // what a JavaScript caller can pass
const PEER = { name: 'ns1', ip: '192.0.2.1' };
const ZONE: OutgoingZoneTransferProps = { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [PEER] };
const SECONDARY: SecondaryDnsProps = { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [PEER] };
const RENDER = { zones: ['example.com'], tsig: { name: 'k', algorithm: TsigAlgorithm.HMAC_SHA512, secret: 'dGVzdC1vbmx5LXNlY3JldA==' } };

const zone = (props: Partial<OutgoingZoneTransferProps>, stack: TerraformStack = newStack()) => new OutgoingZoneTransfer(stack, 'Zone', { ...ZONE, ...props });
const secondary = (props: Partial<SecondaryDnsProps>) => new SecondaryDns(newStack(), 'Secondary', { ...SECONDARY, ...props });
const key = (props: object) => new TsigKey(newStack(), 'Key', { accountId: ACCOUNT_ID, name: 'k', ...props });
const peer = (props: object) => new TransferPeer(newStack(), 'Peer', { accountId: ACCOUNT_ID, name: 'ns1', ...props });
const acl = (props: object) => new TransferAcl(newStack(), 'Acl', { accountId: ACCOUNT_ID, name: 'a', ipRange: '192.0.2.0/24', ...props });

const MISUSES: [string, () => unknown, string][] = [
  // OutgoingZoneTransfer
  ['zone: no props at all', () => new OutgoingZoneTransfer(newStack(), 'Zone', js(undefined)), "props: received undefined"],
  ['zone: props is a string', () => new OutgoingZoneTransfer(newStack(), 'Zone', js('example.com')), 'props: received "example.com"'],
  ['zone: zoneId missing', () => zone({ zoneId: js(undefined) }), 'zoneId: received undefined'],
  ['zoneId: a number', () => zone({ zoneId: js(12345) }), 'zoneId: received number 12345'],
  ['zoneId: empty', () => zone({ zoneId: '' }), 'zoneId: received ""'],
  ['zoneId: 31 characters', () => zone({ zoneId: ZONE_ID.slice(1) }), '32 hexadecimal'],
  ['zoneId: a zone name', () => zone({ zoneId: 'example.com' }), 'a name or an email address is not an id'],
  ['zoneId: space inside', () => zone({ zoneId: `${ZONE_ID.slice(0, 16)} ${ZONE_ID.slice(17)}` }), '32 hexadecimal'],
  ['zoneName: missing', () => zone({ zoneName: js(undefined) }), 'zoneName: received undefined'],
  ['zoneName: whitespace only', () => zone({ zoneName: '   ' }), 'must not be empty'],
  ['zoneName: one label', () => zone({ zoneName: 'localhost' }), 'at least 2 labels'],
  ['zoneName: space inside', () => zone({ zoneName: 'exa mple.com' }), 'must not contain whitespace'],
  ['zoneName: underscore', () => zone({ zoneName: 'my_zone.com' }), 'letters, digits and hyphens'],
  ['zoneName: label of 64', () => zone({ zoneName: `${'a'.repeat(64)}.com` }), 'at most 63 characters'],
  ['zoneName: 254 characters', () => zone({ zoneName: `${'abcdefghij.'.repeat(23)}example.com` }), 'at most 253 characters'],
  ['zoneName: double dot', () => zone({ zoneName: 'example..com' }), 'empty labels'],
  ['zoneName: a token', () => zone({ zoneName: Token.asString({ Ref: 'name' }) }), 'known at synth time'],
  ['zoneName: an IP address', () => zone({ zoneName: '192.0.2.1' }), 'looks like an IP address'],
  ['zoneName: a URL', () => zone({ zoneName: 'https://example.com' }), 'letters, digits and hyphens'],
  ['zoneName: broken IDN', () => zone({ zoneName: 'xn--a\u00e9.com' }), 'internationalized domain name'],
  ['zoneName: declared twice in a stack', () => { const s = newStack(); zone({}, s); return new OutgoingZoneTransfer(s, 'Again', ZONE); }, 'already declared in this stack'],
  ['hiddenSecondary: a string', () => zone({ hiddenSecondary: js('false') }), 'hiddenSecondary: received "false". Rule: must be true or false.'],
  ['enableTransfers: a number', () => zone({ enableTransfers: js(1) }), 'enableTransfers: received number 1'],
  ['allowProxiedRecords: a string', () => zone({ allowProxiedRecords: js('yes') }), 'allowProxiedRecords: received "yes"'],
  ['nameserverTtl: a string', () => zone({ nameserverTtl: js('3600') }), 'nameserverTtl: received "3600"'],
  ['nameserverTtl: too low', () => zone({ nameserverTtl: 10 }), 'TTL is 1 (automatic) or an integer from 30 to 86400'],
  ['nameserverTtl: too high', () => zone({ nameserverTtl: 604800 }), 'from 30 to 86400'],
  ['configOutputs: a string', () => zone({ configOutputs: js('bind') }), 'configOutputs: received "bind". Rule: must be an array'],
  ['configOutputs: unknown server', () => zone({ configOutputs: js(['unbound']) }), 'configOutputs[0]: received "unbound"'],
  ['configOutputs: without a key', () => zone({ tsig: undefined, configOutputs: [SecondaryServer.BIND] }), 'needs a TSIG key'],
  ['both forms at once', () => { const s = newStack(); return zone({ secondaries: [new SecondaryDns(s, 'S', SECONDARY)] }, s); }, 'give either `secondaries`'],
  ['neither form', () => new OutgoingZoneTransfer(newStack(), 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com' }), 'a zone needs a secondary'],
  ['secondaries: empty', () => zone({ accountId: undefined, tsig: undefined, peers: undefined, secondaries: [] }), 'must be a non-empty array'],
  ['secondaries: undefined inside', () => zone({ accountId: undefined, tsig: undefined, peers: undefined, secondaries: js([undefined]) }), 'secondaries[0]: received undefined'],
  ['secondaries: a TsigKey instead', () => { const s = newStack(); return zone({ accountId: undefined, tsig: undefined, peers: undefined, secondaries: js([new TsigKey(s, 'K', { accountId: ACCOUNT_ID, name: 'k' })]) }, s); }, 'must be a SecondaryDns construct'],
  // inline secondary / SecondaryDns
  ['accountId: missing (inline)', () => zone({ accountId: undefined }), 'accountId: received undefined'],
  ['accountId: uppercase junk', () => secondary({ accountId: 'ACCOUNT' }), 'accountId: received "ACCOUNT"'],
  ['peers: missing', () => secondary({ peers: js(undefined) }), 'at least one peer'],
  ['peers: empty', () => secondary({ peers: [] }), 'at least one peer'],
  ['peers: an object, not a list', () => secondary({ peers: js(PEER) }), 'peers: received an object. Rule: must be an array'],
  ['peers: null inside', () => secondary({ peers: js([null]) }), 'peers[0]: received null'],
  ['peer name: missing', () => secondary({ peers: js([{ ip: '192.0.2.1' }]) }), 'peers[0].name: received undefined'],
  ['peer name: empty', () => secondary({ peers: [{ name: '', ip: '192.0.2.1' }] }), 'peers[0].name: received ""'],
  ['peer name: newline', () => secondary({ peers: [{ name: 'ns1\nns2', ip: '192.0.2.1' }] }), 'control characters'],
  ['peer names: duplicate', () => secondary({ peers: [PEER, { ...PEER, ip: '192.0.2.2' }] }), 'peer names must be unique'],
  ['peer ip: a number', () => secondary({ peers: [{ name: 'ns1', ip: js(3221225985) }] }), 'an IP address must be a string'],
  ['peer ip: a host name', () => secondary({ peers: [{ name: 'ns1', ip: 'ns1.provider.example' }] }), 'must be an IPv4 or IPv6 address'],
  ['peer ip: a range', () => secondary({ peers: [{ name: 'ns1', ip: '192.0.2.0/24' }] }), 'a peer is one address, not a range'],
  ['peer ip: IPv4-mapped IPv6', () => secondary({ peers: [{ name: 'ns1', ip: '::ffff:192.0.2.1' }] }), 'write the IPv4 address "192.0.2.1"'],
  ['peer ip: leading zeros', () => secondary({ peers: [{ name: 'ns1', ip: '192.000.002.001' }] }), 'without leading zeros'],
  ['peer ip: unspecified', () => secondary({ peers: [{ name: 'ns1', ip: '0.0.0.0' }] }), 'unspecified address'],
  ['peer port: zero', () => secondary({ peers: [{ ...PEER, port: 0 }] }), 'peers[0].port: received number 0'],
  ['peer port: 65536', () => secondary({ peers: [{ ...PEER, port: 65536 }] }), 'integer from 1 to 65535'],
  ['peer port: a string', () => secondary({ peers: [{ ...PEER, port: js('53') }] }), 'peers[0].port: received "53"'],
  ['peer port: a fraction', () => secondary({ peers: [{ ...PEER, port: 53.5 }] }), 'integer from 1 to 65535'],
  ['peers: same ip:port twice', () => secondary({ peers: [PEER, { name: 'ns2', ip: '192.0.2.1' }] }), 'the same address and port'],
  ['peers: 31 of them', () => secondary({ peers: Array.from({ length: 31 }, (_, i) => ({ name: `p${i}`, ip: `192.0.2.${i + 1}` })) }), 'at most 30 peers'],
  ['tsig and tsigKey', () => secondary({ tsigKey: js({ tsigKeyId: 'x' }) }), 'give either `tsig`'],
  ['tsig: a string', () => secondary({ tsig: js('k') }), 'must be an object { name, algorithm?, secret? }'],
  ['tsig name: missing', () => secondary({ tsig: js({}) }), 'tsig.name: received undefined'],
  ['tsig algorithm: unknown', () => secondary({ tsig: { name: 'k', algorithm: js('hmac-sha3-256') } }), 'tsig.algorithm: received "hmac-sha3-256"'],
  ['tsig secret: not base64', () => secondary({ tsig: { name: 'k', secret: 'p@ssw0rd!' } }), 'tsig.secret: received "(secret not shown)"'],
  ['tsigKey: a plain object', () => secondary({ tsig: undefined, tsigKey: js({ name: 'k' }) }), 'must be a TSIG key construct'],
  ['transferAcls: a string', () => secondary({ transferAcls: js('192.0.2.0/24') }), 'transferAcls: received "192.0.2.0/24". Rule: must be an array'],
  ['acl ipRange: missing', () => secondary({ transferAcls: js([{ name: 'a' }]) }), 'transferAcls[0].ipRange: received undefined'],
  ['acl ipRange: /16', () => secondary({ transferAcls: [{ name: 'a', ipRange: '192.0.0.0/16' }] }), 'wider than /24'],
  ['acl ipRange: IPv6 /48', () => secondary({ transferAcls: [{ name: 'a', ipRange: '2001:db8::/48' }] }), 'wider than /64'],
  ['acl ipRange: host bits', () => secondary({ transferAcls: [{ name: 'a', ipRange: '192.0.2.7/24' }] }), 'write "192.0.2.0/24"'],
  ['acl ipRange: prefix 33', () => secondary({ transferAcls: [{ name: 'a', ipRange: '192.0.2.0/33' }] }), 'from 0 to 32'],
  ['acl names: duplicate', () => secondary({ transferAcls: [{ name: 'a', ipRange: '192.0.2.0/24' }, { name: 'a', ipRange: '198.51.100.0/24' }] }), 'ACL names must be unique'],
  ['nameservers: a string', () => secondary({ nameservers: js('ns1.provider.example') }), 'must be an array of host names'],
  ['nameservers: undefined inside', () => secondary({ nameservers: js([undefined]) }), 'nameservers[0]: received undefined'],
  ['nameservers: an address', () => secondary({ nameservers: ['192.0.2.53'] }), 'looks like an IP address'],
  ['nameservers: a single label', () => secondary({ nameservers: ['ns1'] }), 'at least 2 labels'],
  ['nameservers: duplicate', () => secondary({ nameservers: ['ns1.provider.example', 'NS1.provider.example.'] }), 'listed once'],
  ['SecondaryDns: configOutputs twice the same', () => secondary({ configOutputs: [SecondaryServer.NSD, SecondaryServer.NSD] }), 'each server may be listed once'],
  // L2 constructs
  ['TsigKey: no props', () => new TsigKey(newStack(), 'Key', js(undefined)), 'props: received undefined'],
  ['TsigKey: name with a space', () => key({ name: 'my key' }), 'must not contain whitespace'],
  ['TsigKey: algorithm without hmac', () => key({ algorithm: 'sha512' }), 'algorithm: received "sha512"'],
  ['TsigKey: empty secret', () => key({ secret: '' }), 'secret: received "(secret not shown)"'],
  ['TsigKey.fromTsigKeyId: no id', () => TsigKey.fromTsigKeyId(newStack(), 'K', js({ name: 'k' })), 'tsigKeyId: received undefined'],
  ['TransferPeer: tsigKey is a string', () => peer({ tsigKey: 'abc' }), 'tsigKey: received "abc". Rule: must be a TSIG key construct'],
  ['TransferPeer: ip with a zone index', () => peer({ ip: 'fe80::1%eth0' }), 'zone index'],
  ['TransferPeer.fromPeerId: attrs missing', () => TransferPeer.fromPeerId(newStack(), 'P', js(undefined)), 'props: received undefined'],
  ['TransferAcl: ipRange a number', () => acl({ ipRange: 24 }), 'ipRange: received number 24'],
  ['TransferAcl.fromAclId: empty id', () => TransferAcl.fromAclId(newStack(), 'A', { aclId: ' ', name: 'a' }), 'aclId: received " "'],
  // functions
  ['renderBindConfig: no input', () => renderBindConfig(js(undefined)), 'input: received undefined'],
  ['renderKnotConfig: zones a string', () => renderKnotConfig({ ...RENDER, zones: js('example.com') }), 'zones: received "example.com"'],
  ['renderNsdConfig: zone twice', () => renderNsdConfig({ ...RENDER, zones: ['example.com', 'EXAMPLE.com.'] }), 'each zone may be listed once'],
  ['renderPowerDnsConfig: primary port 0', () => renderPowerDnsConfig({ ...RENDER, primaries: [{ address: '192.0.2.1', port: 0 }] }), 'primaries[0].port: received number 0'],
  ['renderBindConfig: notify source not an address', () => renderBindConfig({ ...RENDER, notifySources: ['cloudflare'] }), 'notifySources[0]: received "cloudflare"'],
  ['PreflightChecks.acknowledge: no reason', () => PreflightChecks.acknowledge(newStack(), CheckId.APEX_CNAME, js(undefined)), 'reason: received undefined'],
];

describe('bad input', () => {
  test('the table covers at least 60 distinct misuses', () => {
    expect(new Set(MISUSES.map(([label]) => label)).size).toBe(MISUSES.length);
    expect(MISUSES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(MISUSES)('%s', (_, misuse, fragment) => {
    let error: unknown;
    try {
      misuse();
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined(); // no silent success
    const isOurs = error instanceof ConstructPropsError || error instanceof InputError;
    expect({ isOurs, message: (error as Error).message }).toEqual({ isOurs: true, message: expect.stringContaining(fragment) });
    const message = (error as Error).message;
    expect(message).toMatch(/^(\w+(\.\w+)? at '[^']+' has \d+ problems?:|\w+: the input has \d+ problems?:)\n/);
    expect(message).toMatch(/: received .+\. Rule: .+ Fix: .+/);
  });
});

describe('normalized, not rejected', () => {
  test('upper case, a trailing dot, whitespace and internationalized names', () => {
    const stack = newStack();
    const construct = new OutgoingZoneTransfer(stack, 'Zone', {
      zoneId: ` ${ZONE_ID.toUpperCase()} `,
      zoneName: ' Bücher.EXAMPLE. ',
      accountId: ACCOUNT_ID.toUpperCase(),
      tsig: { name: 'Transfer-KEY', algorithm: js('HMAC-SHA512') },
      peers: [{ name: ' ns1 ', ip: ' 2001:DB8:0:0::53 ' }],
      transferAcls: [{ name: 'range', ipRange: '2001:DB8::' }],
      nameservers: ['NS1.Provider.Example.'],
    });
    expect(construct.zoneName).toBe('xn--bcher-kva.example');
    const json = synthJson(stack);
    const only = (type: string) => Object.values(json.resource[type])[0] as any;
    expect(only('cloudflare_dns_zone_transfers_outgoing')).toMatchObject({ zone_id: ZONE_ID, name: 'xn--bcher-kva.example.' });
    expect(only('cloudflare_dns_zone_transfers_tsig')).toMatchObject({ account_id: ACCOUNT_ID, name: 'transfer-key.', algo: 'hmac-sha512.' });
    expect(only('cloudflare_dns_zone_transfers_peer')).toMatchObject({ name: 'ns1', ip: '2001:db8::53' });
    expect(only('cloudflare_dns_zone_transfers_acl')).toMatchObject({ ip_range: '2001:db8::/128' });
    expect(only('cloudflare_dns_record')).toMatchObject({ name: 'xn--bcher-kva.example', content: 'ns1.provider.example' });
  });
});
