import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { ZoneDnssec } from '@cdktf/provider-cloudflare/lib/zone-dnssec';
import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { FLEET_ZONES } from '../private/fleet-zones';
import { groupBy } from '../private/lists';

/**
 * The Cloudflare resources of one stack, whoever declared them (this
 * library's constructs or raw provider classes), with their configured
 * values resolved. A value still holding a Terraform expression is
 * `undefined` here: checks skip what is known only at apply time.
 */
export interface StackModel {
  readonly stack: TerraformStack;
  readonly zones: TransferZone[];
  readonly records: RecordInfo[];
  readonly dnssec: { construct: ZoneDnssec; zoneKey: string; status?: string; multiSigner?: boolean }[];
  /** Multi-provider settings by zone; a fleet's entries point at the fleet's outgoing resource. */
  readonly dnsSettings: { construct: IConstruct; zoneKey: string; multiProvider?: boolean }[];
  readonly peers: PeerInfo[];
  readonly acls: { construct: DnsZoneTransfersAcl; ipRange?: string }[];
  /** The records of each zone, by zone key: rules look up a zone's records without scanning all of them. */
  readonly recordsByZone: Map<string, RecordInfo[]>;
}

/** A zone with outgoing transfers (a `cloudflare_dns_zone_transfers_outgoing`). */
export interface TransferZone {
  readonly outgoing: DnsZoneTransfersOutgoing;
  /** The zone id as written in the JSON ("${var.zone_id}" or the id itself): records match on it. */
  readonly zoneKey: string;
  /** Lower case, no trailing dot; `undefined` when not known at synth. */
  readonly zoneName?: string;
  /** The `id` expressions of the linked peers. */
  readonly peerRefs: string[];
}

export interface RecordInfo {
  readonly construct: DnsRecord;
  readonly zoneKey: string;
  /** Lower case, trailing dot removed, "@" kept as is. */
  readonly name?: string;
  readonly type?: string;
  readonly proxied?: boolean;
}

export interface PeerInfo {
  readonly construct: DnsZoneTransfersPeer;
  /** The expression other resources use to refer to this peer's id. */
  readonly ref: string;
  readonly accountId?: string;
  readonly ip?: string;
  readonly port?: number;
  /** "" when the peer has no key. */
  readonly tsigId?: string;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

export function buildStackModel(stack: TerraformStack): StackModel {
  const all = stack.node.findAll();
  // Resolving is the costly part: literal values (most of them) are used as they are, and a token
  // string (the same peer ids and zone ids appear in every zone) is resolved once.
  const resolvedStrings = new Map<string, unknown>();
  const resolveToken = (value: unknown) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
  const resolve = (value: unknown): unknown => {
    if (value === undefined || value === null) return value;
    if (Array.isArray(value)) return value.map(resolve);
    if (!Token.isUnresolved(value)) return value;
    if (typeof value !== 'string') return resolveToken(value);
    if (!resolvedStrings.has(value)) resolvedStrings.set(value, resolveToken(value));
    return resolvedStrings.get(value);
  };
  const known = <T>(value: unknown): T | undefined => {
    const resolved = resolve(value);
    return typeof resolved === 'string' && resolved.includes('${') ? undefined : (resolved as T | undefined);
  };
  const key = (value: unknown) => String(resolve(value));
  const of = <T extends TerraformResource>(type: string) => all.filter((c): c is T => isResource(c, type));

  const outgoings = of<DnsZoneTransfersOutgoing>('cloudflare_dns_zone_transfers_outgoing');
  const records = of<DnsRecord>('cloudflare_dns_record').map((construct) => ({
    construct,
    zoneKey: key(construct.zoneIdInput),
    name: normalizeName(known<string>(construct.nameInput)),
    type: known<string>(construct.typeInput)?.toUpperCase(),
    proxied: known<boolean>(construct.proxiedInput),
  }));
  const recordsByZone = groupBy(records, (record) => record.zoneKey);

  return {
    stack,
    records,
    recordsByZone,
    zones: outgoings.flatMap((outgoing) => {
      const peerRefs = ((resolve(outgoing.peersInput) as string[] | undefined) ?? []).map(String);
      const fleet = FLEET_ZONES.get(outgoing);
      if (fleet) return fleet.zones.map((z) => ({ outgoing, zoneKey: key(z.zoneId), zoneName: z.zoneName, peerRefs }));
      return [{ outgoing, zoneKey: key(outgoing.zoneIdInput), zoneName: normalizeName(known<string>(outgoing.nameInput)), peerRefs }];
    }),
    dnssec: of<ZoneDnssec>('cloudflare_zone_dnssec').map((construct) => ({
      construct,
      zoneKey: key(construct.zoneIdInput),
      status: known<string>(construct.statusInput),
      multiSigner: known<boolean>(construct.dnssecMultiSignerInput),
    })),
    dnsSettings: [
      ...of<ZoneDnsSettings>('cloudflare_zone_dns_settings').map((construct) => ({
        construct: construct as IConstruct,
        zoneKey: key(construct.zoneIdInput),
        multiProvider: known<boolean>(construct.multiProviderInput),
      })),
      ...outgoings.flatMap((outgoing) => {
        const fleet = FLEET_ZONES.get(outgoing);
        return (fleet?.zones ?? []).filter((z) => fleet!.published.has(z.zoneName)).map((z) => ({ construct: outgoing as IConstruct, zoneKey: key(z.zoneId), multiProvider: true }));
      }),
    ],
    peers: of<DnsZoneTransfersPeer>('cloudflare_dns_zone_transfers_peer').map((construct) => ({
      construct,
      ref: String(resolve(construct.id)),
      accountId: known<string>(construct.accountIdInput) ?? String(resolve(construct.accountIdInput)),
      ip: known<string>(construct.ipInput),
      port: known<number>(construct.portInput),
      tsigId: construct.tsigIdInput === undefined ? '' : String(resolve(construct.tsigIdInput)),
    })),
    acls: of<DnsZoneTransfersAcl>('cloudflare_dns_zone_transfers_acl').map((construct) => ({
      construct,
      ipRange: known<string>(construct.ipRangeInput),
    })),
  };
}

function isResource(c: IConstruct, type: string): boolean {
  return (c as TerraformResource).terraformResourceType === type && typeof (c as TerraformResource).toTerraform === 'function';
}

function normalizeName(name: string | undefined): string | undefined {
  if (name === undefined || Token.isUnresolved(name)) return undefined;
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') && lower !== '.' ? lower.slice(0, -1) : lower;
}

/** Whether a record name means the apex of `zoneName`. */
export function isApex(name: string | undefined, zoneName: string | undefined): boolean {
  return name !== undefined && zoneName !== undefined && (name === '@' || name === zoneName);
}
