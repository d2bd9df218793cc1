import { Token } from 'cdktf';
import * as ipaddr from 'ipaddr.js';
import { CLOUDFLARE_LIMITS } from '../cloudflare';
import { ProblemList } from './problems';

/** A parsed address: its canonical text and its family. */
interface ParsedAddress {
  readonly text: string;
  readonly family: 4 | 6;
}

/**
 * Parses one IP address written the usual way: dotted decimal IPv4 without
 * leading zeros, or IPv6 (returned in RFC 5952 form, so Cloudflare reads back
 * what we wrote). Returns a rule and a fix when the text is not usable.
 */
function parseAddress(text: string): ParsedAddress | { rule: string; fix: string } {
  if (text.includes('%')) {
    return { rule: 'an IPv6 zone index (%eth0) has no meaning to Cloudflare.', fix: 'pass a global address without the % suffix.' };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return { text: ipaddr.IPv4.parse(text).toString(), family: 4 };
  }
  if (ipaddr.IPv6.isValid(text)) {
    const v6 = ipaddr.IPv6.parse(text);
    if (v6.isIPv4MappedAddress()) {
      return {
        rule: 'an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an IPv4 address in disguise.',
        fix: `write the IPv4 address "${v6.toIPv4Address().toString()}" instead.`,
      };
    }
    return { text: v6.toString(), family: 6 };
  }
  if (/^[0-9]{1,3}(\.[0-9]{1,3}){3}$/.test(text) && /(^|\.)0[0-9]/.test(text)) {
    return { rule: 'an IPv4 address is four decimal numbers from 0 to 255 without leading zeros (leading zeros are read as octal by some tools).', fix: 'remove the leading zeros.' };
  }
  return { rule: 'must be an IPv4 or IPv6 address.', fix: 'pass an address such as "192.0.2.53" or "2001:db8::53".' };
}

/** A single IP address (a peer's), normalized. Tokens are returned unchanged. */
export function validateIpAddress(value: unknown, field: string, problems: ProblemList): string | undefined {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string') {
    problems.add(field, value, 'an IP address must be a string.', 'pass an address such as "192.0.2.53" or "2001:db8::53".');
    return undefined;
  }
  const text = value.trim();
  if (text.includes('/')) {
    problems.add(field, value, 'a peer is one address, not a range.', `pass the address alone ("${text.split('/')[0]}"); ranges belong in transferAcls.`);
    return undefined;
  }
  const parsed = parseAddress(text);
  if (!('text' in parsed)) {
    problems.add(field, value, parsed.rule, parsed.fix);
    return undefined;
  }
  if (parsed.text === '0.0.0.0' || parsed.text === '::') {
    problems.add(field, value, 'the unspecified address cannot receive NOTIFY messages.', "pass the secondary server's public address.");
    return undefined;
  }
  return parsed.text;
}

/** The single-address range (/32 or /128) of a normalized address. */
export function hostRange(address: string): string {
  return address.includes(':') ? `${address}/128` : `${address}/32`;
}

/**
 * An ACL range in CIDR notation, normalized. A bare address becomes /32 or
 * /128; a range with host bits set, or wider than Cloudflare allows (/24 for
 * IPv4, /64 for IPv6), is a problem whose fix names the corrected range.
 */
export function validateAclRange(value: unknown, field: string, problems: ProblemList): string | undefined {
  return validateRange(value, field, problems, true);
}

/**
 * An address or a range of any width (a NOTIFY source, for example),
 * normalized like {@link validateAclRange}.
 */
export function validateAddressOrRange(value: unknown, field: string, problems: ProblemList): string | undefined {
  return validateRange(value, field, problems, false);
}

function validateRange(value: unknown, field: string, problems: ProblemList, cloudflareAclWidth: boolean): string | undefined {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string') {
    problems.add(field, value, 'an IP range must be a string in CIDR notation.', 'pass a range such as "192.0.2.0/24" or "2001:db8::/64".');
    return undefined;
  }
  const text = value.trim();
  const [addressText, prefixText, extra] = text.split('/');
  const parsed = parseAddress(addressText);
  if (!('text' in parsed)) {
    problems.add(field, value, parsed.rule, parsed.fix);
    return undefined;
  }
  if (prefixText === undefined) return hostRange(parsed.text);
  const maxPrefix = parsed.family === 4 ? 32 : 128;
  const prefix = /^[0-9]{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
    problems.add(field, value, `the prefix length of an IPv${parsed.family} range is a number from 0 to ${maxPrefix}.`, 'write the range as address/prefix, such as "192.0.2.0/24".');
    return undefined;
  }
  const minPrefix = parsed.family === 4 ? CLOUDFLARE_LIMITS.minAclPrefixIpv4 : CLOUDFLARE_LIMITS.minAclPrefixIpv6;
  if (cloudflareAclWidth && prefix < minPrefix) {
    problems.add(field, value, `Cloudflare rejects ACL ranges wider than /${minPrefix} for IPv${parsed.family}.`, `list the secondary's transfer addresses as /${minPrefix} ranges or narrower (one ACL each).`);
    return undefined;
  }
  const network = (parsed.family === 4 ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(`${parsed.text}/${prefix}`).toString();
  if (network !== parsed.text) {
    problems.add(field, value, 'a range must not have host bits set (the address must be the first of the range).', `write "${network}/${prefix}".`);
    return undefined;
  }
  return `${network}/${prefix}`;
}
