import { domainToASCII } from 'node:url';
import { Token } from 'cdktf';
import { findDuplicates } from './lists';
import { ProblemList } from './problems';

/** What a domain name is used for, which decides the rules it must follow. */
export interface DomainNameRules {
  /** How the name is called in messages ("zone name", "nameserver"). */
  readonly what: string;
  /** Fewest labels allowed: 2 for a zone or a host name, 1 for a TSIG key name. */
  readonly minLabels: number;
  /** Whether labels may hold underscores (TSIG key names may; host names may not). */
  readonly allowUnderscore: boolean;
  /** An example of a good value, for the fix. */
  readonly example: string;
}

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/**
 * Validates a domain name and returns it normalized: trimmed, lower case,
 * internationalized labels in punycode, without the trailing dot (add it with
 * {@link toFqdn} where Cloudflare stores one).
 */
export function validateDomainName(value: unknown, field: string, problems: ProblemList, rules: DomainNameRules): string | undefined {
  const fail = (rule: string, fix: string): undefined => {
    problems.add(field, value, rule, fix);
    return undefined;
  };
  if (typeof value !== 'string') {
    return fail(`a ${rules.what} must be a string.`, `pass a name such as "${rules.example}".`);
  }
  if (Token.isUnresolved(value)) {
    return fail(`a ${rules.what} must be known at synth time: it is validated and becomes part of Terraform addresses.`, 'pass a literal string, not a token.');
  }
  let name = value.trim().toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '') {
    return fail(`a ${rules.what} must not be empty.`, `pass a name such as "${rules.example}".`);
  }
  if (/\s/.test(name)) {
    return fail(`a ${rules.what} must not contain whitespace.`, 'remove the spaces; separate labels with dots.');
  }
  if (/[^\x00-\x7f]/.test(name)) {
    const ascii = domainToASCII(name);
    if (ascii === '') {
      return fail(`a ${rules.what} with non-ASCII characters must be a valid internationalized domain name.`, 'check the spelling, or pass the punycode (xn--) form.');
    }
    name = ascii;
  }
  if (name.length > MAX_NAME_LENGTH) {
    return fail(`a ${rules.what} is at most ${MAX_NAME_LENGTH} characters (${name.length} here).`, 'use a shorter name.');
  }
  const labels = name.split('.');
  const labelChars = rules.allowUnderscore ? /^[a-z0-9_-]+$/ : /^[a-z0-9-]+$/;
  for (const label of labels) {
    if (label === '') {
      return fail(`a ${rules.what} must not have empty labels (two dots in a row, or a leading dot).`, 'remove the extra dot.');
    }
    if (label.length > MAX_LABEL_LENGTH) {
      return fail(`each label of a ${rules.what} is at most ${MAX_LABEL_LENGTH} characters ("${label.slice(0, 20)}..." has ${label.length}).`, 'shorten that label.');
    }
    if (!labelChars.test(label)) {
      const allowed = rules.allowUnderscore ? 'letters, digits, hyphens and underscores' : 'letters, digits and hyphens';
      return fail(`a ${rules.what} may only contain ${allowed} in its labels ("${label}").`, `remove the other characters; for example "${rules.example}".`);
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return fail(`a label of a ${rules.what} must not start or end with a hyphen ("${label}").`, 'move or remove the hyphen.');
    }
  }
  if (labels.length < rules.minLabels) {
    return fail(`a ${rules.what} needs at least ${rules.minLabels} labels.`, `pass the full name, such as "${rules.example}".`);
  }
  if (rules.minLabels > 1 && /^[0-9]+$/.test(labels[labels.length - 1])) {
    return fail(`a ${rules.what} must be a name, and this looks like an IP address.`, `pass the host name, such as "${rules.example}".`);
  }
  return name;
}

/** How a list of domain names is described in messages. */
export interface DomainNameListRules {
  /** One item, for "each zone may be listed once". */
  readonly noun: string;
  /** The items, for "must be an array of zone names". */
  readonly plural: string;
  readonly example: string;
  /** Whether the list must hold at least one name. */
  readonly requireOne: boolean;
}

/** A list of domain names: each validated and normalized, none twice. */
export function validateDomainNameList(value: unknown, field: string, problems: ProblemList, rules: DomainNameRules, list: DomainNameListRules): string[] | undefined {
  if (!Array.isArray(value) || (list.requireOne && value.length === 0)) {
    problems.add(field, value, `must be ${list.requireOne ? 'a non-empty' : 'an'} array of ${list.plural}.`, `pass for example ${list.example}.`);
    return undefined;
  }
  const names = value.map((v, i) => ({ name: validateDomainName(v, `${field}[${i}]`, problems, rules), index: i }));
  for (const group of findDuplicates(names, (n) => n.name)) {
    problems.add(`${field}[${group.map((n) => n.index).join(`], ${field}[`)}]`, group[0].name, `each ${list.noun} may be listed once.`, 'remove the duplicate.');
  }
  if (names.some((n) => n.name === undefined)) return undefined;
  return names.map((n) => n.name!);
}

/** Appends the trailing dot Cloudflare's zone-transfer API stores on names. */
export function toFqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Whether `host` is `zone` itself or a name inside it (and so needs glue records). */
export function isInZone(host: string, zone: string): boolean {
  return host === zone || host.endsWith(`.${zone}`);
}

export const ZONE_NAME_RULES: DomainNameRules = { what: 'zone name', minLabels: 2, allowUnderscore: false, example: 'example.com' };
export const HOST_NAME_RULES: DomainNameRules = { what: 'nameserver host name', minLabels: 2, allowUnderscore: false, example: 'ns1.secondary-dns.net' };
export const TSIG_NAME_RULES: DomainNameRules = { what: 'TSIG key name', minLabels: 1, allowUnderscore: true, example: 'cloudflare-transfer' };
