/**
 * One zone, one secondary provider declared inline: a TSIG key, two NOTIFY
 * peers (one IPv4, one IPv6), ACLs for both, and the secondary's nameservers
 * published at the apex.
 *
 * Ids come from Terraform variables (TF_VAR_account_id, TF_VAR_zone_id) and
 * the API token from CLOUDFLARE_API_TOKEN, so nothing secret is in the source.
 * In your own project, import from 'cdktf-cloudflare-zone-transfers'.
 */
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { OutgoingZoneTransfer, PeerOptions, SecondaryServer, TsigAlgorithm } from '../../lib';

/** The secondary's servers in this example; the end-to-end test swaps in loopback addresses. */
export const SINGLE_ZONE_PEERS: PeerOptions[] = [
  { name: 'ns1-secondary', ip: '192.0.2.53' },
  { name: 'ns2-secondary', ip: '2001:db8::53', port: 53 },
];

export class SingleZoneStack extends TerraformStack {
  public readonly zone: OutgoingZoneTransfer;

  constructor(scope: Construct, id: string, peers: PeerOptions[] = SINGLE_ZONE_PEERS) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON free of this machine's paths.
    new LocalBackend(this, { path: 'terraform.tfstate' });
    // The provider reads its API token from the CLOUDFLARE_API_TOKEN environment variable.
    new CloudflareProvider(this, 'cloudflare', {});

    const accountId = cloudflareIdVariable(this, 'account_id', 'Cloudflare account id');
    const zoneId = cloudflareIdVariable(this, 'zone_id', 'Cloudflare zone id of example.com');

    this.zone = new OutgoingZoneTransfer(this, 'ExampleCom', {
      zoneId: zoneId.stringValue,
      zoneName: 'example.com',
      accountId: accountId.stringValue,
      // The secret is generated at apply time and kept in Terraform state only.
      tsig: { name: 'cloudflare-example-com', algorithm: TsigAlgorithm.HMAC_SHA512 },
      peers,
      nameservers: ['ns1.secondary-provider.example', 'ns2.secondary-provider.example'],
      // Step 5: `terraform output -raw secondary_config_bind_example_com` prints the secondary's named.conf part.
      configOutputs: [SecondaryServer.BIND],
    });
  }
}

/** A string variable checked by Terraform to look like a Cloudflare id. */
export function cloudflareIdVariable(scope: Construct, name: string, description: string): TerraformVariable {
  return new TerraformVariable(scope, name, {
    type: 'string',
    description: `${description} (32 hexadecimal characters)`,
    validation: [{
      condition: `\${can(regex("^[0-9a-f]{32}$", var.${name}))}`,
      errorMessage: `${name} must be 32 lower-case hexadecimal characters.`,
    }],
  });
}

/** Adds this example's stacks to `app` (examples/main.ts synthesizes every example). */
export function createStacks(app: App): void {
  new SingleZoneStack(app, 'single-zone');
}
