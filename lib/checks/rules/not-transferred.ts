import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';

/** Name prefixes of the TXT records that validate TLS certificates, which Cloudflare does not transfer. */
const TLS_VALIDATION_PREFIXES = ['_acme-challenge.', '_cf-custom-hostname.'];

export const notTransferredRule: PreflightRule = {
  id: CheckId.NOT_TRANSFERRED,
  title: 'Records that are never transferred',
  severity: CheckSeverity.INFO,
  why: 'Cloudflare does not transfer CAA records, TLS-validation TXT records or DNS-only load-balancing records: the secondary will not serve them.',
  fix: 'Nothing to fix; if the secondary must serve them, declare them there too.',
  check(model) {
    return model.zones.flatMap((zone) => {
      const names = (model.recordsByZone.get(zone.zoneKey) ?? [])
        .filter((r) => (r.type === 'CAA'
          || (r.type === 'TXT' && r.name !== undefined && TLS_VALIDATION_PREFIXES.some((p) => r.name!.startsWith(p)))))
        .map((r) => `${r.type} ${r.name ?? '(name known at apply)'}`)
        .sort();
      if (names.length === 0) return [];
      return [{ construct: zone.outgoing, message: `Not transferred to the secondary: ${[...new Set(names)].join(', ')}.` }];
    });
  },
};
