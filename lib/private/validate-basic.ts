import { Token } from 'cdktf';
import { ProblemList } from './problems';

/**
 * Pure, token-aware validators for plain values. Each one records what is
 * wrong in `problems` and returns the normalized value, or `undefined` when
 * the value is unusable. Unresolved tokens are returned unchanged: their
 * value is known only at apply time.
 */

const CLOUDFLARE_ID = /^[0-9a-f]{32}$/i;

/** A Cloudflare account or zone id: 32 hexadecimal characters, returned in lower case. */
export function validateCloudflareId(value: unknown, field: string, problems: ProblemList, kind: 'account' | 'zone'): string | undefined {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  const where = kind === 'account'
    ? 'the dashboard (Account home, then the account menu: "Copy account ID")'
    : "the zone's Overview page in the dashboard (API section: \"Zone ID\")";
  if (typeof value !== 'string') {
    problems.add(field, value, `a Cloudflare ${kind} id must be a string of 32 hexadecimal characters.`, `pass the id from ${where}, or a token such as a TerraformVariable.`);
    return undefined;
  }
  const trimmed = value.trim();
  if (!CLOUDFLARE_ID.test(trimmed)) {
    problems.add(field, value, `a Cloudflare ${kind} id is 32 hexadecimal characters (0-9, a-f).`, `copy the id from ${where}; a name or an email address is not an id.`);
    return undefined;
  }
  return trimmed.toLowerCase();
}

/**
 * A free-form name chosen by the user (a peer or an ACL). It also becomes part
 * of a Terraform address, so it must be a literal string.
 */
export function validateObjectName(value: unknown, field: string, problems: ProblemList): string | undefined {
  if (typeof value !== 'string') {
    problems.add(field, value, 'a name must be a string.', 'pass a short literal name such as "ns1-secondary".');
    return undefined;
  }
  if (Token.isUnresolved(value)) {
    problems.add(field, value, 'a name must be known at synth time because it becomes part of a Terraform address.', 'pass a literal string, not a token.');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    problems.add(field, value, 'a name must not be empty.', 'pass a short name such as "ns1-secondary".');
    return undefined;
  }
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    problems.add(field, value, 'a name must not contain control characters (newlines, tabs).', 'remove the control characters.');
    return undefined;
  }
  if (trimmed.length > 255) {
    problems.add(field, value, 'a name must be at most 255 characters.', 'shorten the name.');
    return undefined;
  }
  return trimmed;
}

/** A TCP/UDP port: an integer from 1 to 65535. */
export function validatePort(value: unknown, field: string, problems: ProblemList): number | undefined {
  if (typeof value === 'number' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    problems.add(field, value, 'a port is an integer from 1 to 65535.', 'pass the port the secondary listens on for DNS, usually 53 (as a number, not a string).');
    return undefined;
  }
  return value;
}

/** An optional boolean flag: `undefined` is allowed, anything but true/false is not. */
export function validateOptionalBoolean(value: unknown, field: string, problems: ProblemList): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  problems.add(field, value, 'must be true or false.', 'pass a boolean, or leave it out for the default.');
  return undefined;
}

/**
 * A list prop: returns the items when `value` is an array whose items are all
 * objects, and records one problem per bad item otherwise.
 */
export function validateObjectList<T>(value: unknown, field: string, problems: ProblemList, example: string): readonly T[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(field, value, 'must be an array.', `pass an array such as [${example}].`);
    return undefined;
  }
  let ok = true;
  value.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.add(`${field}[${index}]`, item, 'each item must be an object.', `pass an object such as ${example}; remove holes and undefined entries.`);
      ok = false;
    }
  });
  return ok ? (value as T[]) : undefined;
}

/** A DNS record TTL Cloudflare accepts: 1 ("automatic") or 30 to 86400 seconds. */
export function validateTtl(value: unknown, field: string, problems: ProblemList, min: number, max: number): number | undefined {
  if (typeof value === 'number' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || (value !== 1 && (value < min || value > max))) {
    problems.add(field, value, `a TTL is 1 (automatic) or an integer from ${min} to ${max} seconds (${min} needs an Enterprise zone; other plans start at 60).`, 'pass a whole number of seconds, for example 86400 for NS records.');
    return undefined;
  }
  return value;
}
