import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';

export const dnssecRule: PreflightRule = {
  id: CheckId.DNSSEC,
  title: 'DNSSEC without multi-signer',
  severity: CheckSeverity.ERROR,
  why: "Outgoing zone transfers of a signed zone need multi-signer DNSSEC: the secondary signs with its own key, and Cloudflare's key is not transferred.",
  fix: 'Set `dnssec_multi_signer = true` on the cloudflare_zone_dnssec (and add the secondary\'s DNSKEY to the zone), or disable DNSSEC.',
  check(model) {
    return model.zones.flatMap((zone) => model.dnssec
      // Declaring the resource turns DNSSEC on unless its status says otherwise.
      .filter((d) => d.zoneKey === zone.zoneKey && d.status !== 'disabled')
      .map((d) => d.multiSigner === true
        ? {
          construct: d.construct,
          severity: CheckSeverity.INFO,
          message: `DNSSEC of ${zone.zoneName ?? 'the zone'} is multi-signer: add the secondary's DNSKEY to the zone and its DS to the parent; Cloudflare's key is not transferred.`,
        }
        : {
          construct: d.construct,
          message: `DNSSEC of ${zone.zoneName ?? 'the zone'} is active without dnssec_multi_signer = true, but the zone has outgoing transfers, which need multi-signer DNSSEC.`,
        }));
  },
};
