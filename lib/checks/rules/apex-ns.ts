import { LIBRARY_NS_RECORDS } from '../../private/library-records';
import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';
import { isApex } from '../stack-model';

export const apexNsRule: PreflightRule = {
  id: CheckId.APEX_NS_IGNORED,
  title: 'Apex NS records while multi-provider DNS is off',
  severity: CheckSeverity.ERROR,
  why: 'Cloudflare ignores NS records at the apex unless multi-provider DNS is on, so the secondary would never be delegated from the zone.',
  fix: 'Declare the nameservers on the secondary (`nameservers`), which turns multi-provider DNS on; or add a cloudflare_zone_dns_settings with multi_provider = true for the zone.',
  check(model) {
    const multiProviderZones = new Set(model.dnsSettings.filter((s) => s.multiProvider === true).map((s) => s.zoneKey));
    return model.zones.flatMap((zone) => {
      if (multiProviderZones.has(zone.zoneKey)) return [];
      return (model.recordsByZone.get(zone.zoneKey) ?? [])
        .filter((r) => r.type === 'NS' && isApex(r.name, zone.zoneName) && !LIBRARY_NS_RECORDS.has(r.construct))
        .map((r) => ({
          construct: r.construct,
          message: `This apex NS record of ${zone.zoneName} is ignored by Cloudflare: multi-provider DNS is not turned on for the zone in this stack.`,
        }));
    });
  },
};
