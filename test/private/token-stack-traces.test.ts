import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { IResolvable, Lazy, Testing, TerraformStack, Tokenization } from 'cdktf';
import { OutgoingZoneTransfer, SecondaryDns } from '../../lib';
import { ACCOUNT_ID, ZONE_ID, errorOf } from '../helpers';

function stackOf(stackTraces: boolean): TerraformStack {
  const stack = new TerraformStack(Testing.app({ stackTraces }), 'test');
  new CloudflareProvider(stack, 'cloudflare', {});
  return stack;
}

function addZone(stack: TerraformStack, zoneName = 'example.com'): OutgoingZoneTransfer {
  const secondary = new SecondaryDns(stack, `Secondary-${zoneName}`, {
    accountId: ACCOUNT_ID,
    tsig: { name: 'transfer-key' },
    peers: [{ name: 'ns1', ip: '192.0.2.1' }],
    nameservers: ['ns1.provider.example'],
  });
  return new OutgoingZoneTransfer(stack, zoneName, { zoneId: ZONE_ID, zoneName, secondaries: [secondary] });
}

/** The token behind the registrar output's value, created in the zone's constructor. */
function registrarToken(transfer: OutgoingZoneTransfer): IResolvable {
  const tokens = Tokenization.reverseString(String(transfer.registrarNameservers.value)).tokens;
  expect(tokens).toHaveLength(1);
  return tokens[0];
}

/** A token created by the test itself, outside any construct of the library. */
function userToken(): IResolvable {
  return Tokenization.reverseString(Lazy.stringValue({ produce: () => 'x' })).tokens[0];
}

describe('per-token stack traces', () => {
  test('are skipped inside an OutgoingZoneTransfer when the app has stack traces off', () => {
    const transfer = addZone(stackOf(false));
    expect(registrarToken(transfer).creationStack).toEqual([]);
  });

  test('are kept when the app has stack traces on (cdktf default)', () => {
    const transfer = addZone(stackOf(true));
    expect(registrarToken(transfer).creationStack.length).toBeGreaterThan(0);
  });

  test('are back on for the program once the constructor returns', () => {
    addZone(stackOf(false));
    expect(userToken().creationStack.length).toBeGreaterThan(0);
  });

  test('are back on for the program when the constructor throws', () => {
    const stack = stackOf(false);
    const error = errorOf(() => new OutgoingZoneTransfer(stack, 'bad', { zoneId: 'not-an-id', zoneName: 'example.com', accountId: ACCOUNT_ID, peers: [] }));
    expect(error.message).toContain('zoneId');
    expect(userToken().creationStack.length).toBeGreaterThan(0);
  });

  test('skipping them changes nothing in the synthesized Terraform', () => {
    const withoutTraces = JSON.parse(Testing.synth(addZone(stackOf(false)).node.scope as TerraformStack));
    const withTraces = JSON.parse(Testing.synth(addZone(stackOf(true)).node.scope as TerraformStack));
    expect(withoutTraces).toEqual(withTraces);
  });

  test('dependencies get their address tokens at synth, without a trace, and stay renamable until then', () => {
    const stack = stackOf(false);
    const transfer = addZone(stack);
    // depends_on targets may still get another logical id after the zone is built (cdktf refuses once fqn exists).
    transfer.dnsSettings!.overrideLogicalId('example_com_dns_settings');
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values(json.resource.cloudflare_dns_record).map((r: any) => r.depends_on)).toEqual([['cloudflare_zone_dns_settings.example_com_dns_settings']]);
    // fqn is cached once created: the token made at synth, inside the construct's stand-in, carries no trace.
    expect(Tokenization.reverseString(transfer.dnsSettings!.fqn).tokens[0].creationStack).toEqual([]);
    expect(Tokenization.reverseString(transfer.outgoing.fqn).tokens[0].creationStack).toEqual([]);
  });
});
