import { DnsZoneTransfersPeer } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-peer';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemList, requirePropsObject } from './private/problems';
import { validateCloudflareId, validateObjectName, validatePort } from './private/validate-basic';
import { validateIpAddress } from './private/validate-ip';
import { validateTsigKeyRef } from './private/validate-tsig';
import { ITsigKey } from './tsig-key';

/** The default port of a peer: DNS. */
export const DEFAULT_PEER_PORT = 53;

/** A peer DNS server in a Cloudflare account, created here or imported. */
export interface ITransferPeer extends IConstruct {
  /** Cloudflare's id of the peer (a token until apply). */
  readonly peerId: string;
  /** Name of the peer. */
  readonly name: string;
  /** Address Cloudflare sends NOTIFY messages to; `undefined` when the peer has none (or it is unknown). */
  readonly ip?: string;
  /** Port Cloudflare sends NOTIFY messages to. */
  readonly port: number;
  /** The TSIG key of the peer, if it has one (and it is known). */
  readonly tsigKey?: ITsigKey;
}

/** Props of {@link TransferPeer}. */
export interface TransferPeerProps {
  /** Cloudflare account id (32 hexadecimal characters, or a token). */
  readonly accountId: string;
  /** Name of the peer, shown in the dashboard; unique within its secondary. */
  readonly name: string;
  /**
   * IPv4 or IPv6 address of the secondary server, where Cloudflare sends NOTIFY
   * messages (step 2 of the guide).
   * @default - none: Cloudflare sends no NOTIFY, so the secondary must poll (a warning says so)
   */
  readonly ip?: string;
  /**
   * Port of the secondary server.
   * @default 53
   */
  readonly port?: number;
  /**
   * TSIG key that signs transfers to this peer.
   * @default - none: transfers are not signed
   */
  readonly tsigKey?: ITsigKey;
}

/** What {@link TransferPeer.fromPeerId} needs to know of a peer managed elsewhere. */
export interface TransferPeerAttributes {
  /** Cloudflare's id of the peer. */
  readonly peerId: string;
  /** Name of the peer. */
  readonly name: string;
  /**
   * Address of the peer, used only for checks and rendered configuration.
   * @default - unknown
   */
  readonly ip?: string;
  /**
   * Port of the peer.
   * @default 53
   */
  readonly port?: number;
  /**
   * TSIG key of the peer, used to check that all peers of a zone share one key.
   * @default - none
   */
  readonly tsigKey?: ITsigKey;
}

/**
 * A secondary DNS server that Cloudflare notifies of zone changes (step 2 of
 * Cloudflare's guide): `cloudflare_dns_zone_transfers_peer`.
 *
 * Every optional field is written explicitly (`ip`, `port`, `ixfr_enable`,
 * `tsig_id`), because the provider reads unset fields back as empty values and
 * would otherwise plan a change on every run.
 */
export class TransferPeer extends Construct implements ITransferPeer {
  /** Refers to a peer that already exists in Cloudflare. */
  public static fromPeerId(scope: Construct, id: string, attrs: TransferPeerAttributes): ITransferPeer {
    return new ImportedTransferPeer(scope, id, attrs);
  }

  public readonly peerId: string;
  public readonly name: string;
  public readonly ip?: string;
  public readonly port: number;
  public readonly tsigKey?: ITsigKey;
  /** The L1 resource, for escape hatches. */
  public readonly resource: DnsZoneTransfersPeer;

  constructor(scope: Construct, id: string, props: TransferPeerProps) {
    super(scope, id);
    requirePropsObject(this, 'TransferPeer', props);
    const problems = new ProblemList();
    const accountId = validateCloudflareId(props.accountId, 'accountId', problems, 'account');
    const fields = validatePeerFields(props, problems);
    problems.throwIfAny(this, 'TransferPeer');

    this.name = fields.name!;
    this.ip = fields.ip;
    this.port = fields.port!;
    this.tsigKey = props.tsigKey;
    if (this.ip === undefined) {
      Annotations.of(this).addWarning(
        `Peer "${this.name}" has no IP address, so Cloudflare sends it no NOTIFY: the secondary learns of changes only by polling (SOA refresh). ` +
          'Give the peer the address of the secondary server to get prompt updates.',
      );
    }
    this.resource = new DnsZoneTransfersPeer(this, 'Resource', {
      accountId: accountId!,
      name: this.name,
      ip: this.ip ?? '',
      port: this.port,
      ixfrEnable: false, // IXFR applies only to Cloudflare as secondary
      tsigId: this.tsigKey?.tsigKeyId ?? '',
    });
    this.peerId = this.resource.id;
  }
}

/** Validates the fields a created and an imported peer share. */
function validatePeerFields(props: { name: unknown; ip?: unknown; port?: unknown; tsigKey?: unknown }, problems: ProblemList) {
  return {
    name: validateObjectName(props.name, 'name', problems),
    ip: props.ip === undefined ? undefined : validateIpAddress(props.ip, 'ip', problems),
    port: props.port === undefined ? DEFAULT_PEER_PORT : validatePort(props.port, 'port', problems),
    tsigKey: props.tsigKey === undefined ? undefined : validateTsigKeyRef(props.tsigKey, 'tsigKey', problems),
  };
}

class ImportedTransferPeer extends Construct implements ITransferPeer {
  public readonly peerId: string;
  public readonly name: string;
  public readonly ip?: string;
  public readonly port: number;
  public readonly tsigKey?: ITsigKey;

  constructor(scope: Construct, id: string, attrs: TransferPeerAttributes) {
    super(scope, id);
    requirePropsObject(this, 'TransferPeer.fromPeerId', attrs);
    const problems = new ProblemList();
    if (typeof attrs.peerId !== 'string' || attrs.peerId.trim() === '') {
      problems.add('peerId', attrs.peerId, 'the id of an existing peer is a non-empty string.', 'pass the id Cloudflare returned for the peer (API: GET /accounts/{account_id}/secondary_dns/peers).');
    }
    const fields = validatePeerFields(attrs, problems);
    problems.throwIfAny(this, 'TransferPeer.fromPeerId');
    this.peerId = attrs.peerId.trim();
    this.name = fields.name!;
    this.ip = fields.ip;
    this.port = fields.port!;
    this.tsigKey = attrs.tsigKey;
  }
}
