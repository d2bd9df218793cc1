/**
 * TSIG algorithms, spelled the way Cloudflare's API stores them (RFC 8945
 * names with a trailing dot).
 *
 * Only `HMAC_SHA512` appears in Cloudflare's documentation; the others are
 * standard names that Cloudflare is expected, but not documented, to accept.
 */
export enum TsigAlgorithm {
  /** HMAC-SHA512: the algorithm Cloudflare documents, and the default. */
  HMAC_SHA512 = 'hmac-sha512.',
  /** HMAC-SHA384 (not documented by Cloudflare). */
  HMAC_SHA384 = 'hmac-sha384.',
  /** HMAC-SHA256 (not documented by Cloudflare). */
  HMAC_SHA256 = 'hmac-sha256.',
  /** HMAC-SHA224 (not documented by Cloudflare). */
  HMAC_SHA224 = 'hmac-sha224.',
  /** HMAC-SHA1: deprecated by RFC 8945 for new keys (not documented by Cloudflare). */
  HMAC_SHA1 = 'hmac-sha1.',
  /** HMAC-MD5: deprecated by RFC 8945 for new keys (not documented by Cloudflare). */
  HMAC_MD5 = 'hmac-md5.sig-alg.reg.int.',
}

/** Length in bytes of each algorithm's hash output: the key length RFC 8945 recommends. */
export const TSIG_KEY_BYTES: Readonly<Record<TsigAlgorithm, number>> = {
  [TsigAlgorithm.HMAC_SHA512]: 64,
  [TsigAlgorithm.HMAC_SHA384]: 48,
  [TsigAlgorithm.HMAC_SHA256]: 32,
  [TsigAlgorithm.HMAC_SHA224]: 28,
  [TsigAlgorithm.HMAC_SHA1]: 20,
  [TsigAlgorithm.HMAC_MD5]: 16,
};
