import { ApiCall, ApiFailure, CloudflareApiClient, CloudflareApiError } from './cloudflare-api';

/**
 * Step 6 of Cloudflare's guide, which no Terraform resource performs:
 * enable, disable, inspect and re-notify outgoing zone transfers of a zone.
 */

const WRITE = 'one of the permissions Zone Settings Write, Zone Write or DNS Write on the zone';
const READ = 'read access to the zone (Zone Settings Read, Zone Read or DNS Read)';

const outgoing = (zoneId: string) => `/zones/${zoneId}/secondary_dns/outgoing`;
const calls = {
  status: (zoneId: string): ApiCall => ({ method: 'GET', path: `${outgoing(zoneId)}/status`, permission: READ }),
  enable: (zoneId: string): ApiCall => ({ method: 'POST', path: `${outgoing(zoneId)}/enable`, permission: WRITE }),
  disable: (zoneId: string): ApiCall => ({ method: 'POST', path: `${outgoing(zoneId)}/disable`, permission: WRITE }),
  forceNotify: (zoneId: string): ApiCall => ({ method: 'POST', path: `${outgoing(zoneId)}/force_notify`, permission: WRITE }),
};

/** The state Cloudflare reports, read from its status string ("Enabled", "Disabled", ...). */
export type TransferState = 'enabled' | 'disabled' | 'other';

export interface StatusReport {
  readonly state: TransferState;
  /** Cloudflare's own words. */
  readonly text: string;
}

export async function getStatus(client: CloudflareApiClient, zoneId: string): Promise<StatusReport> {
  const result = await client.call(calls.status(zoneId));
  const text = expectString(result, calls.status(zoneId));
  return { state: stateOf(text), text };
}

/** Enables transfers unless they already are, then confirms with the status. Idempotent. */
export async function enable(client: CloudflareApiClient, zoneId: string): Promise<string> {
  return switchTo('enabled', client, zoneId);
}

/** Disables transfers unless they already are, then confirms with the status. Idempotent. */
export async function disable(client: CloudflareApiClient, zoneId: string): Promise<string> {
  return switchTo('disabled', client, zoneId);
}

/** Asks Cloudflare to send NOTIFY to the zone's peers now. */
export async function forceNotify(client: CloudflareApiClient, zoneId: string): Promise<string> {
  const result = await client.call(calls.forceNotify(zoneId));
  return `zone ${zoneId}: NOTIFY sent to the linked peers (Cloudflare says: ${expectString(result, calls.forceNotify(zoneId))})`;
}

async function switchTo(target: 'enabled' | 'disabled', client: CloudflareApiClient, zoneId: string): Promise<string> {
  const before = await getStatus(client, zoneId);
  if (before.state === target) return `zone ${zoneId}: outgoing zone transfers already ${target} (Cloudflare says: ${before.text})`;
  const call = target === 'enabled' ? calls.enable(zoneId) : calls.disable(zoneId);
  expectString(await client.call(call), call);
  const after = await getStatus(client, zoneId);
  if (after.state !== target) {
    throw new CloudflareApiError(
      `zone ${zoneId}: ${call.method} ${call.path} succeeded, but the status is now "${after.text}", not ${target}.`,
      ApiFailure.MALFORMED,
    );
  }
  return `zone ${zoneId}: outgoing zone transfers ${target} (was: ${before.text})`;
}

function stateOf(text: string): TransferState {
  const word = text.trim().toLowerCase();
  if (word === 'enabled') return 'enabled';
  if (word === 'disabled') return 'disabled';
  return 'other';
}

function expectString(result: unknown, call: ApiCall): string {
  if (typeof result !== 'string') {
    throw new CloudflareApiError(`${call.method} ${call.path}: expected a string result, got ${result === null ? 'null' : typeof result}.`, ApiFailure.MALFORMED);
  }
  return result;
}
