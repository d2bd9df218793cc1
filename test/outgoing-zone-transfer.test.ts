import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ConstructPropsError, OutgoingZoneTransfer, OutgoingZoneTransferProps, SecondaryDns, TsigKey } from '../lib';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, ZONE_ID, annotations, errorOf, newStack, resourcesOf, synth, synthJson } from './helpers';

const INLINE: OutgoingZoneTransferProps = {
  zoneId: ZONE_ID,
  zoneName: 'Example.COM.',
  accountId: ACCOUNT_ID,
  tsig: { name: 'transfer-key' },
  peers: [{ name: 'ns1', ip: '192.0.2.53' }, { name: 'ns2', ip: '2001:db8::53' }],
  nameservers: ['ns1.provider.example', 'ns2.provider.example'],
};

function zone(props: Partial<OutgoingZoneTransferProps> = {}, stack = newStack()) {
  const construct = new OutgoingZoneTransfer(stack, 'Zone', { ...INLINE, ...props });
  return { stack, construct };
}

function sharedSecondary(stack: TerraformStack, id: string, props: Partial<ConstructorParameters<typeof SecondaryDns>[2]> = {}) {
  return new SecondaryDns(stack, id, { accountId: ACCOUNT_ID, peers: [{ name: `${id}-ns1`, ip: '192.0.2.1' }], ...props });
}

