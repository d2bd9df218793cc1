import { Token } from 'cdktf';
import { CLOUDFLARE_LIMITS } from '../cloudflare';
import { TsigAlgorithm } from '../tsig-algorithm';
import { ITsigKey } from '../tsig-key';
import { DEFAULT_PEER_PORT } from '../transfer-peer';
import { childIdFromName, findDuplicates } from './lists';
import { ProblemList } from './problems';
import { validateCloudflareId, validateObjectList, validateObjectName, validatePort } from './validate-basic';
import { HOST_NAME_RULES, TSIG_NAME_RULES, validateDomainName, validateDomainNameList } from './validate-dns-name';
import { hostRange, validateAclRange, validateIpAddress } from './validate-ip';
import { validateTsigAlgorithm, validateTsigKeyRef, validateTsigSecret } from './validate-tsig';

/** The props of one secondary, as the user may write them (validated here). */
export interface SecondaryInput {
  readonly accountId?: unknown;
  readonly tsig?: unknown;
  readonly tsigKey?: unknown;
  readonly peers?: unknown;
  readonly transferAcls?: unknown;
  readonly nameservers?: unknown;
}

/** A validated, normalized peer. */
export interface PeerSpec {
  readonly name: string;
  readonly ip?: string;
  readonly port: number;
}

/** A validated, normalized ACL. */
export interface AclSpec {
  readonly name: string;
  readonly ipRange: string;
}

/** A validated, normalized secondary. */
export interface SecondarySpec {
  readonly accountId: string;
  readonly tsig?: { readonly name: string; readonly algorithm: TsigAlgorithm; readonly secret?: string };
  readonly tsigKey?: ITsigKey;
  readonly peers: readonly PeerSpec[];
  /** ACLs to create: the user's, or one per peer address when none were given. */
  readonly acls: readonly AclSpec[];
  /** Whether `acls` are the defaults derived from peer addresses. */
  readonly aclsFromPeers: boolean;
  readonly nameservers: readonly string[];
}

/** The key that identifies a peer's NOTIFY target; `undefined` when unknown at synth. */
export function peerEndpoint(peer: { ip?: string; port: number }): string | undefined {
  if (peer.ip === undefined || Token.isUnresolved(peer.ip) || Token.isUnresolved(peer.port)) return undefined;
  return peer.ip.includes(':') ? `[${peer.ip}]:${peer.port}` : `${peer.ip}:${peer.port}`;
}

/**
 * Validates the props of a secondary (given to `SecondaryDns`, or inline to
 * `OutgoingZoneTransfer`) and records every problem. Returns the normalized
 * spec, or `undefined` when there were problems.
 */
export function validateSecondaryInput(input: SecondaryInput, problems: ProblemList): SecondarySpec | undefined {
  const before = problems.problems.length;
  const accountId = validateCloudflareId(input.accountId, 'accountId', problems, 'account');
  const tsig = validateTsigOptions(input, problems);
  const peers = validatePeers(input.peers, problems);
  const acls = input.transferAcls === undefined ? undefined : validateAcls(input.transferAcls, problems);
  const nameservers = input.nameservers === undefined ? [] : validateNameservers(input.nameservers, problems);
  if (problems.problems.length > before) return undefined;

  const defaultAcls = defaultAclsFor(peers!);
  return {
    accountId: accountId!,
    tsig: tsig?.options,
    tsigKey: tsig?.key,
    peers: peers!,
    acls: acls ?? defaultAcls,
    aclsFromPeers: acls === undefined,
    nameservers: nameservers!,
  };
}

function validateTsigOptions(input: SecondaryInput, problems: ProblemList) {
  if (input.tsig !== undefined && input.tsigKey !== undefined) {
    problems.add('tsig, tsigKey', 'both', 'give either `tsig` (options to create a key) or `tsigKey` (an existing key), not both.', 'keep one of them.');
    return undefined;
  }
  if (input.tsigKey !== undefined) {
    const key = validateTsigKeyRef(input.tsigKey, 'tsigKey', problems);
    return key && { key };
  }
  if (input.tsig === undefined) return undefined;
  if (input.tsig === null || typeof input.tsig !== 'object') {
    problems.add('tsig', input.tsig, 'must be an object { name, algorithm?, secret? }.', 'pass for example { name: "cloudflare-transfer" }.');
    return undefined;
  }
  const options = input.tsig as { name?: unknown; algorithm?: unknown; secret?: unknown };
  const name = validateDomainName(options.name, 'tsig.name', problems, TSIG_NAME_RULES);
  const algorithm = validateTsigAlgorithm(options.algorithm, 'tsig.algorithm', problems);
  const secret = options.secret === undefined ? undefined : validateTsigSecret(options.secret, 'tsig.secret', problems);
  if (name === undefined || algorithm === undefined || (options.secret !== undefined && secret === undefined)) return undefined;
  return { options: { name, algorithm, secret } };
}

