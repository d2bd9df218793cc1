/**
 * A small client for Cloudflare's API (`/client/v4`), built on Node's own
 * `fetch`: retries rate limits (honouring Retry-After), server errors and
 * network failures with capped exponential backoff and jitter, all within one
 * overall deadline; fails at once, with Cloudflare's error codes, on anything
 * retrying cannot fix. The API token is sent in a header and nowhere else.
 */

/** Why a call failed; each kind maps to one exit code of the CLI. */
export enum ApiFailure {
  /** Cloudflare refused the request (4xx, or `success: false`): retrying will not help. */
  REFUSED = 'refused',
  /** No usable answer before the deadline (timeouts, 5xx, 429, network errors). */
  GAVE_UP = 'gave-up',
  /** The answer was not the JSON envelope Cloudflare documents. */
  MALFORMED = 'malformed',
}

export class CloudflareApiError extends Error {
  constructor(
    message: string,
    public readonly failure: ApiFailure,
    public readonly status?: number,
    public readonly codes: readonly number[] = [],
  ) {
    super(message);
    this.name = 'CloudflareApiError';
  }
}

export interface ApiClientOptions {
  /** The API token (sent as `Authorization: Bearer`). */
  readonly token: string;
  /** Base URL of the API, such as https://api.cloudflare.com/client/v4. */
  readonly baseUrl: string;
  /** Overall time budget of one call, retries included, in milliseconds. */
  readonly deadlineMs: number;
  /** First backoff step in milliseconds (doubles each retry). */
  readonly backoffBaseMs?: number;
  /** Largest backoff step in milliseconds. */
  readonly backoffCapMs?: number;
  /** Told about each retry, for a progress line. */
  readonly onRetry?: (what: string, waitMs: number) => void;
}

/** One call: what it does, for messages, and which permission it needs, for 401/403. */
export interface ApiCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly permission: string;
}

interface Envelope {
  success: boolean;
  errors?: { code?: number; message?: string }[];
  result?: unknown;
}

const DEFAULT_BACKOFF_BASE_MS = 250;
const DEFAULT_BACKOFF_CAP_MS = 8000;

export class CloudflareApiClient {
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Performs `call` and returns Cloudflare's `result`, or throws a {@link CloudflareApiError}. */
  public async call(call: ApiCall): Promise<unknown> {
    const deadline = Date.now() + this.options.deadlineMs;
    const what = `${call.method} ${call.path}`;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw this.gaveUp(what, attempt, 'no usable answer');
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${call.path}`, {
          method: call.method,
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
          body: call.method === 'POST' ? '{}' : undefined,
          signal: AbortSignal.timeout(remaining),
        });
      } catch (e) {
        if (isTimeout(e)) throw this.gaveUp(what, attempt + 1, 'no answer');
        await this.wait(what, attempt, deadline, `network error (${describeNetworkError(e)})`);
        continue;
      }
      const body = await readBody(response, deadline).catch((e) => {
        if (isTimeout(e)) throw this.gaveUp(what, attempt + 1, 'the answer did not finish');
        return undefined; // a body cut off mid-way: treated as malformed below
      });

      if (response.status === 429 || response.status >= 500) {
        const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
        await this.wait(what, attempt, deadline, `HTTP ${response.status}`, retryAfter);
        continue;
      }
      const envelope = parseEnvelope(body);
      if (response.status >= 400) throw refused(what, response.status, envelope, call.permission);
      if (envelope === undefined) {
        throw new CloudflareApiError(`${what}: HTTP ${response.status} with a body that is not Cloudflare's JSON envelope ({ success, errors, result }).`, ApiFailure.MALFORMED, response.status);
      }
      if (!envelope.success) throw refused(what, response.status, envelope, call.permission);
      return envelope.result;
    }
  }

  /** Sleeps before the next attempt, or gives up when the wait would pass the deadline. */
  private async wait(what: string, attempt: number, deadline: number, reason: string, retryAfterMs?: number): Promise<void> {
    const base = this.options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
    const cap = this.options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS;
    const step = Math.min(cap, base * 2 ** attempt);
    const waitMs = retryAfterMs ?? step / 2 + Math.random() * (step / 2); // "equal jitter"
    if (Date.now() + waitMs >= deadline) {
      throw this.gaveUp(what, attempt + 1, `${reason}${retryAfterMs === undefined ? '' : `, and Retry-After (${Math.ceil(retryAfterMs / 1000)} s) is past the deadline`}`);
    }
    this.options.onRetry?.(`${what}: ${reason}`, waitMs);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  private gaveUp(what: string, attempts: number, reason: string): CloudflareApiError {
    const seconds = Math.round(this.options.deadlineMs / 1000);
    return new CloudflareApiError(`${what}: gave up after ${attempts} attempt(s) within the ${seconds} s deadline; last: ${reason}. Try again later, or raise --timeout.`, ApiFailure.GAVE_UP);
  }
}

/** Reads the body, but not past the deadline. */
async function readBody(response: Response, deadline: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('body timeout'), { name: 'TimeoutError' })), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([response.text(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isTimeout(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? 'unknown';
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function parseEnvelope(body: string | undefined): Envelope | undefined {
  if (body === undefined) return undefined;
  try {
    const parsed = JSON.parse(body) as Envelope;
    if (parsed === null || typeof parsed !== 'object' || typeof parsed.success !== 'boolean') return undefined;
    if (parsed.errors !== undefined && !Array.isArray(parsed.errors)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

function refused(what: string, status: number, envelope: Envelope | undefined, permission: string): CloudflareApiError {
  const errors = envelope?.errors ?? [];
  const codes = errors.map((e) => e.code).filter((c): c is number => typeof c === 'number');
  const detail = errors.length > 0
    ? errors.map((e) => `[${e.code ?? '?'}] ${e.message ?? '(no message)'}`).join('; ')
    : 'no error details';
  const hint = status === 401 || status === 403
    ? ` The API token needs ${permission}.`
    : status === 404 ? ' Check the zone id, and that the token can see the zone.' : '';
  return new CloudflareApiError(`${what}: HTTP ${status}: ${detail}.${hint}`, ApiFailure.REFUSED, status, codes);
}
