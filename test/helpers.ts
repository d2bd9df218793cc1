import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

export const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
export const OTHER_ACCOUNT_ID = 'fedcba9876543210fedcba9876543210';
export const ZONE_ID = '00112233445566778899aabbccddeeff';

/** A fresh stack, with a Cloudflare provider, in a fresh test app. */
export function newStack(id = 'test'): TerraformStack {
  const stack = new TerraformStack(Testing.app({ stackTraces: false }), id);
  new CloudflareProvider(stack, 'cloudflare', {});
  return stack;
}

/** Synthesized JSON of `stack` (metadata removed), with validations run. */
export function synth(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

/** Synthesized JSON of `stack`, parsed. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(synth(stack));
}

/** Messages of the annotations of one level under `scope` ('warn', 'info' or 'error'). */
export function annotations(scope: IConstruct, level: 'warn' | 'info' | 'error'): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === `@cdktf/${level}`)
    .map((m) => String(m.data));
}

/** The error `fn` throws (fails the test when it throws nothing). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

/** Resource addresses (type.name) of a synthesized stack. */
export function resourceAddresses(json: any): string[] {
  return Object.entries(json.resource ?? {})
    .flatMap(([type, byName]) => Object.keys(byName as object).map((name) => `${type}.${name}`))
    .sort();
}

/** The resources of one type in a synthesized stack, by name. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}
