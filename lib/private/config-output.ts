import { IResolveContext, Lazy, TerraformOutput, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CLOUDFLARE_ADDRESSES } from '../cloudflare';
import { ConstructPropsError } from '../construct-props-error';
import { SecondaryConfigInput } from '../secondary-config/input';
import { SecondaryServer, renderSecondaryConfig } from '../secondary-config/secondary-server';

/**
 * Joins parts into a Terraform output name (letters, digits, hyphens,
 * underscores): every other character becomes an underscore, so a zone name
 * (which has no underscores) maps to exactly one output name.
 */
export function outputName(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_-]/g, '_');
}

const outputNamesPerStack = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Gives `output` the readable name `name`. cdktf would silently merge two
 * outputs of the same name, so a clash is an error naming both constructs.
 */
export function nameOutput(output: TerraformOutput, name: string): void {
  const stack = TerraformStack.of(output);
  const names = outputNamesPerStack.get(stack) ?? new Map<string, string>();
  outputNamesPerStack.set(stack, names);
  const owner = output.node.scope!.node.path;
  const earlier = names.get(name);
  if (earlier !== undefined) {
    throw new ConstructPropsError(owner, 'Output name', [{
      field: 'id', value: output.node.scope!.node.id,
      rule: `the output name "${name}" is already used by ${earlier}, and two outputs of one name would silently merge.`,
      fix: 'give one of the two constructs another id.',
    }]);
  }
  names.set(name, owner);
  output.overrideLogicalId(name);
}

/** The path of `construct` below its stack, for output names. */
export function pathBelowStack(construct: IConstruct): string {
  const stack = TerraformStack.of(construct);
  return construct.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id).join('_');
}

/**
 * A sensitive output holding the rendered configuration of `server`. The text
 * is produced at synth, once every zone has linked its secondaries, and the
 * secret inside it is a Terraform expression, so cdk.tf.json holds no secret.
 * `input` returns `undefined` when there is nothing to render yet (a
 * validation reports why).
 */
export function addConfigOutput(scope: Construct, server: SecondaryServer, name: string, input: () => SecondaryConfigInput | undefined): TerraformOutput {
  const output = new TerraformOutput(scope, `${server}-config`, {
    description: `${server} configuration for the secondary DNS server (contains the TSIG secret): terraform output -raw ${name}`,
    sensitive: true,
    value: Lazy.stringValue({
      produce: (context) => {
        const config = input();
        return config === undefined ? '' : resolveTokensIn(renderSecondaryConfig(server, config), context);
      },
    }),
  });
  nameOutput(output, name);
  return output;
}

/**
 * `text` with its tokens (the TSIG secret) replaced by their Terraform
 * expressions. cdktf would do the same when it resolves the output, but its
 * tokenizer rescans the rest of a string at every `}`, which a configuration
 * of thousands of zones has tens of thousands of (10,000 zones took over a
 * minute); a string without tokens is passed through as it is.
 */
function resolveTokensIn(text: string, context: IResolveContext): string {
  return Tokenization.reverseString(text)
    .mapTokens(context)
    .join({ join: (left: unknown, right: unknown) => `${left ?? ''}${right ?? ''}` });
}

const OUTPUT_ID = 'CloudflareTransferAddresses';

/**
 * Adds, once per stack, the output listing the Cloudflare addresses a
 * secondary must know: where it transfers from and where NOTIFY comes from.
 */
export function ensureCloudflareAddressesOutput(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(OUTPUT_ID)) return;
  const output = new TerraformOutput(stack, OUTPUT_ID, {
    description: `Cloudflare addresses for the secondary DNS servers (as of ${CLOUDFLARE_ADDRESSES.asOf}): transfer from transfer_ip, allow NOTIFY from notify_sources.`,
    value: {
      transfer_ip: CLOUDFLARE_ADDRESSES.transferIp,
      transfer_port: CLOUDFLARE_ADDRESSES.transferPort,
      notify_sources: [...CLOUDFLARE_ADDRESSES.notifySources],
      as_of: CLOUDFLARE_ADDRESSES.asOf,
      source: CLOUDFLARE_ADDRESSES.source,
    },
  });
  nameOutput(output, 'cloudflare_transfer_addresses');
}
