import { CheckId, CheckSeverity } from '../check-id';
import { PreflightRule } from '../rule';
import { listSome } from '../../private/lists';

export const entitlementRule: PreflightRule = {
  id: CheckId.ENTITLEMENT,
  title: "Outgoing transfers need Cloudflare's account team",
  severity: CheckSeverity.INFO,
  why: 'Outgoing zone transfers are an Enterprise feature that Cloudflare\'s account team enables per zone; without it, the apply of the outgoing link fails.',
  fix: 'Ask your account team to enable outgoing zone transfers for these zones before the first apply.',
  check(model) {
    if (model.zones.length === 0) return [];
    const names = model.zones.map((z) => z.zoneName ?? '(name known at apply)');
    return [{ construct: model.stack, message: `Before the first apply, Cloudflare's account team must enable outgoing zone transfers (Enterprise) for: ${listSome(names)}.` }];
  },
};
