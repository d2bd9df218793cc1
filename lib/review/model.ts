import { createHash } from 'node:crypto';
import { groupBy } from '../private/lists';
import { SynthesizedStack } from './synth-output';

/**
 * What a reviewer needs to know of the outgoing zone transfers in a synth
 * output, read from the Terraform JSON alone (no credentials, no state).
 * Secrets are never read into the model: a TSIG key shows where its secret
 * comes from, nothing else.
 */
export interface ReviewModel {
  readonly zones: ZoneView[];
  readonly tsigKeys: TsigKeyView[];
  readonly peers: PeerView[];
  readonly acls: AclView[];
  readonly findings: FindingView[];
  readonly acknowledgements: AcknowledgementView[];
}

export interface ZoneView {
  readonly zone: string;
  readonly stack: string;
  readonly address: string;
  readonly peers: { readonly address: string; readonly name: string; readonly endpoint: string }[];
  /** The TSIG keys the linked peers use, as "stack|address" ("" for a peer without a key). */
  readonly tsigKeys: string[];
  readonly aclRanges: string[];
  readonly nameservers: string[];
  readonly multiProvider: boolean;
  readonly enabledByLibrary: boolean;
  /** No apex NS records: the secondary keeps a copy but is not delegated. */
  readonly hiddenSecondary: boolean;
}

export interface TsigKeyView {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly algorithm: string;
  /** Where the secret comes from, for people: "generated at apply (random_bytes.x)", "variable tsig_secret", ... */
  readonly secretSource: string;
  /** Changes whenever the secret would change; compared, never printed. */
  readonly secretIdentity: string;
  readonly zones: string[];
}

export interface PeerView {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly endpoint: string;
  readonly tsigKey: string;
  readonly zones: string[];
}

export interface AclView {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly ipRange: string;
}

export interface FindingView {
  readonly stack: string;
  readonly level: string;
  readonly check: string;
  readonly construct: string;
  readonly message: string;
}

export interface AcknowledgementView {
  readonly stack: string;
  readonly check: string;
  readonly construct: string;
  readonly reason: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `${type.name.attr}` → `type.name`; anything else → undefined. */
function referencedAddress(expression: unknown): string | undefined {
  const match = typeof expression === 'string' ? /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z0-9_]+\}$/.exec(expression) : null;
  return match?.[1];
}

function endpointOf(ip: unknown, port: unknown): string {
  const host = typeof ip === 'string' && ip !== '' ? ip : '(no address)';
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The resources of one type as [address, config]. A resource with a `for_each`
 * map, literal or a local (OutgoingZoneTransferFleet), becomes one entry per
 * key, with `each.key` and `each.value.<attr>` replaced by that key's values,
 * so the rest of the review reads fleets and single zones alike.
 */
function resourcesOf(json: any, type: string): [string, any][] {
  return Object.entries(json?.resource?.[type] ?? {}).flatMap(([name, config]: [string, any]): [string, any][] => {
    const forEach = forEachMap(json, config?.for_each);
    if (forEach === undefined) return [[`${type}.${name}`, config]];
    const { for_each: _ignored, ...body } = config;
    return Object.entries(forEach).map(([key, value]): [string, any] => [`${type}.${name}[${JSON.stringify(key)}]`, substituteEach(body, key, value)]);
  });
}

/** A `for_each` map: a literal, or `${local.<name>}` naming a literal local; undefined for anything else. */
export function forEachMap(json: any, forEach: unknown): Record<string, unknown> | undefined {
  const local = typeof forEach === 'string' ? /^\$\{local\.([A-Za-z0-9_-]+)\}$/.exec(forEach) : null;
  const map = local ? json?.locals?.[local[1]] : forEach;
  return map !== null && typeof map === 'object' && !Array.isArray(map) ? map : undefined;
}

/** Replaces `${each.key}`, `${each.value}` and `${each.value.<attr>}` throughout `node`. */
function substituteEach(node: unknown, key: string, value: any): any {
  if (typeof node === 'string') {
    const whole = /^\$\{each\.(key|value)(?:\.([A-Za-z0-9_]+))?\}$/.exec(node);
    if (whole) return whole[1] === 'key' ? key : whole[2] === undefined ? value : value?.[whole[2]];
    return node
      .replace(/\$\{each\.key\}/g, key)
      .replace(/\$\{each\.value(?:\.([A-Za-z0-9_]+))?\}/g, (_, attr) => String(attr === undefined ? value : value?.[attr]));
  }
  if (Array.isArray(node)) return node.map((item) => substituteEach(item, key, value));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substituteEach(v, key, value)]));
  }
  return node;
}

