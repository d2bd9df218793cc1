import { TerraformStack } from 'cdktf';

/** Zone names already declared per stack: a zone declared twice would fight over one Cloudflare object. */
const zonesPerStack = new WeakMap<TerraformStack, Map<string, string>>();

/** The zone names declared so far in `stack`, with the path of the construct that declared each. */
export function zonesDeclaredIn(stack: TerraformStack): Map<string, string> {
  let declared = zonesPerStack.get(stack);
  if (!declared) {
    declared = new Map<string, string>();
    zonesPerStack.set(stack, declared);
  }
  return declared;
}
