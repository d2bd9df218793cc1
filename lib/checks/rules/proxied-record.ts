import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';

export const proxiedRecordRule: PreflightRule = {
  id: CheckId.PROXIED_RECORD,
  title: 'Proxied records in a zone with outgoing transfers',
  severity: CheckSeverity.ERROR,
  why: "Cloudflare's guide requires unproxied (DNS-only) records; a proxied name is transferred as Cloudflare's proxy addresses, so the secondary answers with them.",
  fix: 'Set `proxied = false` on the record, or set `allowProxiedRecords: true` on the zone to accept proxy addresses on the secondary (then this is a warning).',
  check(model) {
    return model.zones.flatMap((zone) => {
      const allowed = (zone.outgoing.node.scope as { allowProxiedRecords?: boolean } | undefined)?.allowProxiedRecords === true;
      return (model.recordsByZone.get(zone.zoneKey) ?? [])
        .filter((r) => r.proxied === true)
        .map((r) => ({
          construct: r.construct,
          severity: allowed ? CheckSeverity.WARNING : CheckSeverity.ERROR,
          message: allowed
            ? `${r.type ?? 'record'} ${r.name ?? '(name known at apply)'} is proxied and ${zone.zoneName ?? 'its zone'} accepts that: the secondary will serve Cloudflare's proxy addresses (two A and two AAAA records) for this name.`
            : `${r.type ?? 'record'} ${r.name ?? '(name known at apply)'} is proxied, but ${zone.zoneName ?? 'its zone'} has outgoing zone transfers, which require unproxied records.`,
        }));
    });
  },
};
