import { OutgoingZoneTransfer, PeerOptions, SecondaryDns } from '../lib';
import { ACCOUNT_ID, ZONE_ID, newStack, resourceAddresses, synth, synthJson } from './helpers';

/** Terraform addresses are public contract: they must not move when inputs are reordered or grow. */

const PEERS: PeerOptions[] = [
  { name: 'ns1', ip: '192.0.2.1' },
  { name: 'ns2', ip: '192.0.2.2' },
  { name: 'ns3', ip: '2001:db8::3' },
];
const NAMESERVERS = ['ns1.provider.example', 'ns2.provider.example'];
const ZONES = ['a.example', 'b.example', 'c.example'];

function fleet(zones: readonly string[], peers: readonly PeerOptions[], nameservers: readonly string[] = NAMESERVERS): string {
  const stack = newStack();
  const secondary = new SecondaryDns(stack, 'Provider', {
    accountId: ACCOUNT_ID,
    tsig: { name: 'k' },
    peers: [...peers],
    nameservers: [...nameservers],
  });
  for (const zoneName of zones) {
    new OutgoingZoneTransfer(stack, zoneName, { zoneId: ZONE_ID, zoneName, secondaries: [secondary] });
  }
  return synth(stack);
}

describe('stable Terraform addresses', () => {
  test('reordering peers, nameservers and zones changes nothing at all', () => {
    const original = fleet(ZONES, PEERS);
    expect(fleet([...ZONES].reverse(), [...PEERS].reverse(), [...NAMESERVERS].reverse())).toEqual(original);
  });

  test('adding a zone keeps every existing resource, address and value', () => {
    const before = JSON.parse(fleet(ZONES, PEERS));
    const after = JSON.parse(fleet(['0.example', ...ZONES], PEERS));
    for (const [type, byName] of Object.entries(before.resource) as [string, Record<string, unknown>][]) {
      for (const [name, config] of Object.entries(byName)) expect(after.resource[type][name]).toEqual(config);
    }
    expect(resourceAddresses(after).length).toBeGreaterThan(resourceAddresses(before).length);
  });

  test('adding a peer keeps the addresses of every existing resource', () => {
    const before = resourceAddresses(JSON.parse(fleet(ZONES, PEERS)));
    const after = resourceAddresses(JSON.parse(fleet(ZONES, [{ name: 'ns0', ip: '192.0.2.100' }, ...PEERS])));
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length - before.length).toBe(2); // the peer and its ACL
  });

  test('the inline form keeps addresses when peers are reordered', () => {
    const build = (peers: PeerOptions[]) => {
      const stack = newStack();
      new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE_ID, zoneName: 'example.com', accountId: ACCOUNT_ID, peers });
      return synthJson(stack);
    };
    expect(build([...PEERS].reverse())).toEqual(build([...PEERS]));
  });

  test('two synths of the same program are byte-identical', () => {
    expect(fleet(ZONES, PEERS)).toBe(fleet(ZONES, PEERS));
  });
});
