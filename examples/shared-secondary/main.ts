/**
 * One secondary provider shared by three zones: the TSIG key, the peers and
 * the ACLs exist once in the account; each zone links the same peers and
 * publishes the same nameservers.
 *
 * The account id comes from TF_VAR_account_id, the zone ids from
 * TF_VAR_zone_ids (a map from zone name to id), the API token from
 * CLOUDFLARE_API_TOKEN. In your own project, import from
 * 'cdktf-cloudflare-zone-transfers'.
 */
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend, Fn, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { OutgoingZoneTransfer, SecondaryDns, SecondaryServer } from '../../lib';
import { cloudflareIdVariable } from '../single-zone/main';

export const ZONES = ['example.com', 'example.net', 'example.org'];

export class SharedSecondaryStack extends TerraformStack {
  public readonly secondary: SecondaryDns;
  public readonly zones: OutgoingZoneTransfer[];

  constructor(scope: Construct, id: string, zoneNames: readonly string[] = ZONES) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON free of this machine's paths.
    new LocalBackend(this, { path: 'terraform.tfstate' });
    new CloudflareProvider(this, 'cloudflare', {});

    const accountId = cloudflareIdVariable(this, 'account_id', 'Cloudflare account id');
    const zoneIds = new TerraformVariable(this, 'zone_ids', {
      type: 'map(string)',
      description: 'Cloudflare zone id of each zone, keyed by zone name',
    });

    this.secondary = new SecondaryDns(this, 'SecondaryDnsProvider', {
      accountId: accountId.stringValue,
      tsig: { name: 'cloudflare-transfer.secondary-provider.example' },
      peers: [
        { name: 'ns1-secondary', ip: '198.51.100.53' },
        { name: 'ns2-secondary', ip: '203.0.113.53' },
      ],
      // The secondary transfers from a /28 of its own network.
      transferAcls: [{ name: 'secondary-transfer-range', ipRange: '198.51.100.48/28' }, { name: 'ns2-secondary', ipRange: '203.0.113.53' }],
      nameservers: ['ns1.secondary-provider.example', 'ns2.secondary-provider.example'],
      // Step 5, for every zone at once: `terraform output -raw secondary_config_knot_SecondaryDnsProvider`.
      configOutputs: [SecondaryServer.KNOT, SecondaryServer.NSD],
    });

    this.zones = zoneNames.map((zoneName) => new OutgoingZoneTransfer(this, zoneName, {
      zoneId: Token.asString(Fn.lookup(zoneIds.value, zoneName)),
      zoneName,
      secondaries: [this.secondary],
    }));
  }
}

/** Adds this example's stacks to `app` (examples/main.ts synthesizes every example). */
export function createStacks(app: App): void {
  new SharedSecondaryStack(app, 'shared-secondary');
}
