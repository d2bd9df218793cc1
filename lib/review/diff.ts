import * as ipaddr from 'ipaddr.js';
import { AclView, ReviewModel, TsigKeyView, ZoneView } from './model';

/** How much a change can hurt: high interrupts transfers or changes public delegation. */
export enum Risk {
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
}

/** One change between two synth outputs, in the terms of outgoing zone transfers. */
export interface Change {
  readonly risk: Risk;
  /** A zone name, or "account objects (<stack>)". */
  readonly scope: string;
  readonly kind: string;
  readonly subject: string;
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

const RISK_ORDER = [Risk.HIGH, Risk.MEDIUM, Risk.LOW];
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every change from `base` to `head`, sorted by risk, scope, kind and subject. */
export function diffReviewModels(base: ReviewModel, head: ReviewModel): Change[] {
  const changes: Change[] = [...zoneChanges(base, head), ...keyChanges(base, head), ...aclChanges(base, head)];
  return changes.sort((a, b) => RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk)
    || byText(a.scope, b.scope) || byText(a.kind, b.kind) || byText(a.subject, b.subject));
}

/**
 * Zones are matched by name and stack: a zone that moves to another stack
 * moves to another Terraform state, which destroys and re-creates it. The
 * stack is shown only where a name appears in more than one stack.
 */
function zoneChanges(base: ReviewModel, head: ReviewModel): Change[] {
  const stacksOf = new Map<string, Set<string>>();
  for (const z of [...base.zones, ...head.zones]) stacksOf.set(z.zone, (stacksOf.get(z.zone) ?? new Set()).add(z.stack));
  const label = (z: ZoneView) => (stacksOf.get(z.zone)!.size > 1 ? `${z.zone} (${z.stack})` : z.zone);
  const before = new Map(base.zones.map((z) => [label(z), z]));
  const after = new Map(head.zones.map((z) => [label(z), z]));
  const keysBefore = new Map(base.tsigKeys.map((k) => [`${k.stack}|${k.address}`, k]));
  const keysAfter = new Map(head.tsigKeys.map((k) => [`${k.stack}|${k.address}`, k]));
  const changes: Change[] = [];
  for (const [zone, old] of before) {
    if (!after.has(zone)) {
      changes.push({ risk: Risk.HIGH, scope: zone, kind: 'zone removed', subject: old.zone, before: `${old.peers.length} peer(s)`, after: '-', reason: "Transfers of this zone stop; the secondary's copy expires and it stops answering for the zone." });
    }
  }
  for (const [zone, now] of after) {
    const old = before.get(zone);
    if (!old) {
      changes.push({ risk: Risk.LOW, scope: zone, kind: 'zone added', subject: now.zone, before: '-', after: `${now.peers.length} peer(s)`, reason: 'A new zone starts transferring to the secondary once enabled.' });
      continue;
    }
    changes.push(...[...peerChanges(old, now), ...zoneKeyChanges(old, now, keysBefore, keysAfter), ...delegationChanges(old, now)].map((c) => ({ ...c, scope: zone })));
  }
  return changes;
}

function peerChanges(old: ZoneView, now: ZoneView): Change[] {
  const changes: Change[] = [];
  const before = new Map(old.peers.map((p) => [p.address, p]));
  const after = new Map(now.peers.map((p) => [p.address, p]));
  for (const [address, p] of before) {
    if (!after.has(address)) changes.push({ risk: Risk.MEDIUM, scope: now.zone, kind: 'peer removed', subject: p.name, before: p.endpoint, after: '-', reason: 'That server no longer gets NOTIFY messages for the zone.' });
  }
  for (const [address, p] of after) {
    const was = before.get(address);
    if (!was) changes.push({ risk: Risk.LOW, scope: now.zone, kind: 'peer added', subject: p.name, before: '-', after: p.endpoint, reason: 'Another server gets NOTIFY messages for the zone.' });
    else if (was.endpoint !== p.endpoint) changes.push({ risk: Risk.MEDIUM, scope: now.zone, kind: 'peer re-addressed', subject: p.name, before: was.endpoint, after: p.endpoint, reason: 'NOTIFY messages go to the new address; the old one no longer hears of changes.' });
  }
  return changes;
}

function keyLabel(key: TsigKeyView | undefined, address: string): string {
  if (address === '') return 'none';
  return key ? `${key.name} (${key.algorithm})` : 'an existing key';
}

function zoneKeyChanges(old: ZoneView, now: ZoneView, keysBefore: Map<string, TsigKeyView>, keysAfter: Map<string, TsigKeyView>): Change[] {
  const was = old.tsigKeys.join(',');
  const is = now.tsigKeys.join(',');
  const label = (zone: ZoneView, keys: Map<string, TsigKeyView>) => zone.tsigKeys.map((id) => keyLabel(keys.get(id), id)).join(', ');
  const before = label(old, keysBefore);
  const after = label(now, keysAfter);
  if (was !== is) {
    if (was === '') return [{ risk: Risk.HIGH, scope: now.zone, kind: 'TSIG key added', subject: after, before, after, reason: 'Transfers are signed from now on: they fail until the secondary has the key.' }];
    if (is === '') return [{ risk: Risk.MEDIUM, scope: now.zone, kind: 'TSIG key removed', subject: before, before, after, reason: 'Transfers are no longer signed; the secondary must accept unsigned transfers.' }];
    return [{ risk: Risk.HIGH, scope: now.zone, kind: 'TSIG key replaced', subject: after, before, after, reason: 'Transfers are interrupted until the secondary has the new key.' }];
  }
  const changes: Change[] = [];
  for (const address of now.tsigKeys) {
    const k0 = keysBefore.get(address);
    const k1 = keysAfter.get(address);
    if (!k0 || !k1) continue;
    if (k0.algorithm !== k1.algorithm) {
      changes.push({ risk: Risk.HIGH, scope: now.zone, kind: 'TSIG algorithm changed', subject: k1.name, before: k0.algorithm, after: k1.algorithm, reason: 'Transfers fail until the secondary uses the new algorithm.' });
    }
    if (k0.name !== k1.name) {
      changes.push({ risk: Risk.HIGH, scope: now.zone, kind: 'TSIG key renamed', subject: k1.name, before: k0.name, after: k1.name, reason: 'The name must match exactly on both sides: transfers fail until the secondary is renamed too.' });
    }
    if (k0.secretIdentity !== k1.secretIdentity) {
      const sameSource = k0.secretSource === k1.secretSource;
      changes.push({
        risk: Risk.HIGH, scope: now.zone, kind: 'TSIG key replaced', subject: k1.name,
        before: sameSource ? 'the current secret' : k0.secretSource,
        after: sameSource ? `a new secret (${k1.secretSource}, generated again)` : k1.secretSource,
        reason: 'A new secret: transfers are interrupted until the secondary has it.',
      });
    }
  }
  return changes;
}

