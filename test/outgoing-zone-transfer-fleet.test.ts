import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack, Testing } from 'cdktf';
import { CheckId, FleetZoneOptions, OutgoingZoneTransfer, OutgoingZoneTransferFleet, OutgoingZoneTransferFleetProps, SecondaryDns, SecondaryServer } from '../lib';
import { buildReviewModel } from '../lib/review/model';
import { ACCOUNT_ID, errorOf, newStack, resourcesOf, synth } from './helpers';

const zoneId = (n: number) => n.toString(16).padStart(32, '0');
const ZONES: FleetZoneOptions[] = [
  { zoneId: zoneId(2), zoneName: 'b.example' },
  { zoneId: zoneId(1), zoneName: 'A.Example.' },
  { zoneId: zoneId(3), zoneName: 'c.example', hiddenSecondary: true, enableTransfers: false },
  { zoneId: zoneId(4), zoneName: 'd.example', nameserverTtl: 3600 },
];

function fleet(zones: FleetZoneOptions[] = ZONES, props: Partial<OutgoingZoneTransferFleetProps> = {}, stack: TerraformStack = newStack()) {
  const secondary = new SecondaryDns(stack, 'Provider', {
    accountId: ACCOUNT_ID, tsig: { name: 'k' },
    peers: [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: '192.0.2.2' }],
    nameservers: ['ns1.provider.example', 'ns2.provider.example'],
    configOutputs: [SecondaryServer.NSD],
  });
  const construct = new OutgoingZoneTransferFleet(stack, 'Fleet', { secondaries: [secondary], zones, ...props });
  return { stack, construct, secondary };
}

const only = (json: any, type: string) => {
  const blocks = Object.values(resourcesOf(json, type));
  expect(blocks).toHaveLength(1);
  return blocks[0] as any;
};

