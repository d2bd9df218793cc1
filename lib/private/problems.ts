import { IConstruct } from 'constructs';
import { ConstructPropsError, InputError, Problem } from '../construct-props-error';

/**
 * Collects every problem of one construct's props, so that the user sees them
 * all in one error instead of fixing them one synth at a time.
 */
export class ProblemList {
  private readonly items: Problem[] = [];

  public add(field: string, value: unknown, rule: string, fix: string): void {
    this.items.push({ field, value, rule, fix });
  }

  public get problems(): readonly Problem[] {
    return this.items;
  }

  public get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** Throws one {@link ConstructPropsError} listing every problem, if there are any. */
  public throwIfAny(construct: IConstruct, constructType: string): void {
    if (!this.isEmpty) {
      throw new ConstructPropsError(construct.node.path, constructType, this.items);
    }
  }

  /** Throws one {@link InputError} for the function `functionName`, if there are problems. */
  public throwIfAnyInFunction(functionName: string): void {
    if (!this.isEmpty) {
      throw new InputError(functionName, this.items);
    }
  }
}


/**
 * JavaScript callers can leave props out or pass a non-object; reading a
 * prop of `undefined` would crash with a TypeError, so check first.
 */
export function requirePropsObject<T>(construct: IConstruct, constructType: string, props: T): T {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    const problems = new ProblemList();
    problems.add('props', props, 'must be an object of props.', `pass the props of ${constructType} as the third argument.`);
    problems.throwIfAny(construct, constructType);
  }
  return props;
}
