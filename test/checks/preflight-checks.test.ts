import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { ZoneDnssec } from '@cdktf/provider-cloudflare/lib/zone-dnssec';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckId, OutgoingZoneTransfer, OutgoingZoneTransferFleet, OutgoingZoneTransferProps, PREFLIGHT_RULES, PreflightChecks, SecondaryDns } from '../../lib';
import { ACCOUNT_ID, ZONE_ID, errorOf, newStack } from '../helpers';

/** A stack with one zone declared by the library, plus whatever `extra` adds with raw provider classes. */
function stackWith(extra: (stack: TerraformStack) => void = () => undefined, props: Partial<OutgoingZoneTransferProps> = {}) {
  const stack = newStack();
  new OutgoingZoneTransfer(stack, 'Zone', {
    zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' },
    peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'], ...props,
  });
  extra(stack);
  Testing.synth(stack); // runs the Aspects
  return stack;
}

/** The annotations of one check, as "level path: message". */
function findings(stack: TerraformStack, id: CheckId): string[] {
  return stack.node.findAll()
    .flatMap((c) => c.node.metadata.map((m) => ({ path: c.node.path, type: String(m.type).replace('@cdktf/', ''), data: String(m.data) })))
    .filter((m) => m.data.startsWith(`[${id}]`))
    .map((m) => `${m.type} ${m.path}: ${m.data}`);
}

const record = (stack: TerraformStack, id: string, config: Partial<ConstructorParameters<typeof DnsRecord>[2]>) =>
  new DnsRecord(stack, id, { zoneId: ZONE_ID, name: 'www.example.com', type: 'A', content: '192.0.2.80', ttl: 300, ...config });

