import { Testing, TerraformVariable } from 'cdktf';
import { CLOUDFLARE_ADDRESSES, OutgoingZoneTransfer, SecondaryDns, SecondaryServer, TsigKey } from '../lib';
import { ACCOUNT_ID, ZONE_ID, errorOf, newStack, synthJson } from './helpers';

const PEERS = [{ name: 'ns1', ip: '192.0.2.1' }];

describe('rendered configuration outputs', () => {
  test('a SecondaryDns outputs one sensitive configuration per server, listing every zone that links it', () => {
    const stack = newStack();
    const secondary = new SecondaryDns(stack, 'Provider', {
      accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, configOutputs: [SecondaryServer.BIND, SecondaryServer.NSD],
    });
    for (const zoneName of ['b.example', 'a.example']) new OutgoingZoneTransfer(stack, zoneName, { zoneId: ZONE_ID, zoneName, secondaries: [secondary] });
    const outputs = synthJson(stack).output;
    const bind = outputs.secondary_config_bind_Provider;
    expect(bind.sensitive).toBe(true);
    expect(bind.value).toContain('zone "a.example" {');
    expect(bind.value).toContain('zone "b.example" {');
    expect(bind.value).toMatch(/secret "\$\{random_bytes\.Provider_TsigKey_Secret_[0-9A-F]{8}\.base64\}";/);
    expect(outputs.secondary_config_nsd_Provider.value).toContain('include-pattern: "cloudflare-secondary"');
    expect(secondary.zoneNames).toEqual(['a.example', 'b.example']);
    expect(Object.keys(secondary.configOutputs)).toEqual(['bind', 'nsd']);
  });

  test('a zone outputs its own configuration, with the key of its secondaries', () => {
    const stack = newStack();
    new OutgoingZoneTransfer(stack, 'Zone', {
      zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'zone-key' }, peers: PEERS,
      configOutputs: [SecondaryServer.KNOT],
    });
    const outputs = synthJson(stack).output;
    expect(Object.keys(outputs).filter((name) => name.startsWith('secondary_config_'))).toEqual(['secondary_config_knot_example_com']);
    const output = outputs.secondary_config_knot_example_com;
    expect(output.sensitive).toBe(true);
    expect(output.value).toContain('  - domain: example.com\n');
    expect(output.value).toContain('  - id: zone-key.\n');
  });

  test('an imported key with a secret from a sensitive variable can render', () => {
    const stack = newStack();
    const secret = new TerraformVariable(stack, 'tsig_secret', { type: 'string', sensitive: true });
    const key = TsigKey.fromTsigKeyId(stack, 'Key', { tsigKeyId: 'id', name: 'imported', secret: secret.stringValue });
    const secondary = new SecondaryDns(stack, 'Provider', { accountId: ACCOUNT_ID, tsigKey: key, peers: PEERS, configOutputs: [SecondaryServer.POWERDNS] });
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', secondaries: [secondary] });
    expect(synthJson(stack).output.secondary_config_powerdns_Provider.value).toContain("pdnsutil import-tsig-key imported. hmac-sha512 '${var.tsig_secret}'");
  });

  test('every stack with a secondary outputs the Cloudflare addresses to allow, once', () => {
    const stack = newStack();
    new SecondaryDns(stack, 'A', { accountId: ACCOUNT_ID, peers: PEERS });
    new SecondaryDns(stack, 'B', { accountId: ACCOUNT_ID, peers: [{ name: 'ns2', ip: '192.0.2.2' }] });
    expect(synthJson(stack).output.cloudflare_transfer_addresses.value).toEqual({
      transfer_ip: CLOUDFLARE_ADDRESSES.transferIp,
      transfer_port: 53,
      notify_sources: [...CLOUDFLARE_ADDRESSES.notifySources],
      as_of: CLOUDFLARE_ADDRESSES.asOf,
      source: CLOUDFLARE_ADDRESSES.source,
    });
  });

  test.each<[string, (stack: ReturnType<typeof newStack>) => unknown, string]>([
    ['a secondary without a key', (s) => new SecondaryDns(s, 'P', { accountId: ACCOUNT_ID, peers: PEERS, configOutputs: [SecondaryServer.BIND] }), 'a rendered secondary configuration needs a TSIG key'],
    ['an imported key without its secret', (s) => new SecondaryDns(s, 'P', { accountId: ACCOUNT_ID, tsigKey: TsigKey.fromTsigKeyId(s, 'K', { tsigKeyId: 'id', name: 'k' }), peers: PEERS, configOutputs: [SecondaryServer.BIND] }), 'the imported TSIG key has no known secret'],
    ['an unknown server', (s) => new SecondaryDns(s, 'P', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, configOutputs: ['unbound' as SecondaryServer] }), 'configOutputs[0]: received "unbound"'],
    ['a server twice', (s) => new SecondaryDns(s, 'P', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, configOutputs: [SecondaryServer.NSD, SecondaryServer.NSD] }), 'each server may be listed once'],
    ['a zone without a key', (s) => new OutgoingZoneTransfer(s, 'Z', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, peers: PEERS, configOutputs: [SecondaryServer.NSD] }), 'a rendered secondary configuration needs a TSIG key'],
  ])('%s is an error', (_, build, message) => {
    expect(errorOf(() => build(newStack())).message).toContain(message);
  });

  test('a secondary with configOutputs that no zone links fails synth with a clear message', () => {
    const stack = newStack();
    new SecondaryDns(stack, 'Lonely', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, configOutputs: [SecondaryServer.BIND] });
    expect(() => Testing.synth(stack, true)).toThrow('[test/Lonely] configOutputs: no OutgoingZoneTransfer links this SecondaryDns');
  });

  test('two constructs that would share an output name are an error, not a silent merge', () => {
    const stack = newStack();
    new SecondaryDns(stack, 'a_b', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: PEERS, configOutputs: [SecondaryServer.BIND] });
    expect(() => new SecondaryDns(stack, 'a.b', { accountId: ACCOUNT_ID, tsig: { name: 'k2' }, peers: [{ name: 'x', ip: '192.0.2.2' }], configOutputs: [SecondaryServer.BIND] }))
      .toThrow('the output name "secondary_config_bind_a_b" is already used by test/a_b');
  });
});
