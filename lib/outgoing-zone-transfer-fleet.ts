import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { Annotations, Fn, MapTerraformIterator, TerraformIterator, TerraformLocal, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { PreflightChecks } from './checks/preflight-checks';
import { CLOUDFLARE_LIMITS } from './cloudflare';
import { DEFAULT_NAMESERVER_TTL } from './outgoing-zone-transfer';
import { nameOutput, outputName, pathBelowStack } from './private/config-output';
import { FLEET_ZONES, FleetZone } from './private/fleet-zones';
import { addApexNsRecords } from './private/library-records';
import { compareStrings, findDuplicates } from './private/lists';
import { ProblemList, requirePropsObject } from './private/problems';
import { TerraformData } from './private/terraform-data';
import { CLI_NAME, addTransferEnabler } from './private/transfer-enabler';
import { validateCloudflareId, validateObjectList, validateOptionalBoolean, validateTtl } from './private/validate-basic';
import { ZONE_NAME_RULES, isInZone, toFqdn, validateDomainName } from './private/validate-dns-name';
import { validateSecondaryList, validateZoneLinks } from './private/validate-zone-links';
import { zonesDeclaredIn } from './private/zone-registry';
import { ISecondaryDns, SecondaryDns } from './secondary-dns';

export type { FleetZone } from './private/fleet-zones';

/** One zone of a fleet; the optional members override the fleet's defaults for this zone. */
export interface FleetZoneOptions {
  /** Cloudflare zone id (32 hexadecimal characters, or a token). */
  readonly zoneId: string;
  /** Zone name; it keys every resource of the zone (`...["example.com"]`). */
  readonly zoneName: string;
  /**
   * Keep this zone's secondary hidden (no apex NS records, multi-provider DNS left alone).
   * @default - the fleet's `hiddenSecondary`
   */
  readonly hiddenSecondary?: boolean;
  /**
   * Enable this zone's transfers at apply.
   * @default - the fleet's `enableTransfers`
   */
  readonly enableTransfers?: boolean;
  /**
   * TTL of this zone's apex NS records.
   * @default - the fleet's `nameserverTtl`
   */
  readonly nameserverTtl?: number;
}

/** Props of {@link OutgoingZoneTransferFleet}. */
export interface OutgoingZoneTransferFleetProps {
  /** Secondaries every zone of the fleet transfers to. */
  readonly secondaries: ISecondaryDns[];
  /** The zones; order does not matter, names must be unique. */
  readonly zones: FleetZoneOptions[];
  /**
   * Default for every zone: hidden secondary.
   * @default false
   */
  readonly hiddenSecondary?: boolean;
  /**
   * Default for every zone: enable transfers at apply (see `OutgoingZoneTransfer.enableTransfers`).
   * @default true
   */
  readonly enableTransfers?: boolean;
  /**
   * Default for every zone: TTL of the apex NS records, in seconds.
   * @default 86400
   */
  readonly nameserverTtl?: number;
}

/**
 * Outgoing zone transfers for many zones at once: the same Cloudflare objects
 * as one `OutgoingZoneTransfer` per zone, but each kind is one Terraform
 * resource (apex NS records: one per nameserver) with `for_each` over the
 * local `fleet_zones_<fleet>` (zone name => zone id), so the zone list is
 * written once, the synthesized JSON grows with it, not with resource blocks,
 * and thousands of zones synthesize in about a second. Every zone is validated as `OutgoingZoneTransfer` would, and
 * can override the fleet's defaults. Addresses look like
 * `cloudflare_dns_zone_transfers_outgoing.<fleet>["example.com"]`: adding,
 * removing or reordering zones never moves another zone.
 */
export class OutgoingZoneTransferFleet extends Construct {
  /** The zones, validated and normalized, sorted by name. */
  public readonly zones: FleetZone[];
  public readonly secondaries: ISecondaryDns[];
  /** `cloudflare_dns_zone_transfers_outgoing`, one instance per zone. */
  public readonly outgoing: DnsZoneTransfersOutgoing;
  /** `cloudflare_zone` data source, one instance per zone. */
  public readonly zoneData: DataCloudflareZone;
  /** Multi-provider DNS, one instance per zone that publishes NS records. */
  public readonly dnsSettings?: ZoneDnsSettings;
  /** Apex NS records: one resource per secondary nameserver, with one instance per published zone. */
  public readonly nameserverRecords: DnsRecord[];
  /** The transfer enabler, one instance per zone with `enableTransfers`. */
  public readonly enabler?: TerraformData;
  /** Output: for every zone, the nameservers to set at the registrar. */
  public readonly registrarNameservers: TerraformOutput;

  constructor(scope: Construct, id: string, props: OutgoingZoneTransferFleetProps) {
    super(scope, id);
    requirePropsObject(this, 'OutgoingZoneTransferFleet', props);
    const problems = new ProblemList();
    const secondaries = validateSecondaryList(props.secondaries, problems);
    if (secondaries) validateZoneLinks(secondaries, problems);
    const zones = validateFleetZones(props, problems, zonesDeclaredIn(TerraformStack.of(this)));
    problems.throwIfAny(this, 'OutgoingZoneTransferFleet');

    this.zones = zones!;
    this.secondaries = secondaries!;
    const declared = zonesDeclaredIn(TerraformStack.of(this));
    for (const zone of this.zones) declared.set(zone.zoneName, this.node.path);
    for (const secondary of this.secondaries) {
      if (secondary instanceof SecondaryDns) this.zones.forEach((zone) => secondary.registerZone(zone.zoneName));
    }
    PreflightChecks.applyTo(TerraformStack.of(this));

    const linkedPeers = this.secondaries.flatMap((s) => s.peers).sort((a, b) => compareStrings(a.node.path, b.node.path));
    // Zone name => zone id, written once as a local that every per-zone resource iterates over: cdktf resolves
    // each for_each map three times at synth, so one shared map keeps thousands of zones fast.
    const all = this.zoneMapLocal('fleet_zones', this.zones);
    const each = all.each;
    // A subset of the zones (hidden or not enabled zones left out) gets a local of its own.
    const subsetOf = (subset: readonly FleetZone[], kind: string) => (subset.length === this.zones.length ? all : this.zoneMapLocal(`fleet_${kind}_zones`, subset));

    this.outgoing = new DnsZoneTransfersOutgoing(this, 'Outgoing', {
      forEach: each,
      zoneId: each.value as string,
      name: toFqdn(each.key as string),
      peers: linkedPeers.map((peer) => peer.peerId),
    });
    this.zoneData = new DataCloudflareZone(this, 'Zone', { forEach: each, zoneId: each.value as string });

    const enabled = this.zones.filter((z) => z.enableTransfers);
    if (enabled.length > 0) {
      this.enabler = addTransferEnabler(this, this.outgoing, linkedPeers, this.secondaries, subsetOf(enabled, 'enabled').each);
    }
    if (enabled.length < this.zones.length) {
      Annotations.of(this).addInfo(
        `Outgoing transfers of ${this.zones.length - enabled.length} zone(s) are not enabled by Terraform (enableTransfers: false): ` +
          `enable them in the dashboard or with: npx ${CLI_NAME} enable --zone-id <zone id>`,
      );
    }

    const hosts = this.secondaries.flatMap((s) => s.nameservers);
    this.annotateNameservers(hosts);
    const published = hosts.length === 0 ? [] : this.zones.filter((z) => !z.hiddenSecondary);
    const publishedZones = published.length > 0 ? subsetOf(published, 'published') : undefined;
    this.nameserverRecords = [];
    if (publishedZones) {
      const eachPublished = publishedZones.each;
      this.dnsSettings = new ZoneDnsSettings(this, 'DnsSettings', { forEach: eachPublished, zoneId: eachPublished.value as string, multiProvider: true });
      const ttl = this.nameserverTtl(published, props.nameserverTtl ?? DEFAULT_NAMESERVER_TTL, eachPublished);
      // One resource per nameserver, keyed by zone name like the others: `...ApexNs_<host>_<hash>["example.com"]`.
      this.nameserverRecords = addApexNsRecords(this, this.dnsSettings, hosts, {
        forEach: eachPublished,
        zoneId: eachPublished.value as string,
        zoneName: eachPublished.key as string,
        ttl,
      });
    }
    FLEET_ZONES.set(this.outgoing, { zones: this.zones, published: new Set(published.map((z) => z.zoneName)) });

    this.registrarNameservers = new TerraformOutput(this, 'RegistrarNameservers', {
      description: 'For every zone: the nameservers to set at the registrar (Cloudflare\'s, and the secondary\'s where published).',
      value: TerraformIterator.fromDataSources(this.zoneData).forExpressionForMap('key', registrarExpression(hosts, publishedZones, all)),
    });
    nameOutput(this.registrarNameservers, outputName('registrar_nameservers', pathBelowStack(this)));
  }

  /** A local `name` (made unique below the stack) of zone name => zone id, and an iterator over it. */
  private zoneMapLocal(name: string, zones: readonly FleetZone[]): ZoneMapLocal {
    const local = new TerraformLocal(this, name, mapOf(zones, (z) => [z.zoneName, z.zoneId]));
    const uniqueName = outputName(name, pathBelowStack(this));
    local.overrideLogicalId(uniqueName);
    return { name: uniqueName, each: TerraformIterator.fromMap(local.asStringMap) };
  }

  /**
   * The apex NS records' TTL: the fleet's, as a number, when no published zone
   * overrides it; otherwise a lookup in a local of the overrides only.
   */
  private nameserverTtl(published: readonly FleetZone[], fleetTtl: number, each: MapTerraformIterator): number {
    const overrides = published.filter((z) => z.nameserverTtl !== fleetTtl);
    if (overrides.length === 0) return fleetTtl;
    const ttls = new TerraformLocal(this, 'NameserverTtls', mapOf(overrides, (z) => [z.zoneName, z.nameserverTtl]));
    ttls.overrideLogicalId(outputName('fleet_nameserver_ttls', pathBelowStack(this)));
    return Token.asNumber(Fn.lookup(ttls.asNumberMap, each.key as string, fleetTtl));
  }

  private annotateNameservers(hosts: readonly string[]): void {
    const visible = this.zones.filter((z) => !z.hiddenSecondary);
    if (hosts.length === 0 && visible.length > 0) {
      Annotations.of(this).addWarning(
        `No secondary nameservers are declared, so ${visible.length} zone(s) that are not hidden are not delegated to the secondary. ` +
          'Declare `nameservers` on the secondary, or set `hiddenSecondary: true`.',
      );
    }
    const glue = visible.flatMap((z) => hosts.filter((h) => isInZone(h, z.zoneName)).map((h) => `${h} (in ${z.zoneName})`));
    if (glue.length > 0) {
      Annotations.of(this).addWarning(`Nameservers inside their own zone need glue at the registrar and A/AAAA records in the zone: ${glue.join(', ')}.`);
    }
  }
}

interface ZoneMapLocal {
  readonly name: string;
  readonly each: MapTerraformIterator;
}

/**
 * The registrar output's expression for one zone (`key`, `val` its data
 * source): Cloudflare's nameservers, then the secondary's where the zone
 * publishes them.
 */
function registrarExpression(hosts: readonly string[], published: ZoneMapLocal | undefined, all: ZoneMapLocal): string {
  if (published === undefined) return 'val.name_servers';
  const secondary = JSON.stringify(hosts);
  if (published === all) return `concat(val.name_servers, ${secondary})`;
  return `concat(val.name_servers, contains(keys(local.${published.name}), key) ? ${secondary} : [])`;
}

/** A map literal keyed and sorted by `entry`'s key, for `for_each`. */
function mapOf<T, V>(items: readonly T[], entry: (item: T) => [string, V]): { [key: string]: V } {
  return Object.fromEntries(items.map(entry).sort(([a], [b]) => compareStrings(a, b)));
}

/** Validates every zone as OutgoingZoneTransfer would, fields named `zones[i].x`; returns them sorted by name. */
function validateFleetZones(props: OutgoingZoneTransferFleetProps, problems: ProblemList, declared: Map<string, string>): FleetZone[] | undefined {
  const hidden = validateOptionalBoolean(props.hiddenSecondary, 'hiddenSecondary', problems) ?? false;
  const enable = validateOptionalBoolean(props.enableTransfers, 'enableTransfers', problems) ?? true;
  const ttl = props.nameserverTtl === undefined ? DEFAULT_NAMESERVER_TTL : validateTtl(props.nameserverTtl, 'nameserverTtl', problems, CLOUDFLARE_LIMITS.minRecordTtl, CLOUDFLARE_LIMITS.maxRecordTtl);
  const items = validateObjectList<FleetZoneOptions>(props.zones, 'zones', problems, '{ zoneId: "...", zoneName: "example.com" }');
  if (items === undefined) return undefined;
  if (items.length === 0) {
    problems.add('zones', props.zones, 'a fleet needs at least one zone.', 'list the zones, or leave the fleet out.');
    return undefined;
  }
  const zones = items.map((z, i) => ({
    index: i,
    zoneId: validateCloudflareId(z.zoneId, `zones[${i}].zoneId`, problems, 'zone'),
    zoneName: validateDomainName(z.zoneName, `zones[${i}].zoneName`, problems, ZONE_NAME_RULES),
    hiddenSecondary: validateOptionalBoolean(z.hiddenSecondary, `zones[${i}].hiddenSecondary`, problems) ?? hidden,
    enableTransfers: validateOptionalBoolean(z.enableTransfers, `zones[${i}].enableTransfers`, problems) ?? enable,
    nameserverTtl: z.nameserverTtl === undefined ? ttl : validateTtl(z.nameserverTtl, `zones[${i}].nameserverTtl`, problems, CLOUDFLARE_LIMITS.minRecordTtl, CLOUDFLARE_LIMITS.maxRecordTtl),
  }));
  for (const group of findDuplicates(zones, (z) => z.zoneName)) {
    problems.add(`zones[${group.map((z) => z.index).join('], zones[')}].zoneName`, group[0].zoneName, 'each zone may be listed once.', 'remove the duplicate.');
  }
  for (const zone of zones) {
    const earlier = zone.zoneName === undefined ? undefined : declared.get(zone.zoneName);
    if (earlier !== undefined) {
      problems.add(`zones[${zone.index}].zoneName`, zone.zoneName, `the zone is already declared in this stack at '${earlier}'.`, 'declare each zone once.');
    }
  }
  if (zones.some((z) => z.zoneId === undefined || z.zoneName === undefined || z.nameserverTtl === undefined)) return undefined;
  return zones
    .map(({ zoneId, zoneName, hiddenSecondary, enableTransfers, nameserverTtl }) => ({ zoneId: zoneId!, zoneName: zoneName!, hiddenSecondary, enableTransfers, nameserverTtl: nameserverTtl! }))
    .sort((a, b) => compareStrings(a.zoneName, b.zoneName));
}
