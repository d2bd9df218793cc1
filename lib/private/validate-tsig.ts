import { Token } from 'cdktf';
import { TsigAlgorithm } from '../tsig-algorithm';
import { ITsigKey } from '../tsig-key';
import { ProblemList } from './problems';

const ALGORITHMS: readonly string[] = Object.values(TsigAlgorithm);

/**
 * A TSIG algorithm. JavaScript callers may pass a plain string: upper case and
 * a missing trailing dot are normalized ("HMAC-SHA512" becomes "hmac-sha512.").
 */
export function validateTsigAlgorithm(value: unknown, field: string, problems: ProblemList): TsigAlgorithm | undefined {
  if (value === undefined) return TsigAlgorithm.HMAC_SHA512;
  if (typeof value === 'string' && !Token.isUnresolved(value)) {
    const lower = value.trim().toLowerCase();
    const candidates = [lower, `${lower}.`, lower === 'hmac-md5' ? TsigAlgorithm.HMAC_MD5 : ''];
    const match = candidates.find((c) => ALGORITHMS.includes(c));
    if (match) return match as TsigAlgorithm;
  }
  problems.add(field, value, `must be one of the TsigAlgorithm values (${ALGORITHMS.join(', ')}).`, 'pass TsigAlgorithm.HMAC_SHA512, the algorithm Cloudflare documents.');
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A TSIG secret. Tokens are accepted as they are. A literal must be standard
 * base64, which BIND, Knot, NSD and PowerDNS all read.
 */
export function validateTsigSecret(value: unknown, field: string, problems: ProblemList): string | undefined {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string' || value.trim() === '' || !BASE64.test(value.trim())) {
    problems.add(field, '(secret not shown)', 'a TSIG secret must be a non-empty base64 string (secondary servers read base64).', 'leave the secret out to generate one, or pass a sensitive TerraformVariable.');
    return undefined;
  }
  return value.trim();
}

/** A TSIG key construct passed by reference (JavaScript callers may pass anything). */
export function validateTsigKeyRef(value: unknown, field: string, problems: ProblemList): ITsigKey | undefined {
  const key = value as Partial<ITsigKey> | null;
  if (key === null || typeof key !== 'object' || typeof key.tsigKeyId !== 'string' || typeof key.name !== 'string' || !key.node) {
    problems.add(field, value, 'must be a TSIG key construct (ITsigKey).', 'pass a `new TsigKey(...)` or `TsigKey.fromTsigKeyId(...)`.');
    return undefined;
  }
  return key as ITsigKey;
}