describe('OutgoingZoneTransfer, inline form', () => {
  test('links every peer to the zone under its FQDN', () => {
    const { stack, construct } = zone();
    const json = synthJson(stack);
    const [outgoing] = Object.values(resourcesOf(json, 'cloudflare_dns_zone_transfers_outgoing'));
    expect(outgoing.zone_id).toBe(ZONE_ID);
    expect(outgoing.name).toBe('example.com.');
    expect(outgoing.peers).toEqual(construct.linkedPeers.map((p) => expect.stringContaining(p.node.id)));
    expect(outgoing.peers).toHaveLength(2);
    expect(construct.secondary).toBeInstanceOf(SecondaryDns);
    expect(construct.secondaries).toEqual([construct.secondary]);
  });

  test('publishes one apex NS record per nameserver, with multi-provider DNS on', () => {
    const { stack, construct } = zone();
    const out = synth(stack);
    for (const host of ['ns1.provider.example', 'ns2.provider.example']) {
      expect(out).toHaveResourceWithProperties(DnsRecord, { zone_id: ZONE_ID, name: 'example.com', type: 'NS', content: host, ttl: 86400 });
    }
    expect(out).toHaveResourceWithProperties(ZoneDnsSettings, { zone_id: ZONE_ID, multi_provider: true });
    expect(construct.nameserverRecords).toHaveLength(2);
    expect(construct.dnsSettings).toBeDefined();
    const records = Object.values(resourcesOf(synthJson(stack), 'cloudflare_dns_record'));
    for (const record of records) expect(record.depends_on).toEqual([expect.stringMatching(/^cloudflare_zone_dns_settings\./)]);
  });

  test('outputs the nameserver set for the registrar: Cloudflare\'s plus the secondary\'s', () => {
    const { stack } = zone();
    const json = synthJson(stack);
    expect(synth(stack)).toHaveDataSourceWithProperties(DataCloudflareZone, { zone_id: ZONE_ID });
    const output = json.output.registrar_nameservers_example_com;
    expect(output.value).toMatch(/^\$\{concat\(data\.cloudflare_zone\.Zone_[0-9A-F]{8}\.name_servers, \["ns1\.provider\.example", "ns2\.provider\.example"\]\)\}$/);
    expect(output.sensitive).toBeUndefined();
  });

  test('nameserverTtl sets the TTL of the NS records', () => {
    const { stack } = zone({ nameserverTtl: 3600 });
    expect(synth(stack)).toHaveResourceWithProperties(DnsRecord, { type: 'NS', ttl: 3600 });
  });

  test('a hidden secondary gets no NS records and leaves multi-provider DNS alone', () => {
    const { stack, construct } = zone({ hiddenSecondary: true });
    const out = synth(stack);
    expect(out).not.toHaveResource(DnsRecord);
    expect(out).not.toHaveResource(ZoneDnsSettings);
    expect(out).toHaveResource(DnsZoneTransfersOutgoing);
    expect(construct.dnsSettings).toBeUndefined();
    expect(synthJson(stack).output.registrar_nameservers_example_com.value).toMatch(/^\$\{data\.cloudflare_zone\.Zone_[0-9A-F]{8}\.name_servers\}$/);
    expect(annotations(stack, 'info').join()).toContain('Hidden secondary: nameservers ns1.provider.example, ns2.provider.example are not published');
  });

  test('no nameservers and not hidden: a warning that the zone is not delegated', () => {
    const { stack } = zone({ nameservers: undefined });
    expect(synth(stack)).not.toHaveResource(ZoneDnsSettings);
    expect(annotations(stack, 'warn').join()).toContain('No secondary nameservers are declared');
  });

  test('a nameserver inside the zone warns that it needs glue', () => {
    const { stack } = zone({ nameservers: ['ns1.example.com', 'ns2.provider.example'] });
    const warnings = annotations(stack, 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Nameserver ns1.example.com is inside example.com, so resolvers need glue');
  });

  test('ids from variables are passed through', () => {
    const stack = newStack();
    const zoneId = new TerraformVariable(stack, 'zone_id', { type: 'string' });
    const accountId = new TerraformVariable(stack, 'account_id', { type: 'string' });
    zone({ zoneId: zoneId.stringValue, accountId: accountId.stringValue }, stack);
    const out = synth(stack);
    expect(out).toHaveResourceWithProperties(DnsZoneTransfersOutgoing, { zone_id: '${var.zone_id}' });
    expect(out).toHaveResourceWithProperties(DnsRecord, { zone_id: '${var.zone_id}' });
  });
});

describe('OutgoingZoneTransfer, shared secondaries', () => {
  test('three zones share one secondary: account objects exist once, every zone links the same peers', () => {
    const stack = newStack();
    const secondary = new SecondaryDns(stack, 'Provider', {
      accountId: ACCOUNT_ID,
      tsig: { name: 'k' },
      peers: [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: '192.0.2.2' }],
      nameservers: ['ns1.provider.example'],
    });
    for (const name of ['a.example', 'b.example', 'c.example']) {
      new OutgoingZoneTransfer(stack, name, { zoneId: ZONE_ID, zoneName: name, secondaries: [secondary] });
    }
    const json = synthJson(stack);
    expect(Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_tsig'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_peer'))).toHaveLength(2);
    expect(Object.keys(resourcesOf(json, 'cloudflare_dns_zone_transfers_acl'))).toHaveLength(2);
    const outgoing = Object.values(resourcesOf(json, 'cloudflare_dns_zone_transfers_outgoing'));
    expect(outgoing.map((o) => o.name).sort()).toEqual(['a.example.', 'b.example.', 'c.example.']);
    for (const o of outgoing) expect(o.peers).toEqual(outgoing[0].peers);
    expect(Object.keys(json.output).sort()).toEqual([
      'cloudflare_transfer_addresses', 'registrar_nameservers_a_example', 'registrar_nameservers_b_example', 'registrar_nameservers_c_example',
    ]);
  });

  test('two secondaries sharing one TSIG key can serve one zone', () => {
    const stack = newStack();
    const key = new TsigKey(stack, 'Key', { accountId: ACCOUNT_ID, name: 'shared' });
    const a = sharedSecondary(stack, 'a', { tsigKey: key });
    const b = new SecondaryDns(stack, 'b', { accountId: ACCOUNT_ID, tsigKey: key, peers: [{ name: 'b-ns1', ip: '192.0.2.2' }] });
    const { construct } = zone({ accountId: undefined, tsig: undefined, peers: undefined, nameservers: undefined, secondaries: [a, b] }, stack);
    expect(construct.linkedPeers.map((p) => p.name)).toEqual(['a-ns1', 'b-ns1']);
  });

  test.each<[string, (stack: TerraformStack) => Partial<OutgoingZoneTransferProps>, string]>([
    ['secondaries with different TSIG keys', (s) => ({ secondaries: [sharedSecondary(s, 'a', { tsig: { name: 'ka' } }), new SecondaryDns(s, 'b', { accountId: ACCOUNT_ID, tsig: { name: 'kb' }, peers: [{ name: 'x', ip: '192.0.2.9' }] })] }), 'the same TSIG key, or all to use none'],
    ['one secondary signed, one not', (s) => ({ secondaries: [sharedSecondary(s, 'a', { tsig: { name: 'ka' } }), new SecondaryDns(s, 'b', { accountId: ACCOUNT_ID, peers: [{ name: 'x', ip: '192.0.2.9' }] })] }), 'test/b use no TSIG key'],
    ['more than 30 linked peers', (s) => ({ secondaries: [0, 1].map((n) => new SecondaryDns(s, `s${n}`, { accountId: ACCOUNT_ID, peers: Array.from({ length: 16 }, (_, i) => ({ name: `p${i}`, ip: `192.0.${n}.${i + 1}` })) })) }), 'received "32 peers". Rule: Cloudflare links at most 30 peers to one zone'],
    ['the same address and port in two secondaries', (s) => ({ secondaries: [sharedSecondary(s, 'a'), sharedSecondary(s, 'b')] }), 'two linked peers notify the same address and port: test/a (a-ns1) and test/b (b-ns1)'],
    ['secondaries of two accounts', (s) => ({ secondaries: [sharedSecondary(s, 'a'), new SecondaryDns(s, 'b', { accountId: OTHER_ACCOUNT_ID, peers: [{ name: 'x', ip: '192.0.2.9' }] })] }), 'belong to different accounts'],
    ['one nameserver in two secondaries', (s) => ({ secondaries: [sharedSecondary(s, 'a', { nameservers: ['ns.provider.example'] }), new SecondaryDns(s, 'b', { accountId: ACCOUNT_ID, peers: [{ name: 'x', ip: '192.0.2.9' }], nameservers: ['ns.provider.example'] })] }), 'declared by more than one secondary'],
    ['the same secondary twice', (s) => { const a = sharedSecondary(s, 'a'); return { secondaries: [a, a] }; }, 'the same secondary is listed twice'],
    ['an empty list', () => ({ secondaries: [] }), 'must be a non-empty array'],
    ['a hole in the list (JavaScript)', (s) => ({ secondaries: [sharedSecondary(s, 'a'), undefined as never] }), 'secondaries[1]: received undefined'],
  ])('%s is an error', (_, build, message) => {
    const stack = newStack();
    const props = { accountId: undefined, tsig: undefined, peers: undefined, nameservers: undefined, ...build(stack) };
    const error = errorOf(() => zone(props, stack));
    expect(error.message).toContain("OutgoingZoneTransfer at 'test/Zone'");
    expect(error.message).toContain(message);
  });
});

