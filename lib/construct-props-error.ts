import { Token } from 'cdktf';

/** One thing wrong with the props of a construct. */
export interface Problem {
  /** The prop, as the user wrote it (`peers[1].ip`). */
  readonly field: string;
  /** The value received. */
  readonly value: unknown;
  /** The rule the value breaks. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
}

/**
 * The error thrown at synth time for invalid props: it names the construct
 * path, and for each problem the prop, the value received, the rule and the fix.
 */
export class ConstructPropsError extends Error {
  public readonly constructPath: string;
  public readonly problems: readonly Problem[];

  constructor(constructPath: string, constructType: string, problems: readonly Problem[]) {
    super(`${constructType} at '${constructPath}' has ${formatProblems(problems)}`);
    this.name = 'ConstructPropsError';
    this.constructPath = constructPath;
    this.problems = problems;
  }
}

/**
 * The error a function of this library (such as `renderBindConfig`) throws for
 * invalid input: it names the function, and for each problem the field, the
 * value received, the rule and the fix.
 */
export class InputError extends Error {
  public readonly functionName: string;
  public readonly problems: readonly Problem[];

  constructor(functionName: string, problems: readonly Problem[]) {
    super(`${functionName}: the input has ${formatProblems(problems)}`);
    this.name = 'InputError';
    this.functionName = functionName;
    this.problems = problems;
  }
}

/** "2 problems:" and one numbered line per problem. */
function formatProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map(
    (p, i) => `  ${i + 1}. ${p.field}: received ${describeValue(p.value)}. Rule: ${p.rule} Fix: ${p.fix}`,
  );
  return `${count}:\n${lines.join('\n')}`;
}

/** Renders a received value for an error message, readable for every JavaScript type; never a stack trace. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? 'a token (known only at apply time)' : JSON.stringify(value);
  }
  if (typeof value === 'number' && Token.isUnresolved(value)) return 'a token (known only at apply time)';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
