import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DnsZoneTransfersOutgoing } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-outgoing';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { Annotations, Fn, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CLOUDFLARE_LIMITS } from './cloudflare';
import { PreflightChecks } from './checks/preflight-checks';
import { addApexNsRecords } from './private/library-records';
import { CLI_NAME, addTransferEnabler } from './private/transfer-enabler';
import { compareStrings } from './private/lists';
import { zonesDeclaredIn } from './private/zone-registry';
import { ProblemList, requirePropsObject } from './private/problems';
import { suspendTokenStackTraces } from './private/token-stack-traces';
import { validateCloudflareId, validateOptionalBoolean, validateTtl } from './private/validate-basic';
import { ZONE_NAME_RULES, isInZone, toFqdn, validateDomainName } from './private/validate-dns-name';
import { addConfigOutput, nameOutput, outputName } from './private/config-output';
import { SecondarySpec, validateSecondaryInput } from './private/validate-secondary';
import { requireKnownSecret, validateServerList } from './private/validate-servers';
import { validateSecondaryList, validateZoneLinks } from './private/validate-zone-links';
import { SecondaryServer } from './secondary-config/secondary-server';
import { ISecondaryDns, PeerOptions, SecondaryDns, TransferAclOptions, TsigOptions } from './secondary-dns';
import { ITransferPeer } from './transfer-peer';
import { ITsigKey } from './tsig-key';

/** Default TTL of the apex NS records that delegate to the secondary. */
export const DEFAULT_NAMESERVER_TTL = 86400;

/** Props of {@link OutgoingZoneTransfer}. */
export interface OutgoingZoneTransferProps {
  /** Cloudflare zone id (32 hexadecimal characters, or a token). */
  readonly zoneId: string;
  /** Zone name, such as "example.com" (normalized: lower case, punycode, trailing dot where Cloudflare stores one). */
  readonly zoneName: string;
  /**
   * Secondaries this zone transfers to, created once per account with
   * `SecondaryDns` and shared by many zones. Give either `secondaries` or the
   * inline props (`accountId`, `tsig`/`tsigKey`, `peers`, `transferAcls`, `nameservers`), not both.
   * @default - the inline props describe the one secondary
   */
  readonly secondaries?: ISecondaryDns[];
  /**
   * Inline form: account id of the secondary to create.
   * @default - required when `secondaries` is not given
   */
  readonly accountId?: string;
  /**
   * Inline form: options to create the secondary's TSIG key.
   * @default - no key is created
   */
  readonly tsig?: TsigOptions;
  /**
   * Inline form: an existing TSIG key for the secondary's peers.
   * @default - no key is shared
   */
  readonly tsigKey?: ITsigKey;
  /**
   * Inline form: the secondary's servers, where Cloudflare sends NOTIFY messages.
   * @default - required when `secondaries` is not given
   */
  readonly peers?: PeerOptions[];
  /**
   * Inline form: source ranges allowed to transfer.
   * @default - one ACL per distinct peer address
   */
  readonly transferAcls?: TransferAclOptions[];
  /**
   * Inline form: host names the secondary answers on.
   * @default - none
   */
  readonly nameservers?: string[];
  /**
   * A hidden secondary keeps a copy of the zone (for disaster recovery) but is
   * not publicly delegated: no apex NS records, multi-provider DNS left alone.
   * @default false
   */
  readonly hiddenSecondary?: boolean;
  /**
   * TTL of the apex NS records of the secondary's nameservers, in seconds.
   * @default 86400
   */
  readonly nameserverTtl?: number;
  /**
   * DNS server software to render a ready configuration for, covering this
   * zone: one sensitive output per server, `secondary_config_<server>_<zone>`.
   * Needs a TSIG key whose secret is known.
   * @default - no configuration output
   */
  readonly configOutputs?: SecondaryServer[];
  /**
   * Enable outgoing transfers at apply (step 6, which no Terraform resource
   * performs): a `terraform_data` runs this package's CLI, `enable` when it is
   * created and `disable` when it is destroyed, and is replaced (disable, then
   * enable) when the linked peers change. The machine running Terraform needs
   * Node.js, this package in the project's node_modules and CLOUDFLARE_API_TOKEN.
   * With `false`, enable transfers in the dashboard or with the CLI by hand.
   * @default true
   */
  readonly enableTransfers?: boolean;
  /**
   * Accept proxied records in this zone. Cloudflare's guide requires unproxied
   * records, so by default a proxied record in the zone stops synth (check
   * CFZT001); with `true` it is a warning, and the secondary serves
   * Cloudflare's proxy addresses for those names.
   * @default false
   */
  readonly allowProxiedRecords?: boolean;
}

/**
 * Outgoing zone transfers for one Cloudflare zone (Cloudflare as primary,
 * another provider as secondary): links the secondaries' peers to the zone
 * (step 3 of Cloudflare's guide), publishes the secondaries' nameservers at
 * the apex with multi-provider DNS on (step 7), and outputs the nameserver
 * set for the registrar (step 8).
 *
 * In an app created with `stackTraces: false`, the construct does not record
 * cdktf's per-token stack traces for the tokens it creates (most of the cost
 * of a synth); tokens created by your own code keep theirs.
 */
