import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';
import { isApex } from '../stack-model';

export const apexCnameRule: PreflightRule = {
  id: CheckId.APEX_CNAME,
  title: 'A CNAME at the zone apex',
  severity: CheckSeverity.WARNING,
  why: 'Cloudflare always transfers an apex CNAME flattened (as the addresses it points to); the secondary must accept that, and it will not follow later changes of the target.',
  fix: 'Use A/AAAA records at the apex, or make sure the secondary supports flattened apex records and acknowledge this check.',
  check(model) {
    return model.zones.flatMap((zone) => (model.recordsByZone.get(zone.zoneKey) ?? [])
        .filter((r) => r.type === 'CNAME' && isApex(r.name, zone.zoneName))
      .map((r) => ({
        construct: r.construct,
        message: `The CNAME at the apex of ${zone.zoneName} is transferred flattened: the secondary serves the target's addresses at the time of the transfer.`,
      })));
  },
};
