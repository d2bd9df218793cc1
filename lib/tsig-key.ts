import { DnsZoneTransfersTsig } from '@cdktf/provider-cloudflare/lib/dns-zone-transfers-tsig';
import { Bytes } from '@cdktf/provider-random/lib/bytes';
import { Annotations, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemList, requirePropsObject } from './private/problems';
import { ensureRandomProvider } from './private/random-provider';
import { validateCloudflareId } from './private/validate-basic';
import { TSIG_NAME_RULES, toFqdn, validateDomainName } from './private/validate-dns-name';
import { validateTsigAlgorithm, validateTsigSecret } from './private/validate-tsig';
import { TSIG_KEY_BYTES, TsigAlgorithm } from './tsig-algorithm';

/** A TSIG key in a Cloudflare account, created here or imported. */
export interface ITsigKey extends IConstruct {
  /** Cloudflare's id of the key (a token until apply). */
  readonly tsigKeyId: string;
  /** Key name as an FQDN with trailing dot; the secondary must use exactly this name. */
  readonly name: string;
  /** Algorithm of the key. */
  readonly algorithm: TsigAlgorithm;
  /**
   * The secret, base64. A token for generated keys: put it only into sensitive outputs.
   * `undefined` for an imported key whose secret was not given.
   */
  readonly secret?: string;
}

/** Props of {@link TsigKey}. */
export interface TsigKeyProps {
  /** Cloudflare account id (32 hexadecimal characters, or a token). */
  readonly accountId: string;
  /**
   * Key name. Normalized to lower case with a trailing dot ("Transfer-Key" becomes
   * "transfer-key."), which is how Cloudflare returns it.
   */
  readonly name: string;
  /**
   * TSIG algorithm.
   * @default TsigAlgorithm.HMAC_SHA512
   */
  readonly algorithm?: TsigAlgorithm;
  /**
   * Secret, base64. Pass a token (for example a sensitive `TerraformVariable`);
   * a literal string works but is written into cdk.tf.json, so it adds a warning.
   * @default - generated with `random_bytes` (as many bytes as the algorithm's hash), kept in Terraform state
   */
  readonly secret?: string;
}

/** What {@link TsigKey.fromTsigKeyId} needs to know of a key managed elsewhere. */
export interface TsigKeyAttributes {
  /** Cloudflare's id of the key. */
  readonly tsigKeyId: string;
  /** Key name; normalized like {@link TsigKeyProps.name}. */
  readonly name: string;
  /**
   * Algorithm of the key.
   * @default TsigAlgorithm.HMAC_SHA512
   */
  readonly algorithm?: TsigAlgorithm;
  /**
   * Secret of the key, needed only to render a secondary's configuration.
   * @default - unknown
   */
  readonly secret?: string;
}

/**
 * A TSIG key that signs zone transfers between Cloudflare and a secondary
 * (step 1 of Cloudflare's guide): `cloudflare_dns_zone_transfers_tsig`.
 */
export class TsigKey extends Construct implements ITsigKey {
  /** Refers to a TSIG key that already exists in Cloudflare. */
  public static fromTsigKeyId(scope: Construct, id: string, attrs: TsigKeyAttributes): ITsigKey {
    return new ImportedTsigKey(scope, id, attrs);
  }

  public readonly tsigKeyId: string;
  public readonly name: string;
  public readonly algorithm: TsigAlgorithm;
  public readonly secret: string;
  /** The L1 resource, for escape hatches. */
  public readonly resource: DnsZoneTransfersTsig;
  /** The `random_bytes` resource that generated the secret, when none was given. */
  public readonly generatedSecret?: Bytes;

  constructor(scope: Construct, id: string, props: TsigKeyProps) {
    super(scope, id);
    requirePropsObject(this, 'TsigKey', props);
    const problems = new ProblemList();
    const accountId = validateCloudflareId(props.accountId, 'accountId', problems, 'account');
    const name = validateDomainName(props.name, 'name', problems, TSIG_NAME_RULES);
    const algorithm = validateTsigAlgorithm(props.algorithm, 'algorithm', problems);
    const secret = props.secret === undefined ? undefined : validateTsigSecret(props.secret, 'secret', problems);
    problems.throwIfAny(this, 'TsigKey');

    this.name = toFqdn(name!);
    this.algorithm = algorithm!;
    if (secret === undefined) {
      // The secret never appears in cdk.tf.json: Terraform generates it at apply.
      this.generatedSecret = new Bytes(this, 'Secret', { length: TSIG_KEY_BYTES[this.algorithm] });
      ensureRandomProvider(this);
      this.secret = this.generatedSecret.base64;
    } else {
      if (!Token.isUnresolved(secret)) {
        Annotations.of(this).addWarning(
          'The TSIG secret is a literal string, so it is written in clear text into cdk.tf.json and every copy of it. ' +
            'Leave `secret` out to generate one at apply time, or pass a sensitive TerraformVariable.',
        );
      }
      this.secret = secret;
    }
    if (this.algorithm !== TsigAlgorithm.HMAC_SHA512) {
      Annotations.of(this).addWarning(
        `TSIG algorithm ${this.algorithm} is not documented by Cloudflare (only hmac-sha512. is); ` +
          'if the apply fails, switch to TsigAlgorithm.HMAC_SHA512.',
      );
    }
    this.resource = new DnsZoneTransfersTsig(this, 'Resource', {
      accountId: accountId!,
      name: this.name,
      algo: this.algorithm,
      secret: this.secret,
    });
    this.tsigKeyId = this.resource.id;
  }
}

class ImportedTsigKey extends Construct implements ITsigKey {
  public readonly tsigKeyId: string;
  public readonly name: string;
  public readonly algorithm: TsigAlgorithm;
  public readonly secret?: string;

  constructor(scope: Construct, id: string, attrs: TsigKeyAttributes) {
    super(scope, id);
    requirePropsObject(this, 'TsigKey.fromTsigKeyId', attrs);
    const problems = new ProblemList();
    if (typeof attrs.tsigKeyId !== 'string' || attrs.tsigKeyId.trim() === '') {
      problems.add('tsigKeyId', attrs.tsigKeyId, 'the id of an existing TSIG key is a non-empty string.', 'pass the id Cloudflare returned for the key (API: GET /accounts/{account_id}/secondary_dns/tsigs).');
    }
    const name = validateDomainName(attrs.name, 'name', problems, TSIG_NAME_RULES);
    const algorithm = validateTsigAlgorithm(attrs.algorithm, 'algorithm', problems);
    const secret = attrs.secret === undefined ? undefined : validateTsigSecret(attrs.secret, 'secret', problems);
    problems.throwIfAny(this, 'TsigKey.fromTsigKeyId');
    this.tsigKeyId = attrs.tsigKeyId.trim();
    this.name = toFqdn(name!);
    this.algorithm = algorithm!;
    this.secret = secret;
  }
}