export class OutgoingZoneTransfer extends Construct {
  /** The zone id. */
  public readonly zoneId: string;
  /** The zone name, lower case, without the trailing dot. */
  public readonly zoneName: string;
  /** Whether the secondaries are hidden (not delegated). */
  public readonly hiddenSecondary: boolean;
  /** Whether proxied records in the zone are accepted (read by pre-flight check CFZT001). */
  public readonly allowProxiedRecords: boolean;
  /** Every secondary linked to the zone. */
  public readonly secondaries: ISecondaryDns[];
  /** The secondary created from the inline props, when they were used. */
  public readonly secondary?: SecondaryDns;
  /** Every peer linked to the zone, sorted by construct path (so the order of inputs changes nothing). */
  public readonly linkedPeers: ITransferPeer[];
  /** `cloudflare_dns_zone_transfers_outgoing`: the link of peers to the zone. */
  public readonly outgoing: DnsZoneTransfersOutgoing;
  /** `cloudflare_zone` data source, read for Cloudflare's assigned nameservers. */
  public readonly zone: DataCloudflareZone;
  /** Apex NS records, one per secondary nameserver (none for a hidden secondary). */
  public readonly nameserverRecords: DnsRecord[];
  /** `cloudflare_zone_dns_settings` with multi-provider DNS on, when NS records are published. */
  public readonly dnsSettings?: ZoneDnsSettings;
  /** Output: every nameserver the registrar must list (Cloudflare's and the secondaries'). */
  public readonly registrarNameservers: TerraformOutput;
  /** The sensitive outputs of rendered configurations, by server. */
  public readonly configOutputs: { [server: string]: TerraformOutput } = {};
  /** The `terraform_data` that enables transfers at apply, unless `enableTransfers` is false. */
  public readonly enabler?: TerraformResource;

  constructor(scope: Construct, id: string, props: OutgoingZoneTransferProps) {
    super(scope, id);
    requirePropsObject(this, 'OutgoingZoneTransfer', props);
    // Most of a synth's time is cdktf recording a stack trace per token; skip it when the app asks for no traces.
    const resumeTokenStackTraces = suspendTokenStackTraces(this);
    try {
      const problems = new ProblemList();
      const zoneId = validateCloudflareId(props.zoneId, 'zoneId', problems, 'zone');
      const zoneName = validateDomainName(props.zoneName, 'zoneName', problems, ZONE_NAME_RULES);
      const hidden = validateOptionalBoolean(props.hiddenSecondary, 'hiddenSecondary', problems) ?? false;
      const enableTransfers = validateOptionalBoolean(props.enableTransfers, 'enableTransfers', problems) ?? true;
      const allowProxiedRecords = validateOptionalBoolean(props.allowProxiedRecords, 'allowProxiedRecords', problems) ?? false;
      const ttl = props.nameserverTtl === undefined
        ? DEFAULT_NAMESERVER_TTL
        : validateTtl(props.nameserverTtl, 'nameserverTtl', problems, CLOUDFLARE_LIMITS.minRecordTtl, CLOUDFLARE_LIMITS.maxRecordTtl);
      const inline = validateForm(props, problems);
      const shared = props.secondaries === undefined ? undefined : validateSecondaryList(props.secondaries, problems);
      if (shared) validateZoneLinks(shared, problems);
      const servers = validateServerList(props.configOutputs, 'configOutputs', problems);
      if (servers && servers.length > 0 && (inline || shared)) {
        requireKnownSecret(inline ? inline.tsigKey : shared![0].tsigKey, inline?.tsig !== undefined, problems);
      }
      const declaredZones = zonesDeclaredIn(TerraformStack.of(this));
      if (zoneName !== undefined && declaredZones.has(zoneName)) {
        problems.add('zoneName', zoneName, `the zone is already declared in this stack at '${declaredZones.get(zoneName)}'; two declarations would overwrite each other's peer links.`, 'declare each zone once, listing all its secondaries there.');
      }
      problems.throwIfAny(this, 'OutgoingZoneTransfer');
      declaredZones.set(zoneName!, this.node.path);

      this.zoneId = zoneId!;
      this.zoneName = zoneName!;
      this.hiddenSecondary = hidden;
      this.allowProxiedRecords = allowProxiedRecords;
      PreflightChecks.applyTo(TerraformStack.of(this));
      if (inline) {
        // Only the inline props: the zone's own props (configOutputs, ...) belong to the zone.
        const { accountId, tsig, tsigKey, peers, transferAcls, nameservers } = props;
        this.secondary = new SecondaryDns(this, 'Secondary', { accountId: accountId!, tsig, tsigKey, peers: peers!, transferAcls, nameservers });
      }
      this.secondaries = shared ?? [this.secondary!];
      for (const secondary of this.secondaries) {
        if (secondary instanceof SecondaryDns) secondary.registerZone(this.zoneName);
      }
      this.linkedPeers = this.secondaries
        .flatMap((s) => s.peers)
        .sort((a, b) => compareStrings(a.node.path, b.node.path));

      this.outgoing = new DnsZoneTransfersOutgoing(this, 'Outgoing', {
        zoneId: this.zoneId,
        name: toFqdn(this.zoneName), // Cloudflare returns the name with the dot; without it every plan drifts
        peers: this.linkedPeers.map((peer) => peer.peerId),
      });
      this.zone = new DataCloudflareZone(this, 'Zone', { zoneId: this.zoneId });
      if (enableTransfers) {
        this.enabler = addTransferEnabler(this, this.outgoing, this.linkedPeers, this.secondaries);
      } else {
        Annotations.of(this).addInfo(
          `Outgoing transfers of ${this.zoneName} are not enabled by Terraform (enableTransfers: false): enable them in the dashboard ` +
            `(DNS > Settings), or run: npx ${CLI_NAME} enable --zone-id <zone id>`,
        );
      }
      const published = this.publishNameservers(ttl!);
      this.nameserverRecords = published.records;
      this.dnsSettings = published.settings;
      this.registrarNameservers = new TerraformOutput(this, 'RegistrarNameservers', {
        description: `Nameservers of ${this.zoneName} to set at the registrar: Cloudflare's${published.hosts.length > 0 ? " and the secondary's" : ''}.`,
        value: published.hosts.length > 0 ? Fn.concat([this.zone.nameServers, published.hosts]) : this.zone.nameServers,
      });
      nameOutput(this.registrarNameservers, outputName('registrar_nameservers', this.zoneName));
      for (const server of servers!) this.addConfigOutput(server);
    } finally {
      resumeTokenStackTraces();
    }
  }

