import { Token } from 'cdktf';
import { CLOUDFLARE_LIMITS } from '../cloudflare';
import { ISecondaryDns } from '../secondary-dns';
import { findDuplicates } from './lists';
import { ProblemList } from './problems';
import { peerEndpoint } from './validate-secondary';

/**
 * Validates the `secondaries` prop of a zone: a non-empty list of secondary
 * constructs. Returns them, or `undefined` after recording the problems.
 */
export function validateSecondaryList(value: unknown, problems: ProblemList): ISecondaryDns[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('secondaries', value, 'must be a non-empty array of SecondaryDns constructs.', 'pass [mySecondaryDns], or use the inline props (accountId, peers, ...) instead.');
    return undefined;
  }
  let ok = true;
  value.forEach((item, i) => {
    const s = item as Partial<ISecondaryDns> | undefined;
    if (!s || typeof s !== 'object' || !Array.isArray(s.peers) || !Array.isArray(s.nameservers) || !s.node) {
      problems.add(`secondaries[${i}]`, item, 'each item must be a SecondaryDns construct (ISecondaryDns).', 'pass `new SecondaryDns(...)`; remove holes and undefined entries.');
      ok = false;
    }
  });
  if (!ok) return undefined;
  const secondaries = value as ISecondaryDns[];
  for (const group of findDuplicates(secondaries, (s) => s.node.path)) {
    problems.add('secondaries', group[0].node.path, 'the same secondary is listed twice.', 'list each SecondaryDns once.');
  }
  return secondaries;
}

/**
 * Checks the rules that hold across all secondaries linked to one zone:
 * Cloudflare's peer limit, one shared TSIG key (or none), one account, no
 * NOTIFY target twice, no nameserver twice.
 */
export function validateZoneLinks(secondaries: readonly ISecondaryDns[], problems: ProblemList): void {
  const peers = secondaries.flatMap((s) => s.peers.map((peer) => ({ peer, secondary: s.node.path })));
  if (peers.length > CLOUDFLARE_LIMITS.maxPeersPerZone) {
    problems.add('secondaries', `${peers.length} peers`, `Cloudflare links at most ${CLOUDFLARE_LIMITS.maxPeersPerZone} peers to one zone.`, 'link fewer secondaries to this zone, or give them fewer peers.');
  }

  const keyOf = (s: ISecondaryDns) => (s.tsigKey ? s.tsigKey.tsigKeyId : 'no TSIG key');
  const keys = new Map<string, string[]>();
  for (const s of secondaries) {
    const label = s.tsigKey ? `key ${s.tsigKey.name} (${s.tsigKey.node.path})` : 'no TSIG key';
    keys.set(keyOf(s), [...(keys.get(keyOf(s)) ?? [label]), s.node.path]);
  }
  if (keys.size > 1) {
    const detail = [...keys.values()].map(([label, ...paths]) => `${paths.join(', ')} use ${label}`).join('; ');
    problems.add('secondaries', detail, 'Cloudflare requires every peer linked to a zone to use the same TSIG key, or all to use none.', 'create one TsigKey and pass it as `tsigKey` to each of these SecondaryDns.');
  }

  const accounts = [...new Set(secondaries.map((s) => s.accountId).filter((a) => !Token.isUnresolved(a)))];
  if (accounts.length > 1) {
    problems.add('secondaries', accounts.join(', '), "peers can only be linked to zones of their own account, and these secondaries belong to different accounts.", "link only secondaries created in the zone's account.");
  }

  for (const group of findDuplicates(peers, (p) => peerEndpoint(p.peer))) {
    const where = group.map((p) => `${p.secondary} (${p.peer.name})`).join(' and ');
    problems.add('secondaries', peerEndpoint(group[0].peer), `two linked peers notify the same address and port: ${where}.`, 'remove one of the peers.');
  }

  const hosts = secondaries.flatMap((s) => s.nameservers.map((host) => ({ host, secondary: s.node.path })));
  for (const group of findDuplicates(hosts, (h) => h.host)) {
    problems.add('secondaries', group[0].host, `the nameserver is declared by more than one secondary (${group.map((h) => h.secondary).join(', ')}).`, 'declare each nameserver on one SecondaryDns only.');
  }
}
