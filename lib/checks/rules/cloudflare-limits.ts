import { CLOUDFLARE_LIMITS } from '../../cloudflare';
import { findDuplicates } from '../../private/lists';
import { ProblemList } from '../../private/problems';
import { validateAclRange } from '../../private/validate-ip';
import { CheckId, CheckSeverity } from '../check-id';
import { Finding, PreflightRule } from '../rule';
import { PeerInfo, StackModel } from '../stack-model';

export const cloudflareLimitsRule: PreflightRule = {
  id: CheckId.CLOUDFLARE_LIMITS,
  title: "Cloudflare's limits across the stack",
  severity: CheckSeverity.ERROR,
  why: `Cloudflare rejects or mishandles these at apply: peers of one zone with different TSIG keys, more than ${CLOUDFLARE_LIMITS.maxPeersPerZone} peers on a zone, ACLs wider than /${CLOUDFLARE_LIMITS.minAclPrefixIpv4} (IPv4) or /${CLOUDFLARE_LIMITS.minAclPrefixIpv6} (IPv6), the same ip:port as two peers of one account.`,
  fix: 'Give every peer of a zone the same TSIG key (or none), link fewer peers, narrow the ACL, remove the duplicate peer.',
  check(model) {
    return [...zonePeerFindings(model), ...aclFindings(model), ...duplicatePeerFindings(model)];
  },
};

function zonePeerFindings(model: StackModel): Finding[] {
  const peersByRef = new Map(model.peers.map((p) => [p.ref, p]));
  return model.zones.flatMap((zone) => {
    const findings: Finding[] = [];
    const where = zone.zoneName ?? 'the zone';
    if (zone.peerRefs.length > CLOUDFLARE_LIMITS.maxPeersPerZone) {
      findings.push({ construct: zone.outgoing, message: `${where} links ${zone.peerRefs.length} peers; Cloudflare allows at most ${CLOUDFLARE_LIMITS.maxPeersPerZone}.` });
    }
    const linked = zone.peerRefs.map((ref) => peersByRef.get(ref)).filter((p): p is PeerInfo => p !== undefined);
    const keys = new Set(linked.map((p) => p.tsigId ?? ''));
    if (keys.size > 1) {
      const detail = linked.map((p) => `${p.construct.node.path}: ${p.tsigId === '' ? 'no key' : p.tsigId}`).join('; ');
      findings.push({ construct: zone.outgoing, message: `The peers linked to ${where} do not share one TSIG key (${detail}); Cloudflare requires one key for all, or none.` });
    }
    return findings;
  });
}

function aclFindings(model: StackModel): Finding[] {
  return model.acls.flatMap((acl) => {
    if (acl.ipRange === undefined) return [];
    const problems = new ProblemList();
    validateAclRange(acl.ipRange, 'ip_range', problems);
    return problems.problems.map((p) => ({ construct: acl.construct, message: `ip_range "${acl.ipRange}": ${p.rule} Fix: ${p.fix}` }));
  });
}

function duplicatePeerFindings(model: StackModel): Finding[] {
  const known = model.peers.filter((p) => p.ip !== undefined && p.port !== undefined);
  return findDuplicates(known, (p) => `${p.accountId}|${p.ip}|${p.port}`).flatMap((group) => group.slice(1).map((peer) => ({
    construct: peer.construct,
    message: `Peer ${peer.ip} port ${peer.port} is also declared at ${group[0].construct.node.path} in the same account; Cloudflare would notify it twice.`,
  })));
}