function validatePeers(value: unknown, problems: ProblemList): PeerSpec[] | undefined {
  const example = '{ name: "ns1", ip: "192.0.2.53" }';
  if (value === undefined) {
    problems.add('peers', value, 'a secondary needs at least one peer (its servers, where Cloudflare sends NOTIFY).', `pass peers: [${example}].`);
    return undefined;
  }
  const items = validateObjectList<{ name?: unknown; ip?: unknown; port?: unknown }>(value, 'peers', problems, example);
  if (items === undefined) return undefined;
  if (items.length === 0) {
    problems.add('peers', value, 'a secondary needs at least one peer (its servers, where Cloudflare sends NOTIFY).', `pass peers: [${example}].`);
    return undefined;
  }
  const peers = items.map((item, i) => ({
    name: validateObjectName(item.name, `peers[${i}].name`, problems),
    ip: item.ip === undefined ? undefined : validateIpAddress(item.ip, `peers[${i}].ip`, problems),
    port: item.port === undefined ? DEFAULT_PEER_PORT : validatePort(item.port, `peers[${i}].port`, problems),
    index: i,
  }));
  if (items.length > CLOUDFLARE_LIMITS.maxPeersPerZone) {
    problems.add('peers', value, `Cloudflare links at most ${CLOUDFLARE_LIMITS.maxPeersPerZone} peers to a zone, so a secondary with ${items.length} peers can never be linked.`, 'split the servers over several SecondaryDns constructs and zones, or notify fewer servers.');
  }
  for (const group of findDuplicates(peers, (p) => (p.name === undefined ? undefined : childIdFromName(p.name)))) {
    problems.add(`peers[${group.map((p) => p.index).join('], peers[')}].name`, group[0].name, 'peer names must be unique within a secondary: they name the Terraform resources.', 'give each peer its own name.');
  }
  const complete = peers.filter((p) => p.ip !== undefined && p.port !== undefined) as { ip: string; port: number; index: number }[];
  for (const group of findDuplicates(complete, peerEndpoint)) {
    problems.add(`peers[${group.map((p) => p.index).join('], peers[')}]`, peerEndpoint(group[0]), 'two peers with the same address and port would receive every NOTIFY twice.', 'remove the duplicate peer.');
  }
  if (peers.some((p) => p.name === undefined || p.port === undefined)) return undefined;
  return peers.map(({ name, ip, port }) => ({ name: name!, ip, port: port! }));
}

function validateAcls(value: unknown, problems: ProblemList): AclSpec[] | undefined {
  const example = '{ name: "secondary-transfer", ipRange: "192.0.2.0/28" }';
  const items = validateObjectList<{ name?: unknown; ipRange?: unknown }>(value, 'transferAcls', problems, example);
  if (items === undefined) return undefined;
  const acls = items.map((item, i) => ({
    name: validateObjectName(item.name, `transferAcls[${i}].name`, problems),
    ipRange: validateAclRange(item.ipRange, `transferAcls[${i}].ipRange`, problems),
    index: i,
  }));
  for (const group of findDuplicates(acls, (a) => (a.name === undefined ? undefined : childIdFromName(a.name)))) {
    problems.add(`transferAcls[${group.map((a) => a.index).join('], transferAcls[')}].name`, group[0].name, 'ACL names must be unique within a secondary: they name the Terraform resources.', 'give each ACL its own name.');
  }
  const literal = acls.filter((a) => a.ipRange !== undefined && !Token.isUnresolved(a.ipRange));
  for (const group of findDuplicates(literal, (a) => a.ipRange)) {
    problems.add(`transferAcls[${group.map((a) => a.index).join('], transferAcls[')}].ipRange`, group[0].ipRange, 'the same range is declared twice.', 'keep one ACL per range.');
  }
  if (acls.some((a) => a.name === undefined || a.ipRange === undefined)) return undefined;
  return acls.map(({ name, ipRange }) => ({ name: name!, ipRange: ipRange! }));
}

function validateNameservers(value: unknown, problems: ProblemList): string[] | undefined {
  return validateDomainNameList(value, 'nameservers', problems, HOST_NAME_RULES, {
    noun: 'nameserver', plural: 'host names', example: '["ns1.secondary-dns.net", "ns2.secondary-dns.net"]', requireOne: false,
  });
}

/**
 * One ACL per distinct peer address (/32 or /128), named after the range so
 * that its Terraform address does not depend on peer names or order.
 */
function defaultAclsFor(peers: readonly PeerSpec[]): AclSpec[] {
  const ranges = new Set<string>();
  for (const peer of peers) {
    if (peer.ip !== undefined && !Token.isUnresolved(peer.ip)) ranges.add(hostRange(peer.ip));
  }
  return [...ranges].map((ipRange) => ({ name: ipRange, ipRange }));
}