describe('OutgoingZoneTransferFleet', () => {
  test('one resource block per kind, iterating over a shared local of zone name => zone id, with the overrides applied', () => {
    const { stack, construct } = fleet();
    const json = JSON.parse(synth(stack));
    expect(json.locals.fleet_zones_Fleet).toEqual({ 'a.example': zoneId(1), 'b.example': zoneId(2), 'c.example': zoneId(3), 'd.example': zoneId(4) });
    const outgoing = only(json, 'cloudflare_dns_zone_transfers_outgoing');
    expect(outgoing).toMatchObject({ for_each: '${local.fleet_zones_Fleet}', name: '${each.key}.', zone_id: '${each.value}' });
    expect(outgoing.peers).toHaveLength(2);
    expect(Object.values(json.data.cloudflare_zone)).toEqual([expect.objectContaining({ for_each: '${local.fleet_zones_Fleet}', zone_id: '${each.value}' })]);
    // c.example is hidden and not enabled: the subsets get locals of their own.
    expect(json.locals.fleet_published_zones_Fleet).toEqual({ 'a.example': zoneId(1), 'b.example': zoneId(2), 'd.example': zoneId(4) });
    expect(json.locals.fleet_enabled_zones_Fleet).toEqual({ 'a.example': zoneId(1), 'b.example': zoneId(2), 'd.example': zoneId(4) });
    expect(only(json, 'cloudflare_zone_dns_settings')).toMatchObject({ for_each: '${local.fleet_published_zones_Fleet}', multi_provider: true });
    expect(only(json, 'terraform_data')).toMatchObject({ for_each: '${local.fleet_enabled_zones_Fleet}', triggers_replace: { zone_id: '${each.value}' } });
    // One NS resource per nameserver, keyed by zone; d.example's TTL override is looked up, the others get the fleet's.
    const records = resourcesOf(json, 'cloudflare_dns_record');
    expect(Object.keys(records)).toEqual([expect.stringMatching(/^Fleet_ApexNs_ns1providerexample_[0-9A-F]{8}$/), expect.stringMatching(/^Fleet_ApexNs_ns2providerexample_[0-9A-F]{8}$/)]);
    expect(Object.values(records).map((r: any) => r.content)).toEqual(['ns1.provider.example', 'ns2.provider.example']);
    for (const record of Object.values(records)) {
      expect(record).toMatchObject({ for_each: '${local.fleet_published_zones_Fleet}', name: '${each.key}', zone_id: '${each.value}', type: 'NS', ttl: '${lookup(local.fleet_nameserver_ttls_Fleet, each.key, 86400)}' });
    }
    expect(json.locals.fleet_nameserver_ttls_Fleet).toEqual({ 'd.example': 3600 });
    expect(construct.nameserverRecords).toHaveLength(2);
  });

  test('without subsets or TTL overrides, every resource iterates over the one local and the TTL is a number', () => {
    const json = JSON.parse(synth(fleet(ZONES.map(({ zoneId: id, zoneName }) => ({ zoneId: id, zoneName }))).stack));
    expect(Object.keys(json.locals)).toEqual(['fleet_zones_Fleet']);
    for (const block of Object.values(json.resource).flatMap((byName) => Object.values(byName as object)).filter((b: any) => b.for_each !== undefined)) {
      expect(block.for_each).toBe('${local.fleet_zones_Fleet}');
    }
    expect(Object.values(resourcesOf(json, 'cloudflare_dns_record')).map((r: any) => r.ttl)).toEqual([86400, 86400]);
  });

  test('the registrar output adds each published zone\'s nameservers to Cloudflare\'s', () => {
    const value = (zones: FleetZoneOptions[]) => JSON.parse(synth(fleet(zones).stack)).output.registrar_nameservers_Fleet.value as string;
    const prefix = String.raw`^\$\{\{ for key, val in data\.cloudflare_zone\.Fleet_Zone_[0-9A-F]{8}: key => `;
    expect(value(ZONES)).toMatch(new RegExp(prefix + String.raw`concat\(val\.name_servers, contains\(keys\(local\.fleet_published_zones_Fleet\), key\) \? \["ns1\.provider\.example","ns2\.provider\.example"\] : \[\]\) \}\}$`));
    expect(value([ZONES[0]])).toMatch(new RegExp(prefix + String.raw`concat\(val\.name_servers, \["ns1\.provider\.example","ns2\.provider\.example"\]\) \}\}$`));
    expect(value([{ ...ZONES[0], hiddenSecondary: true }])).toMatch(new RegExp(prefix + String.raw`val\.name_servers \}\}$`));
  });

  test('adding, removing or reordering zones changes no block name, no local name and no other zone\'s entry', () => {
    const before = JSON.parse(synth(fleet().stack));
    const after = JSON.parse(synth(fleet([{ zoneId: zoneId(9), zoneName: '0.example' }, ...ZONES.filter((z) => z.zoneName !== 'A.Example.').reverse()]).stack)); // a.example removed, 0.example added
    for (const type of Object.keys(before.resource)) {
      expect(Object.keys(after.resource[type])).toEqual(Object.keys(before.resource[type]));
      for (const [name, block] of Object.entries(before.resource[type]) as [string, any][]) {
        expect(after.resource[type][name].for_each).toEqual(block.for_each);
      }
    }
    expect(Object.keys(after.locals)).toEqual(Object.keys(before.locals));
    for (const [name, map] of Object.entries(before.locals) as [string, Record<string, unknown>][]) {
      for (const [zone, value] of Object.entries(map)) {
        if (zone !== 'a.example') expect(after.locals[name][zone]).toEqual(value);
      }
      expect(after.locals[name]['a.example']).toBeUndefined();
    }
    expect(after.locals.fleet_zones_Fleet['0.example']).toBe(zoneId(9));
    expect(synth(fleet([...ZONES].reverse()).stack)).toBe(synth(fleet().stack));
  });

  test('validates every zone, naming zones[i], all problems at once', () => {
    const error = errorOf(() => fleet([
      { zoneId: 'nope', zoneName: 'a.example' },
      { zoneId: zoneId(2), zoneName: 'A.EXAMPLE' },
      { zoneId: zoneId(3), zoneName: 'c example', nameserverTtl: 5 },
    ]));
    expect(error.message).toContain("OutgoingZoneTransferFleet at 'test/Fleet' has 4 problems");
    for (const fragment of ['zones[0].zoneId: received "nope"', 'zones[2].zoneName: received "c example"', 'zones[2].nameserverTtl: received number 5', 'zones[0], zones[1].zoneName: received "a.example". Rule: each zone may be listed once.']) {
      expect(error.message).toContain(fragment);
    }
  });

  test('a zone declared both alone and in a fleet is an error; an empty fleet is an error', () => {
    const stack = newStack();
    const { secondary } = fleet([{ zoneId: zoneId(1), zoneName: 'x.example' }], {}, stack);
    expect(errorOf(() => new OutgoingZoneTransfer(stack, 'Alone', { zoneId: zoneId(1), zoneName: 'x.example', secondaries: [secondary] })).message)
      .toContain("the zone is already declared in this stack at 'test/Fleet'");
    expect(errorOf(() => fleet([])).message).toContain('a fleet needs at least one zone');
  });

  test('the pre-flight checks see every zone of the fleet', () => {
    const { stack } = fleet();
    new DnsRecord(stack, 'ProxiedInB', { zoneId: zoneId(2), name: 'www.b.example', type: 'A', content: '192.0.2.80', ttl: 300, proxied: true });
    new DnsRecord(stack, 'ExtraNsInD', { zoneId: zoneId(4), name: 'd.example', type: 'NS', content: 'ns9.provider.example', ttl: 300 });
    new DnsRecord(stack, 'ExtraNsInHiddenC', { zoneId: zoneId(3), name: 'c.example', type: 'NS', content: 'ns9.provider.example', ttl: 300 });
    Testing.synth(stack);
    const found = (id: CheckId) => stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => String(m.data).startsWith(`[${id}]`)).map((m) => `${m.type} ${c.node.path}`));
    expect(found(CheckId.PROXIED_RECORD)).toEqual(['@cdktf/error test/ProxiedInB']);
    expect(found(CheckId.APEX_NS_IGNORED)).toEqual(['@cdktf/error test/ExtraNsInHiddenC']); // d.example has multi-provider DNS from the fleet
    expect(String(stack.node.metadata.find((m) => String(m.data).startsWith('[CFZT007]'))?.data)).toContain('a.example, b.example, c.example, d.example');
  });

  test('the secondary\'s rendered configuration lists every zone of the fleet', () => {
    const { stack } = fleet();
    const text = JSON.parse(synth(stack)).output.secondary_config_nsd_Provider.value as string;
    for (const zone of ['a.example', 'b.example', 'c.example', 'd.example']) expect(text).toContain(`name: "${zone}"`);
  });

  test('review reads a fleet zone by zone', () => {
    const { stack } = fleet();
    const model = buildReviewModel([{ name: 'test', json: JSON.parse(synth(stack)), annotations: [] }]);
    expect(model.zones.map((z) => [z.zone, z.nameservers.length, z.multiProvider, z.enabledByLibrary, z.hiddenSecondary])).toEqual([
      ['a.example', 2, true, true, false],
      ['b.example', 2, true, true, false],
      ['c.example', 0, false, false, true],
      ['d.example', 2, true, true, false],
    ]);
    expect(model.zones[0].peers.map((p) => p.name)).toEqual(['ns1', 'ns2']);
  });
});