function delegationChanges(old: ZoneView, now: ZoneView): Change[] {
  const changes: Change[] = [];
  for (const ns of old.nameservers.filter((n) => !now.nameservers.includes(n))) {
    changes.push({ risk: Risk.HIGH, scope: now.zone, kind: 'NS record removed', subject: ns, before: ns, after: '-', reason: 'Removing an apex NS record changes the public delegation of the zone.' });
  }
  for (const ns of now.nameservers.filter((n) => !old.nameservers.includes(n))) {
    changes.push({ risk: Risk.MEDIUM, scope: now.zone, kind: 'NS record added', subject: ns, before: '-', after: ns, reason: 'Adding an apex NS record changes the public delegation; the server must already serve the zone.' });
  }
  if (old.multiProvider !== now.multiProvider) {
    changes.push(now.multiProvider
      ? { risk: Risk.MEDIUM, scope: now.zone, kind: 'multi-provider DNS turned on', subject: now.zone, before: 'off', after: 'on', reason: "Cloudflare starts serving the zone's apex NS records, which delegates to the secondary." }
      : { risk: Risk.HIGH, scope: now.zone, kind: 'multi-provider DNS turned off', subject: now.zone, before: 'on', after: 'off', reason: 'Cloudflare ignores apex NS records again: the secondary is no longer delegated from the zone (destroying the setting does not turn it off; check the dashboard).' });
  }
  if (old.enabledByLibrary !== now.enabledByLibrary) {
    changes.push(now.enabledByLibrary
      ? { risk: Risk.LOW, scope: now.zone, kind: 'transfers enabled by the library', subject: now.zone, before: 'no', after: 'yes', reason: 'The apply enables outgoing transfers (and Cloudflare sends a NOTIFY).' }
      : { risk: Risk.HIGH, scope: now.zone, kind: 'transfers no longer enabled by the library', subject: now.zone, before: 'yes', after: 'no', reason: 'The apply runs `disable`: disabling transfers stops updates to the secondary.' });
  }
  return changes;
}

function keyChanges(base: ReviewModel, head: ReviewModel): Change[] {
  const before = new Map(base.tsigKeys.map((k) => [`${k.stack}|${k.address}`, k]));
  const changes: Change[] = [];
  for (const k of head.tsigKeys) {
    if (!before.has(`${k.stack}|${k.address}`)) {
      changes.push({ risk: Risk.LOW, scope: `account objects (${k.stack})`, kind: 'TSIG key created', subject: `${k.name} (${k.algorithm})`, before: '-', after: k.secretSource, reason: 'A new key; configure it on the secondary before zones use it.' });
    }
  }
  return changes;
}

function aclChanges(base: ReviewModel, head: ReviewModel): Change[] {
  const before = new Map(base.acls.map((a) => [`${a.stack}|${a.address}`, a]));
  const after = new Map(head.acls.map((a) => [`${a.stack}|${a.address}`, a]));
  const changes: Change[] = [];
  const scope = (a: AclView) => `account objects (${a.stack})`;
  for (const [id, a] of before) {
    if (!after.has(id)) changes.push({ risk: Risk.HIGH, scope: scope(a), kind: 'ACL removed', subject: a.name, before: a.ipRange, after: '-', reason: "Transfer requests from this range are refused, for every zone of the account (unless a linked peer's address covers them)." });
  }
  for (const [id, a] of after) {
    const was = before.get(id);
    if (!was) changes.push({ risk: Risk.LOW, scope: scope(a), kind: 'ACL added', subject: a.name, before: '-', after: a.ipRange, reason: 'Another range may request transfers of every zone of the account.' });
    else if (was.ipRange !== a.ipRange) {
      const widened = contains(a.ipRange, was.ipRange);
      changes.push({
        risk: Risk.MEDIUM, scope: scope(a), kind: widened ? 'ACL widened' : 'ACL narrowed or moved', subject: a.name, before: was.ipRange, after: a.ipRange,
        reason: widened ? 'More addresses may request transfers of every zone of the account.' : 'Addresses outside the new range can no longer transfer: check the secondary transfers from inside it.',
      });
    }
  }
  return changes;
}

/** Whether CIDR `outer` contains CIDR `inner` (false when either is not a CIDR). */
function contains(outer: string, inner: string): boolean {
  try {
    const [o, ol] = ipaddr.parseCIDR(outer);
    const [i, il] = ipaddr.parseCIDR(inner);
    return o.kind() === i.kind() && ol <= il && i.match([o, ol] as [typeof o, number]);
  } catch {
    return false;
  }
}