/** Builds the review model of every stack; everything sorted, so the output is deterministic. */
export function buildReviewModel(stacks: readonly SynthesizedStack[]): ReviewModel {
  const model: ReviewModel = { zones: [], tsigKeys: [], peers: [], acls: [], findings: [], acknowledgements: [] };
  // First every stack's account objects: a shard's zones link peers of another stack (cross-stack references).
  const objects = new Map(stacks.map((s) => [s.name, readAccountObjects(s)]));
  for (const stack of stacks) addStack(model, stack, objects);
  for (const o of objects.values()) {
    model.tsigKeys.push(...[...o.keys.values()].map((k) => ({ ...k, zones: [...new Set(k.zones)].sort(byText) })));
    model.peers.push(...[...o.peers.values()].map(({ stack: s, address, name, endpoint, tsigKey, zones }) => ({ stack: s, address, name, endpoint, tsigKey, zones: [...new Set(zones)].sort(byText) })));
    model.acls.push(...o.acls.map(({ stack: s, address, name, ipRange }) => ({ stack: s, address, name, ipRange })));
  }
  model.zones.sort((a, b) => byText(a.zone, b.zone) || byText(a.stack, b.stack));
  for (const list of [model.tsigKeys, model.peers, model.acls] as { stack: string; address: string }[][]) {
    list.sort((a, b) => byText(a.stack, b.stack) || byText(a.address, b.address));
  }
  model.findings.sort((a, b) => byText(a.stack, b.stack) || byText(a.check, b.check) || byText(a.construct, b.construct) || byText(a.message, b.message));
  model.acknowledgements.sort((a, b) => byText(a.stack, b.stack) || byText(a.check, b.check) || byText(a.construct, b.construct));
  return model;
}

interface PeerRecord {
  stack: string;
  address: string;
  name: string;
  endpoint: string;
  tsigKey: string;
  /** "stack|address" of the key, "" without one. */
  tsigKeyId: string;
  account: string;
  zones: string[];
}

interface AccountObjects {
  keys: Map<string, TsigKeyView & { zones: string[] }>;
  peers: Map<string, PeerRecord>;
  acls: (AclView & { account: string })[];
  outputs: Record<string, { value?: unknown }>;
}

function readAccountObjects({ name: stack, json }: SynthesizedStack): AccountObjects {
  const randomBytes = new Map(resourcesOf(json, 'random_bytes'));
  const keys = new Map(resourcesOf(json, 'cloudflare_dns_zone_transfers_tsig').map(([address, c]) => [address, {
    stack, address, name: String(c.name), algorithm: String(c.algo), ...secretOf(c.secret, randomBytes), zones: [] as string[],
  }]));
  const peers = new Map(resourcesOf(json, 'cloudflare_dns_zone_transfers_peer').map(([address, c]): [string, PeerRecord] => {
    const key = referencedAddress(c.tsig_id);
    return [address, {
      stack, address, name: String(c.name), endpoint: endpointOf(c.ip, c.port ?? 53),
      tsigKey: key ? keys.get(key)?.name ?? key : c.tsig_id ? 'an existing key' : 'none',
      tsigKeyId: key ? `${stack}|${key}` : c.tsig_id ? `${stack}|${String(c.tsig_id)}` : '',
      account: String(c.account_id), zones: [],
    }];
  }));
  const acls = resourcesOf(json, 'cloudflare_dns_zone_transfers_acl').map(([address, c]) => ({
    stack, address, name: String(c.name), ipRange: String(c.ip_range), account: String(c.account_id),
  }));
  return { keys, peers, acls, outputs: json?.output ?? {} };
}

/**
 * The peer a zone's `peers` entry refers to: a peer of the same stack, or,
 * through cdktf's cross-stack reference (a remote-state output), a peer of
 * the stack that declares it.
 */
function resolvePeer(ref: unknown, stack: string, objects: Map<string, AccountObjects>): PeerRecord | undefined {
  const local = objects.get(stack)?.peers.get(referencedAddress(ref) ?? '');
  if (local) return local;
  const remote = typeof ref === 'string' ? /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-(.+)\.outputs\.([A-Za-z0-9_-]+)\}$/.exec(ref) : null;
  if (!remote) return undefined;
  const other = objects.get(remote[1]);
  return other?.peers.get(referencedAddress(other.outputs[remote[2]]?.value) ?? '');
}