describe('OutgoingZoneTransfer, bad input', () => {
  test('both forms at once is an error that names the inline props given', () => {
    const stack = newStack();
    const error = errorOf(() => zone({ secondaries: [sharedSecondary(stack, 'a')] }, stack));
    expect(error.message).toContain('accountId, tsig, peers, nameservers: received "both forms". Rule: give either `secondaries`');
  });

  test('neither form is an error', () => {
    const error = errorOf(() => new OutgoingZoneTransfer(newStack(), 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com' }));
    expect(error.message).toContain('a zone needs a secondary to transfer to');
  });

  test('the same zone twice in one stack is an error; in two stacks it is not', () => {
    const stack = newStack();
    zone({}, stack);
    const error = errorOf(() => new OutgoingZoneTransfer(stack, 'Again', { ...INLINE, zoneName: 'example.com' }));
    expect(error.message).toContain("the zone is already declared in this stack at 'test/Zone'");
    expect(() => zone({}, newStack('other'))).not.toThrow();
  });

  test('reports zone and inline secondary problems together, in one error', () => {
    const error = errorOf(() => zone({
      zoneId: 'example.com',
      zoneName: 'example',
      hiddenSecondary: 'yes' as never,
      nameserverTtl: 5,
      peers: [{ name: 'ns1', ip: '192.0.2.1/24' }],
    }));
    expect(error.message).toContain("OutgoingZoneTransfer at 'test/Zone' has 5 problems");
    for (const field of ['zoneId', 'zoneName', 'hiddenSecondary', 'nameserverTtl', 'peers[0].ip']) {
      expect(error.message).toContain(`${field}: received`);
    }
  });

  test('errors are ConstructPropsError with structured problems, for tools and tests', () => {
    const error = errorOf(() => zone({ zoneId: 'nope' }));
    expect(error).toBeInstanceOf(ConstructPropsError);
    expect((error as ConstructPropsError).constructPath).toBe('test/Zone');
    expect((error as ConstructPropsError).problems).toEqual([
      { field: 'zoneId', value: 'nope', rule: expect.stringContaining('32 hexadecimal'), fix: expect.stringContaining('Overview page') },
    ]);
  });
});
