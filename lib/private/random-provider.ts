import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Aspects, IAspect, TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const stacksWithCheck = new WeakSet<TerraformStack>();

/**
 * Makes sure the stack of `scope` configures the `random` provider, which
 * generates TSIG secrets. cdktf refuses to synthesize a resource without its
 * provider, and users should not have to know we use one. The check runs as an
 * Aspect, once the whole tree exists, so a provider the user declares anywhere
 * (before or after our constructs) is used instead of a second one.
 */
export function ensureRandomProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stacksWithCheck.has(stack)) return;
  stacksWithCheck.add(stack);
  Aspects.of(stack).add(new AddRandomProviderIfMissing(stack));
}

class AddRandomProviderIfMissing implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const declared = this.stack.node
      .findAll()
      .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'random');
    if (!declared) new RandomProvider(this.stack, 'random');
  }
}
