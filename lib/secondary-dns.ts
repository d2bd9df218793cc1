import { Annotations, TerraformOutput, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { addConfigOutput, ensureCloudflareAddressesOutput, outputName, pathBelowStack } from './private/config-output';
import { childIdFromName, compareStrings } from './private/lists';
import { ProblemList, requirePropsObject } from './private/problems';
import { validateSecondaryInput } from './private/validate-secondary';
import { requireKnownSecret, validateServerList } from './private/validate-servers';
import { SecondaryServer } from './secondary-config/secondary-server';
import { TransferAcl, ITransferAcl } from './transfer-acl';
import { TransferPeer, ITransferPeer } from './transfer-peer';
import { TsigAlgorithm } from './tsig-algorithm';
import { ITsigKey, TsigKey } from './tsig-key';

/** Options to create the TSIG key of a secondary. */
export interface TsigOptions {
  /** Key name; the secondary must use exactly this name (normalized to lower case with a trailing dot). */
  readonly name: string;
  /**
   * TSIG algorithm.
   * @default TsigAlgorithm.HMAC_SHA512
   */
  readonly algorithm?: TsigAlgorithm;
  /**
   * Secret, base64; see {@link TsigKeyProps.secret}.
   * @default - generated with `random_bytes` at apply time
   */
  readonly secret?: string;
}

/** One server of the secondary provider, where Cloudflare sends NOTIFY messages. */
export interface PeerOptions {
  /** Name of the peer, unique within the secondary; it names the Terraform resource. */
  readonly name: string;
  /**
   * IPv4 or IPv6 address of the server.
   * @default - none: no NOTIFY is sent, the secondary must poll
   */
  readonly ip?: string;
  /**
   * Port of the server.
   * @default 53
   */
  readonly port?: number;
}

/** A source range allowed to request zone transfers. */
export interface TransferAclOptions {
  /** Name of the ACL, unique within the secondary; it names the Terraform resource. */
  readonly name: string;
  /** Range in CIDR notation, at most /24 (IPv4) or /64 (IPv6) wide; a bare address becomes /32 or /128. */
  readonly ipRange: string;
}

/** A secondary DNS provider set up in a Cloudflare account, shared by the zones that transfer to it. */
export interface ISecondaryDns extends IConstruct {
  /** Cloudflare account the peers, key and ACLs belong to. */
  readonly accountId: string;
  /** The TSIG key every peer of this secondary uses, if any. */
  readonly tsigKey?: ITsigKey;
  /** The peers (NOTIFY targets), sorted by name. */
  readonly peers: ITransferPeer[];
  /** The ACLs that allow this secondary to transfer zones, sorted by name. */
  readonly transferAcls: ITransferAcl[];
  /** Host names the secondary answers on (lower case, no trailing dot, sorted). */
  readonly nameservers: string[];
}

/** Props of {@link SecondaryDns}. */
export interface SecondaryDnsProps {
  /** Cloudflare account id (32 hexadecimal characters, or a token). */
  readonly accountId: string;
  /**
   * Options to create a TSIG key for this secondary. Give `tsig` or `tsigKey`, not both.
   * @default - no key is created
   */
  readonly tsig?: TsigOptions;
  /**
   * An existing TSIG key (for example one shared with another secondary that
   * serves the same zones). Give `tsig` or `tsigKey`, not both.
   * @default - no key is shared
   */
  readonly tsigKey?: ITsigKey;
  /** The secondary's servers that Cloudflare notifies; at least one. */
  readonly peers: PeerOptions[];
  /**
   * Source ranges allowed to transfer zones. Replaces the default when given;
   * pass `[]` when the account's ACLs are managed elsewhere.
   * @default - one ACL per distinct peer address, as /32 or /128
   */
  readonly transferAcls?: TransferAclOptions[];
  /**
   * Host names the secondary answers on, published as NS records at the apex
   * of every zone that is not a hidden secondary.
   * @default - none: zones are not delegated to this secondary
   */
  readonly nameservers?: string[];
  /**
   * DNS server software to render a ready configuration for: one sensitive
   * output per server, `secondary_config_<server>_<construct path>`, covering every
   * zone that links this secondary. Needs a TSIG key whose secret is known.
   * @default - no configuration output
   */
  readonly configOutputs?: SecondaryServer[];
}

/**
 * One secondary DNS provider at account level: its TSIG key, its peers and
 * the ACLs that let it transfer (steps 1, 2 and 4 of Cloudflare's guide).
 * Create it once per account and pass it to every `OutgoingZoneTransfer`
 * that transfers to this provider.
 */
export class SecondaryDns extends Construct implements ISecondaryDns {
  public readonly accountId: string;
  public readonly tsigKey?: ITsigKey;
  public readonly peers: TransferPeer[];
  public readonly transferAcls: TransferAcl[];
  public readonly nameservers: string[];
  /** The sensitive outputs of rendered configurations, by server. */
  public readonly configOutputs: { [server: string]: TerraformOutput } = {};
  private readonly zones = new Set<string>();

  constructor(scope: Construct, id: string, props: SecondaryDnsProps) {
    super(scope, id);
    requirePropsObject(this, 'SecondaryDns', props);
    const problems = new ProblemList();
    const spec = validateSecondaryInput(props, problems);
    const servers = validateServerList(props.configOutputs, 'configOutputs', problems);
    if (spec && servers && servers.length > 0) requireKnownSecret(spec.tsigKey, spec.tsig !== undefined, problems);
    problems.throwIfAny(this, 'SecondaryDns');
    const { accountId } = spec!;

    this.accountId = accountId;
    this.nameservers = [...spec!.nameservers].sort(compareStrings);
    this.tsigKey = spec!.tsigKey
      ?? (spec!.tsig && new TsigKey(this, 'TsigKey', { accountId, ...spec!.tsig }));
    if (this.tsigKey === undefined) {
      Annotations.of(this).addWarning(
        'Transfers to this secondary are not signed with TSIG. Cloudflare highly recommends a TSIG key: set `tsig: { name: ... }`.',
      );
    }

    const peersScope = new Construct(this, 'Peers');
    this.peers = [...spec!.peers]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((peer) => new TransferPeer(peersScope, childIdFromName(peer.name), { accountId, tsigKey: this.tsigKey, ...peer }));

    const aclsScope = new Construct(this, 'Acls');
    this.transferAcls = [...spec!.acls]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((acl) => new TransferAcl(aclsScope, childIdFromName(acl.name), { accountId, ...acl }));
    this.warnAboutMissingAcls(spec!.aclsFromPeers);

    ensureCloudflareAddressesOutput(this);
    for (const server of servers!) {
      const name = outputName('secondary_config', server, pathBelowStack(this));
      this.configOutputs[server] = addConfigOutput(this, server, name, () => this.configInput());
    }
    if (servers!.length > 0) {
      this.node.addValidation({
        validate: () => (this.zones.size > 0 ? [] : [
          'configOutputs: no OutgoingZoneTransfer links this SecondaryDns, so its configuration would list no zone. ' +
            'List it in the `secondaries` of a zone, or remove `configOutputs`.',
        ]),
      });
    }
  }

  /** The zones that link this secondary, sorted (their transfers go to its peers). */
  public get zoneNames(): string[] {
    return [...this.zones].sort(compareStrings);
  }

  /**
   * Records that `zoneName` transfers to this secondary, so that its rendered
   * configurations list the zone. `OutgoingZoneTransfer` and `OutgoingZoneTransferFleet` call it.
   */
  public registerZone(zoneName: string): void {
    this.zones.add(zoneName);
  }

  private configInput() {
    if (this.zones.size === 0 || !this.tsigKey?.secret) return undefined;
    const { name, algorithm, secret } = this.tsigKey;
    return { zones: this.zoneNames, tsig: { name, algorithm, secret } };
  }

  private warnAboutMissingAcls(aclsFromPeers: boolean): void {
    if (!aclsFromPeers) return;
    const unknown = this.peers.filter((p) => p.ip !== undefined && Token.isUnresolved(p.ip)).map((p) => p.name);
    if (unknown.length > 0) {
      Annotations.of(this).addWarning(
        `No ACL was created for peers ${unknown.join(', ')}: their addresses are known only at apply time. ` +
          'Declare `transferAcls` with their ranges.',
      );
    }
    if (this.transferAcls.length === 0 && unknown.length === 0) {
      Annotations.of(this).addWarning(
        'No peer has an IP address, so no transfer ACL was created, and Cloudflare may refuse the secondary\'s transfer requests. ' +
          'Declare `transferAcls` with the ranges the secondary transfers from.',
      );
    }
  }
}

