import { DnsZoneTransfersAcl } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-acl';
import { Construct, IConstruct } from 'constructs';
import { ProblemList, requirePropsObject } from './private/problems';
import { validateCloudflareId, validateObjectName } from './private/validate-basic';
import { validateAclRange } from './private/validate-ip';

/** An ACL of a Cloudflare account, created here or imported. */
export interface ITransferAcl extends IConstruct {
  /** Cloudflare's id of the ACL (a token until apply). */
  readonly aclId: string;
  /** Name of the ACL. */
  readonly name: string;
  /** The range allowed to request transfers, in CIDR notation (`undefined` when unknown). */
  readonly ipRange?: string;
}

/** Props of {@link TransferAcl}. */
export interface TransferAclProps {
  /** Cloudflare account id (32 hexadecimal characters, or a token). */
  readonly accountId: string;
  /** Name of the ACL, shown in the dashboard. */
  readonly name: string;
  /**
   * Source range allowed to request AXFR/IXFR, in CIDR notation. A bare address
   * becomes /32 or /128. At most /24 wide for IPv4 and /64 for IPv6; the address
   * must be the first of the range.
   */
  readonly ipRange: string;
}

/** What {@link TransferAcl.fromAclId} needs to know of an ACL managed elsewhere. */
export interface TransferAclAttributes {
  /** Cloudflare's id of the ACL. */
  readonly aclId: string;
  /** Name of the ACL. */
  readonly name: string;
  /**
   * Range of the ACL, used only for checks and rendered configuration.
   * @default - unknown
   */
  readonly ipRange?: string;
}

/**
 * A source range allowed to transfer zones from Cloudflare (step 4 of
 * Cloudflare's guide): `cloudflare_dns_zone_transfers_acl`. ACLs apply to every
 * zone of the account.
 */
export class TransferAcl extends Construct implements ITransferAcl {
  /** Refers to an ACL that already exists in Cloudflare. */
  public static fromAclId(scope: Construct, id: string, attrs: TransferAclAttributes): ITransferAcl {
    return new ImportedTransferAcl(scope, id, attrs);
  }

  public readonly aclId: string;
  public readonly name: string;
  public readonly ipRange: string;
  /** The L1 resource, for escape hatches. */
  public readonly resource: DnsZoneTransfersAcl;

  constructor(scope: Construct, id: string, props: TransferAclProps) {
    super(scope, id);
    requirePropsObject(this, 'TransferAcl', props);
    const problems = new ProblemList();
    const accountId = validateCloudflareId(props.accountId, 'accountId', problems, 'account');
    const name = validateObjectName(props.name, 'name', problems);
    const ipRange = validateAclRange(props.ipRange, 'ipRange', problems);
    problems.throwIfAny(this, 'TransferAcl');

    this.name = name!;
    this.ipRange = ipRange!;
    this.resource = new DnsZoneTransfersAcl(this, 'Resource', {
      accountId: accountId!,
      name: this.name,
      ipRange: this.ipRange,
    });
    this.aclId = this.resource.id;
  }
}

class ImportedTransferAcl extends Construct implements ITransferAcl {
  public readonly aclId: string;
  public readonly name: string;
  public readonly ipRange?: string;

  constructor(scope: Construct, id: string, attrs: TransferAclAttributes) {
    super(scope, id);
    requirePropsObject(this, 'TransferAcl.fromAclId', attrs);
    const problems = new ProblemList();
    if (typeof attrs.aclId !== 'string' || attrs.aclId.trim() === '') {
      problems.add('aclId', attrs.aclId, 'the id of an existing ACL is a non-empty string.', 'pass the id Cloudflare returned for the ACL (API: GET /accounts/{account_id}/secondary_dns/acls).');
    }
    const name = validateObjectName(attrs.name, 'name', problems);
    const ipRange = attrs.ipRange === undefined ? undefined : validateAclRange(attrs.ipRange, 'ipRange', problems);
    problems.throwIfAny(this, 'TransferAcl.fromAclId');
    this.aclId = attrs.aclId.trim();
    this.name = name!;
    this.ipRange = ipRange;
  }
}