describe('CFZT001 proxied records', () => {
  test('a proxied record in the zone is an error', () => {
    const stack = stackWith((s) => record(s, 'Www', { proxied: true }));
    expect(findings(stack, CheckId.PROXIED_RECORD)).toEqual([expect.stringMatching(/^error test\/Www: \[CFZT001\] A www\.example\.com is proxied, but example\.com has outgoing zone transfers/)]);
  });

  test('a zone that accepts proxied records gets a warning that names the proxy addresses', () => {
    const stack = stackWith((s) => record(s, 'Www', { proxied: true }), { allowProxiedRecords: true });
    expect(findings(stack, CheckId.PROXIED_RECORD)).toEqual([expect.stringMatching(/^warn test\/Www: .*the secondary will serve Cloudflare's proxy addresses/)]);
  });

  test('unproxied records, records of other zones and proxied values known only at apply are fine', () => {
    const stack = stackWith((s) => {
      record(s, 'Plain', { proxied: false });
      record(s, 'OtherZone', { zoneId: 'ffffffffffffffffffffffffffffffff', proxied: true });
      record(s, 'Unknown', { proxied: new TerraformVariable(s, 'proxied', { type: 'bool' }).booleanValue });
    });
    expect(findings(stack, CheckId.PROXIED_RECORD)).toEqual([]);
  });

  test('an error stops a real synth', () => {
    const stack = newStack();
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'] });
    record(stack, 'Www', { proxied: true });
    expect(() => Testing.fullSynth(stack)).toThrow(/\[CFZT001\]/);
  });
});

describe('CFZT002 apex CNAME', () => {
  test.each(['example.com', '@', 'Example.COM.'])('a CNAME named %j warns that it is flattened', (name) => {
    const stack = stackWith((s) => record(s, 'Apex', { name, type: 'CNAME', content: 'target.example.net' }));
    expect(findings(stack, CheckId.APEX_CNAME)).toEqual([expect.stringMatching(/^warn test\/Apex: \[CFZT002\] The CNAME at the apex of example\.com is transferred flattened/)]);
  });

  test('a CNAME below the apex is fine', () => {
    expect(findings(stackWith((s) => record(s, 'Www', { type: 'CNAME', content: 'target.example.net' })), CheckId.APEX_CNAME)).toEqual([]);
  });
});

describe('CFZT003 DNSSEC', () => {
  test('active DNSSEC without multi-signer is an error', () => {
    const stack = stackWith((s) => new ZoneDnssec(s, 'Dnssec', { zoneId: ZONE_ID, status: 'active' }));
    expect(findings(stack, CheckId.DNSSEC)).toEqual([expect.stringMatching(/^error test\/Dnssec: \[CFZT003\] DNSSEC of example\.com is active without dnssec_multi_signer = true/)]);
  });

  test('multi-signer DNSSEC is an info about the keys', () => {
    const stack = stackWith((s) => new ZoneDnssec(s, 'Dnssec', { zoneId: ZONE_ID, status: 'active', dnssecMultiSigner: true }));
    expect(findings(stack, CheckId.DNSSEC)).toEqual([expect.stringMatching(/^info test\/Dnssec: .*add the secondary's DNSKEY/)]);
  });

  test('disabled DNSSEC is fine', () => {
    expect(findings(stackWith((s) => new ZoneDnssec(s, 'Dnssec', { zoneId: ZONE_ID, status: 'disabled' })), CheckId.DNSSEC)).toEqual([]);
  });
});

describe('CFZT004 apex NS records while multi-provider DNS is off', () => {
  test('raw apex NS records on a hidden-secondary zone (multi-provider left off) are an error', () => {
    const stack = stackWith((s) => record(s, 'ExtraNs', { name: 'example.com', type: 'NS', content: 'ns9.provider.example' }), { hiddenSecondary: true });
    expect(findings(stack, CheckId.APEX_NS_IGNORED)).toEqual([expect.stringMatching(/^error test\/ExtraNs: \[CFZT004\] This apex NS record of example\.com is ignored by Cloudflare/)]);
  });

  test("the library's own NS records, and NS records with multi-provider on, are fine", () => {
    expect(findings(stackWith(), CheckId.APEX_NS_IGNORED)).toEqual([]);
    const stack = stackWith((s) => {
      new ZoneDnsSettings(s, 'Settings', { zoneId: ZONE_ID, multiProvider: true });
      record(s, 'ExtraNs', { name: 'example.com', type: 'NS', content: 'ns9.provider.example' });
    }, { hiddenSecondary: true });
    expect(findings(stack, CheckId.APEX_NS_IGNORED)).toEqual([]);
  });
});

describe('CFZT005 records that never transfer', () => {
  test('CAA and TLS-validation TXT records are listed once per zone', () => {
    const stack = stackWith((s) => {
      record(s, 'Caa', { name: 'example.com', type: 'CAA', content: undefined, data: { tag: 'issue', value: 'letsencrypt.org' } });
      record(s, 'Acme', { name: '_acme-challenge.example.com', type: 'TXT', content: 'token' });
      record(s, 'Spf', { name: 'example.com', type: 'TXT', content: 'v=spf1 -all' });
    });
    expect(findings(stack, CheckId.NOT_TRANSFERRED)).toEqual([
      expect.stringMatching(/^info test\/Zone\/Outgoing: \[CFZT005\] Not transferred to the secondary: CAA example\.com, TXT _acme-challenge\.example\.com\./),
    ]);
  });

  test('a zone without such records gets no finding', () => {
    expect(findings(stackWith(), CheckId.NOT_TRANSFERRED)).toEqual([]);
  });
});

describe('CFZT006 limits across the stack, raw resources included', () => {
  /** A raw outgoing link of another zone, to raw peers. */
  function rawZone(stack: TerraformStack, peers: DnsZoneTransfersPeer[]) {
    return new DnsZoneTransfersOutgoing(stack, 'RawOutgoing', { zoneId: 'ffffffffffffffffffffffffffffffff', name: 'raw.example.', peers: peers.map((p) => p.id) });
  }
  const rawPeer = (stack: TerraformStack, id: string, ip: string, tsigId?: string) =>
    new DnsZoneTransfersPeer(stack, id, { accountId: ACCOUNT_ID, name: id, ip, port: 53, tsigId });

  test('raw peers of one zone with different TSIG keys, and a duplicate ip:port, are errors', () => {
    const stack = stackWith((s) => rawZone(s, [rawPeer(s, 'P1', '198.51.100.1', 'key-a'), rawPeer(s, 'P2', '198.51.100.2', 'key-b'), rawPeer(s, 'P3', '192.0.2.1', 'key-a')]));
    const found = findings(stack, CheckId.CLOUDFLARE_LIMITS);
    expect(found).toContainEqual(expect.stringMatching(/^error test\/RawOutgoing: \[CFZT006\] The peers linked to raw\.example do not share one TSIG key/));
    expect(found).toContainEqual(expect.stringMatching(/^error test\/P3: \[CFZT006\] Peer 192\.0\.2\.1 port 53 is also declared at test\/Zone\/Secondary\/Peers\/ns1\/Resource/));
    expect(found).toHaveLength(2);
  });

  test('a raw zone with more than 30 peers, and a raw ACL wider than /24, are errors', () => {
    const stack = stackWith((s) => {
      rawZone(s, Array.from({ length: 31 }, (_, i) => rawPeer(s, `P${i}`, `198.51.100.${i + 1}`)));
      new DnsZoneTransfersAcl(s, 'WideAcl', { accountId: ACCOUNT_ID, name: 'wide', ipRange: '198.51.0.0/16' });
    });
    const found = findings(stack, CheckId.CLOUDFLARE_LIMITS);
    expect(found).toContainEqual(expect.stringMatching(/^error test\/RawOutgoing: \[CFZT006\] raw\.example links 31 peers; Cloudflare allows at most 30\./));
    expect(found).toContainEqual(expect.stringMatching(/^error test\/WideAcl: \[CFZT006\] ip_range "198\.51\.0\.0\/16": Cloudflare rejects ACL ranges wider than \/24/));
  });

  test("the library's own resources pass", () => {
    expect(findings(stackWith(), CheckId.CLOUDFLARE_LIMITS)).toEqual([]);
  });
});

describe('CFZT007 entitlement', () => {
  test('once per stack, listing the zones', () => {
    expect(findings(stackWith(), CheckId.ENTITLEMENT)).toEqual([expect.stringMatching(/^info test: \[CFZT007\] Before the first apply, .* for: example\.com\./)]);
  });

  test('a fleet of many zones is listed by its first 20 and a count', () => {
    const stack = newStack();
    const secondary = new SecondaryDns(stack, 'Secondary', { accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }] });
    const zones = Array.from({ length: 25 }, (_, i) => ({ zoneName: `z${String(i).padStart(2, '0')}.example`, zoneId: i.toString(16).padStart(32, '0') }));
    new OutgoingZoneTransferFleet(stack, 'Fleet', { secondaries: [secondary], zones, hiddenSecondary: true });
    Testing.synth(stack);
    expect(findings(stack, CheckId.ENTITLEMENT)).toEqual([expect.stringMatching(/ for: z00\.example, z01\.example, .*, z19\.example and 5 more \(25 in all\)\. Why: /)]);
  });

  test('a stack without outgoing transfers gets none, even when checked explicitly', () => {
    const stack = newStack();
    record(stack, 'Www', {});
    PreflightChecks.applyTo(stack);
    Testing.synth(stack);
    expect(findings(stack, CheckId.ENTITLEMENT)).toEqual([]);
  });
});

describe('acknowledgements', () => {
  const REASON = 'Our secondary flattens apex CNAMEs itself, tested in staging.';

  test('an acknowledged finding becomes an info and is listed in the synthesized metadata', () => {
    const stack = newStack();
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'] });
    const apex = record(stack, 'Apex', { name: '@', type: 'CNAME', content: 'target.example.net' });
    PreflightChecks.acknowledge(apex, CheckId.APEX_CNAME, REASON);
    Testing.synth(stack);
    expect(findings(stack, CheckId.APEX_CNAME)).toEqual([expect.stringMatching(new RegExp(`^info test/Apex: \\[CFZT002\\] acknowledged at test/Apex: ${REASON.replace(/\./g, '\\.')} \\(finding: The CNAME`))]);
    expect((stack.toTerraform() as any)['//'].zone_transfer_acknowledgements).toEqual([
      { check: 'CFZT002', construct: 'test/Apex', acknowledgedAt: 'test/Apex', reason: REASON, finding: expect.stringContaining('transferred flattened') },
    ]);
  });

  test('an acknowledgement on a scope covers everything below it, and only its own check', () => {
    const stack = newStack();
    PreflightChecks.acknowledge(stack, CheckId.PROXIED_RECORD, 'The marketing site stays proxied; the secondary is a cold standby only.');
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'] });
    record(stack, 'Www', { proxied: true });
    record(stack, 'Apex', { name: '@', type: 'CNAME', content: 'target.example.net' });
    Testing.synth(stack);
    expect(findings(stack, CheckId.PROXIED_RECORD)).toEqual([expect.stringMatching(/^info test\/Www: \[CFZT001\] acknowledged at test:/)]);
    expect(findings(stack, CheckId.APEX_CNAME)).toEqual([expect.stringMatching(/^warn /)]);
    expect(() => Testing.fullSynth(stack)).not.toThrow();
  });

  test('an acknowledgement that matches no finding is a warning', () => {
    const stack = newStack();
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }], nameservers: ['ns1.provider.example'] });
    const www = record(stack, 'Www', {});
    PreflightChecks.acknowledge(www, CheckId.PROXIED_RECORD, 'This record used to be proxied during the migration.');
    Testing.synth(stack);
    expect(www.node.metadata.filter((m) => m.type.startsWith('@cdktf/')).map((m) => `${m.type} ${m.data}`)).toEqual([
      expect.stringMatching(/^@cdktf\/warn \[CFZT001\] is acknowledged here, but no finding of CFZT001 matched at or below this construct\./),
    ]);
  });

  test.each([
    ['no reason', ''],
    ['a word', 'fine'],
    ['too short', 'ok by me'],
    ['not a string', 42 as unknown as string],
  ])('an acknowledgement with %s is refused', (_, reason) => {
    const stack = newStack();
    const error = errorOf(() => PreflightChecks.acknowledge(stack, CheckId.APEX_CNAME, reason));
    expect(error.message).toContain("PreflightChecks.acknowledge at 'test' has 1 problem");
    expect(error.message).toContain('an acknowledgement needs a written reason of at least a sentence');
  });

  test('an unknown check id is refused', () => {
    expect(errorOf(() => PreflightChecks.acknowledge(newStack(), 'CFZT999' as CheckId, REASON)).message).toContain('checkId: received "CFZT999"');
  });
});

describe('documentation', () => {
  test('the README has a row for every check, with its severity', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const rule of PREFLIGHT_RULES) {
      expect(readme).toMatch(new RegExp(`^\\| ${rule.id} \\| .+\\| ${rule.severity === 'warning' ? 'warning' : rule.severity}`, 'm'));
    }
    expect(PREFLIGHT_RULES.map((r) => r.id)).toEqual(Object.values(CheckId));
  });
});