  /**
   * Step 7: one apex NS record per secondary nameserver, with multi-provider
   * DNS on (Cloudflare ignores apex NS records without it). Nothing for a
   * hidden secondary.
   */
  private publishNameservers(ttl: number): { hosts: string[]; records: DnsRecord[]; settings?: ZoneDnsSettings } {
    const nameservers = this.secondaries.flatMap((s) => s.nameservers);
    this.annotateNameservers(nameservers);
    const hosts = this.hiddenSecondary ? [] : nameservers;
    if (hosts.length === 0) return { hosts, records: [] };
    const settings = new ZoneDnsSettings(this, 'DnsSettings', { zoneId: this.zoneId, multiProvider: true });
    const records = addApexNsRecords(this, settings, hosts, { zoneId: this.zoneId, zoneName: this.zoneName, ttl });
    return { hosts, records, settings };
  }

  /** Step 5 for this zone: the secondary's configuration, rendered with the key all its secondaries share. */
  private addConfigOutput(server: SecondaryServer): void {
    const key = this.secondaries[0].tsigKey!; // shared by every secondary of the zone, with a known secret (validated)
    this.configOutputs[server] = addConfigOutput(this, server, outputName('secondary_config', server, this.zoneName), () => ({
      zones: [this.zoneName],
      tsig: { name: key.name, algorithm: key.algorithm, secret: key.secret! },
    }));
  }

  private annotateNameservers(nameservers: readonly string[]): void {
    if (this.hiddenSecondary) {
      if (nameservers.length > 0) {
        Annotations.of(this).addInfo(
          `Hidden secondary: nameservers ${nameservers.join(', ')} are not published as NS records of ${this.zoneName}, and multi-provider DNS is left unchanged.`,
        );
      }
      return;
    }
    if (nameservers.length === 0) {
      Annotations.of(this).addWarning(
        `No secondary nameservers are declared, so ${this.zoneName} is not delegated to the secondary (steps 7 and 8 are skipped). ` +
          'Declare `nameservers` on the secondary, or set `hiddenSecondary: true` if the copy is meant to stay unpublished.',
      );
    }
    for (const host of nameservers.filter((h) => isInZone(h, this.zoneName))) {
      Annotations.of(this).addWarning(
        `Nameserver ${host} is inside ${this.zoneName}, so resolvers need glue: register ${host} with its addresses at the registrar ` +
          'and keep A/AAAA records for it in the zone.',
      );
    }
  }
}

const INLINE_PROPS = ['accountId', 'tsig', 'tsigKey', 'peers', 'transferAcls', 'nameservers'] as const;

/**
 * Checks that exactly one of the two forms is used, and validates the inline
 * props when they are. Returns the inline secondary's spec when that form is used and valid.
 */
function validateForm(props: OutgoingZoneTransferProps, problems: ProblemList): SecondarySpec | undefined {
  const given = INLINE_PROPS.filter((key) => props[key] !== undefined);
  if (props.secondaries !== undefined) {
    if (given.length > 0) {
      problems.add(given.join(', '), 'both forms', 'give either `secondaries` (shared SecondaryDns constructs) or the inline props, not both.', `move ${given.join(', ')} into a SecondaryDns and list it in \`secondaries\`, or drop \`secondaries\`.`);
    }
    return undefined;
  }
  if (given.length === 0) {
    problems.add('secondaries', undefined, 'a zone needs a secondary to transfer to.', 'pass `secondaries: [mySecondaryDns]`, or the inline props `accountId` and `peers` (with `tsig` and `nameservers` as needed).');
    return undefined;
  }
  return validateSecondaryInput(props, problems);
}
