import { Token } from 'cdktf';
import { CLOUDFLARE_ADDRESSES } from '../cloudflare';
import { compareStrings } from '../private/lists';
import { ProblemList } from '../private/problems';
import { validateObjectList, validatePort } from '../private/validate-basic';
import { TSIG_NAME_RULES, ZONE_NAME_RULES, toFqdn, validateDomainName, validateDomainNameList } from '../private/validate-dns-name';
import { validateAddressOrRange, validateIpAddress } from '../private/validate-ip';
import { validateTsigAlgorithm, validateTsigSecret } from '../private/validate-tsig';
import { TsigAlgorithm } from '../tsig-algorithm';

/** The TSIG key a secondary uses; the same name, algorithm and secret as on Cloudflare. */
export interface SecondaryConfigTsig {
  /** Key name, exactly as on Cloudflare (normalized to lower case with a trailing dot). */
  readonly name: string;
  /** Algorithm: a `TsigAlgorithm` value ("hmac-sha512."). */
  readonly algorithm: TsigAlgorithm;
  /** Secret, base64 (a token such as `TsigKey.secret` works too). */
  readonly secret: string;
}

/** A primary server the secondary transfers from. */
export interface SecondaryConfigPrimary {
  /** IPv4 or IPv6 address. */
  readonly address: string;
  /**
   * Port.
   * @default 53
   */
  readonly port?: number;
}

/** Input of every `renderXxxConfig` function. */
export interface SecondaryConfigInput {
  /** Zones the secondary transfers from Cloudflare; all share the one key. */
  readonly zones: string[];
  /** The TSIG key of the transfers. */
  readonly tsig: SecondaryConfigTsig;
  /**
   * Where the secondary transfers from. Override only for private setups and labs.
   * @default - Cloudflare's transfer address, `CLOUDFLARE_ADDRESSES.transferIp`, port 53
   */
  readonly primaries?: SecondaryConfigPrimary[];
  /**
   * Addresses or ranges the secondary accepts NOTIFY messages from. Override only for private setups and labs.
   * @default - Cloudflare's current sources, `CLOUDFLARE_ADDRESSES.notifySources`
   */
  readonly notifySources?: string[];
}

/** The input, validated and normalized, as the renderers use it. */
export interface NormalizedConfigInput {
  readonly zones: readonly string[];
  readonly keyName: string;
  /** The algorithm as DNS servers spell it ("hmac-sha512"). */
  readonly algorithm: string;
  readonly secret: string;
  readonly primaries: readonly { readonly address: string; readonly port: number }[];
  /** Addresses bare, ranges in CIDR notation. */
  readonly notifySources: readonly string[];
  /** Whether primaries and notify sources are Cloudflare's own. */
  readonly cloudflareDefaults: boolean;
}

/** Validates and normalizes the input of a renderer; throws one `InputError` listing every problem. */
export function normalizeConfigInput(input: SecondaryConfigInput, functionName: string): NormalizedConfigInput {
  const problems = new ProblemList();
  if (input === null || typeof input !== 'object') {
    problems.add('input', input, 'must be an object { zones, tsig, primaries?, notifySources? }.', 'pass the input object.');
    problems.throwIfAnyInFunction(functionName);
  }
  const zones = validateZones(input.zones, problems);
  const tsig = (input.tsig ?? {}) as Partial<SecondaryConfigTsig>;
  if (input.tsig === undefined || typeof input.tsig !== 'object') {
    problems.add('tsig', input.tsig, 'must be an object { name, algorithm, secret }.', 'pass the key Cloudflare uses, for example from a TsigKey construct.');
  }
  const keyName = validateDomainName(tsig.name, 'tsig.name', problems, TSIG_NAME_RULES);
  const algorithm = validateTsigAlgorithm(tsig.algorithm, 'tsig.algorithm', problems);
  const secret = validateTsigSecret(tsig.secret, 'tsig.secret', problems);
  const primaries = input.primaries === undefined
    ? [{ address: CLOUDFLARE_ADDRESSES.transferIp, port: CLOUDFLARE_ADDRESSES.transferPort }]
    : validatePrimaries(input.primaries, problems);
  const notifySources = input.notifySources === undefined
    ? [...CLOUDFLARE_ADDRESSES.notifySources]
    : validateNotifySources(input.notifySources, problems);
  problems.throwIfAnyInFunction(functionName);
  return {
    zones: zones!,
    keyName: toFqdn(keyName!),
    algorithm: serverAlgorithmName(algorithm!),
    secret: secret!,
    primaries: primaries!,
    notifySources: notifySources!,
    cloudflareDefaults: input.primaries === undefined && input.notifySources === undefined,
  };
}

/** DNS servers name algorithms without the trailing dot, and MD5 by its short name. */
function serverAlgorithmName(algorithm: TsigAlgorithm): string {
  return algorithm === TsigAlgorithm.HMAC_MD5 ? 'hmac-md5' : algorithm.replace(/\.$/, '');
}

function validateZones(value: unknown, problems: ProblemList): string[] | undefined {
  const zones = validateDomainNameList(value, 'zones', problems, ZONE_NAME_RULES, { noun: 'zone', plural: 'zone names', example: '["example.com"]', requireOne: true });
  return zones?.sort(compareStrings);
}

function validatePrimaries(value: unknown, problems: ProblemList) {
  const items = validateObjectList<{ address?: unknown; port?: unknown }>(value, 'primaries', problems, '{ address: "192.0.2.1", port: 53 }');
  if (items === undefined) return undefined;
  if (items.length === 0) {
    problems.add('primaries', value, 'a secondary needs at least one primary.', "leave `primaries` out to use Cloudflare's transfer address.");
    return undefined;
  }
  const primaries = items.map((item, i) => ({
    address: literal(validateIpAddress(item.address, `primaries[${i}].address`, problems), `primaries[${i}].address`, problems),
    port: item.port === undefined ? 53 : validatePort(item.port, `primaries[${i}].port`, problems),
  }));
  if (primaries.some((p) => p.address === undefined || p.port === undefined || Token.isUnresolved(p.port))) return undefined;
  return primaries as { address: string; port: number }[];
}

function validateNotifySources(value: unknown, problems: ProblemList): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('notifySources', value, 'must be a non-empty array of addresses or ranges.', "leave `notifySources` out to use Cloudflare's current NOTIFY sources.");
    return undefined;
  }
  const sources = value.map((v, i) => literal(validateAddressOrRange(v, `notifySources[${i}]`, problems), `notifySources[${i}]`, problems));
  if (sources.some((s) => s === undefined)) return undefined;
  return sources.map((s) => s!.replace(/\/(32|128)$/, ''));
}

/** Rejects tokens where the rendered text needs the value itself. */
function literal(value: string | undefined, field: string, problems: ProblemList): string | undefined {
  if (value !== undefined && Token.isUnresolved(value)) {
    problems.add(field, value, 'must be known at synth time to be written into the configuration.', 'pass a literal address.');
    return undefined;
  }
  return value;
}

/** The comment lines that open every rendered configuration. */
export function headerLines(config: NormalizedConfigInput, server: string): string[] {
  const lines = [
    `${server} secondary configuration, generated by cdktf-cloudflare-zone-transfers.`,
    `Zones transferred from the primary: ${config.zones.join(', ')}.`,
  ];
  if (config.cloudflareDefaults) {
    lines.push(`Cloudflare addresses as of ${CLOUDFLARE_ADDRESSES.asOf}: ${CLOUDFLARE_ADDRESSES.source}`);
  } else {
    lines.push('Primaries or NOTIFY sources are overridden: this is not Cloudflare\'s production setup.');
  }
  return lines;
}