function addStack(model: ReviewModel, { name: stack, json, annotations }: SynthesizedStack, objects: Map<string, AccountObjects>): void {
  // Indexed once, so that a stack of thousands of zones is read in linear time.
  const nsRecordsByZoneId = groupBy(resourcesOf(json, 'cloudflare_dns_record').map(([, c]) => c).filter((r) => String(r.type).toUpperCase() === 'NS'), (r) => String(r.zone_id));
  const multiProviderZoneIds = new Set(resourcesOf(json, 'cloudflare_zone_dns_settings').filter(([, c]) => c.multi_provider === true).map(([, c]) => String(c.zone_id)));
  // An enabler names its zone by a reference to the outgoing link (one zone) or by the zone id (a fleet's instances).
  const enablerZoneIds = resourcesOf(json, 'terraform_data')
    .filter(([, c]) => (c.provisioner ?? []).some((p: any) => / enable --zone-id /.test(p?.['local-exec']?.command ?? '')))
    .map(([, c]) => c.triggers_replace?.zone_id);
  const enabledOutgoing = new Set(enablerZoneIds.map(referencedAddress));
  const enabledZoneIds = new Set(enablerZoneIds.filter((id) => typeof id === 'string' && !id.includes('${')));
  const aclRangesByAccount = groupBy([...objects.values()].flatMap((o) => o.acls), (a) => `${a.stack}|${a.account}`);

  for (const [address, outgoing] of resourcesOf(json, 'cloudflare_dns_zone_transfers_outgoing')) {
    const zone = String(outgoing.name).replace(/\.$/, '').toLowerCase();
    const linked = ((outgoing.peers ?? []) as unknown[]).map((ref) => resolvePeer(ref, stack, objects));
    const accounts = [...new Set(linked.filter((p) => p !== undefined).map((p) => `${p!.stack}|${p!.account}`))];
    const nameservers = (nsRecordsByZoneId.get(String(outgoing.zone_id)) ?? [])
      .filter((r) => [zone, `${zone}.`, '@'].includes(String(r.name).toLowerCase()))
      .map((r) => String(r.content).replace(/\.$/, '').toLowerCase())
      .sort(byText);
    for (const peer of linked) peer?.zones.push(zone);
    for (const keyId of new Set(linked.map((p) => p?.tsigKeyId))) {
      if (keyId) objects.get(keyId.split('|')[0])?.keys.get(keyId.slice(keyId.indexOf('|') + 1))?.zones.push(zone);
    }
    model.zones.push({
      zone,
      stack,
      address,
      peers: linked
        .map((p, i) => p ? { address: p.address, name: p.name, endpoint: p.endpoint } : { address: String(outgoing.peers[i]), name: '(not in this stack)', endpoint: '?' })
        .sort((a, b) => byText(a.name, b.name)),
      tsigKeys: [...new Set(linked.map((p) => p?.tsigKeyId ?? '?'))].sort(byText),
      aclRanges: [...new Set(accounts.flatMap((a) => (aclRangesByAccount.get(a) ?? []).map((acl) => acl.ipRange)))].sort(byText),
      nameservers,
      multiProvider: multiProviderZoneIds.has(String(outgoing.zone_id)),
      enabledByLibrary: enabledOutgoing.has(address) || enabledZoneIds.has(outgoing.zone_id),
      hiddenSecondary: nameservers.length === 0,
    });
  }

  for (const a of annotations) {
    const check = /^\[(CFZT\d{3})\]/.exec(a.message)?.[1];
    if (check) model.findings.push({ stack, level: a.level.replace('@cdktf/', ''), check, construct: a.constructPath, message: a.message.slice(check.length + 3) });
  }
  for (const ack of (json?.['//']?.zone_transfer_acknowledgements ?? []) as any[]) {
    model.acknowledgements.push({ stack, check: String(ack.check), construct: String(ack.construct), reason: String(ack.reason) });
  }
}

/** Describes where a secret comes from, and an identity that changes whenever the secret would. */
function secretOf(secret: unknown, randomBytes: Map<string, any>): { secretSource: string; secretIdentity: string } {
  const generator = referencedAddress(secret);
  if (generator?.startsWith('random_bytes.')) {
    // A new length or new keepers generate a new secret; the numbers themselves are never shown.
    const config = randomBytes.get(generator);
    return { secretSource: `generated at apply (${generator})`, secretIdentity: `${generator}|${JSON.stringify([config?.length, config?.keepers])}` };
  }
  if (typeof secret === 'string' && /^\$\{var\.[A-Za-z0-9_-]+\}$/.test(secret)) {
    return { secretSource: `variable ${secret.slice(6, -1)}`, secretIdentity: secret };
  }
  if (typeof secret === 'string' && secret.includes('${')) return { secretSource: 'a Terraform expression', secretIdentity: secret };
  // A literal: the library warned at synth. Identity by hash only, so the secret never leaves this function.
  return { secretSource: 'a literal in cdk.tf.json (warned at synth)', secretIdentity: `literal:${createHash('sha256').update(String(secret)).digest('hex')}` };
}
