import { DISABLE_STACK_TRACE_IN_METADATA, ITerraformDependable, TerraformElement } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * cdktf records a full stack trace for every token it creates (each provider
 * resource creates several in its constructor), even with
 * `new App({ stackTraces: false })`, and those traces are most of the time a
 * synth spends building constructs. They only ever appear in the message of a
 * token that fails to resolve.
 *
 * When the app has stack traces off, the library's constructs build their
 * resources with that recording switched off too, and switch it back on
 * before returning (or throwing). cdktf 0.21 is the last release (the
 * project is archived), so the private module this swaps a function of will
 * not move; if it ever did, the constructs would still work, only slower.
 */
const stackTraceModule = loadStackTraceModule();

interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
}

function loadStackTraceModule(): StackTraceModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('cdktf/lib/tokens/private/stack-trace') as Partial<StackTraceModule>;
    return typeof loaded.captureStackTrace === 'function' ? (loaded as StackTraceModule) : undefined;
  } catch {
    return undefined;
  }
}

const NO_TRACE = (): string[] => [];

/** True when `scope`'s app was created with `stackTraces: false`. */
export function stackTracesDisabled(scope: IConstruct): boolean {
  return scope.node.tryGetContext(DISABLE_STACK_TRACE_IN_METADATA) === true;
}

/**
 * Switches cdktf's per-token stack traces off when `scope`'s app has stack
 * traces off, and returns the function that switches them back on: call it
 * in a `finally`. Does nothing (and returns a no-op) otherwise, or when they
 * are already off.
 */
export function suspendTokenStackTraces(scope: IConstruct): () => void {
  if (!stackTraceModule || stackTraceModule.captureStackTrace === NO_TRACE || !stackTracesDisabled(scope)) return KEEP;
  const capture = stackTraceModule.captureStackTrace;
  stackTraceModule.captureStackTrace = NO_TRACE;
  return () => {
    stackTraceModule.captureStackTrace = capture;
  };
}

const KEEP = (): void => undefined;

/**
 * `resources` for a `depends_on`. cdktf creates a dependency's address token
 * (`fqn`) only while it resolves the `depends_on` at synth, some forty frames
 * deep, with a stack trace; these stand-ins create it then too (so the
 * resources' logical ids can still be overridden until synth), but skip its
 * trace when the app has stack traces off.
 */
export function dependencies(resources: readonly TerraformElement[]): ITerraformDependable[] {
  return resources.map((resource) => ({
    get fqn(): string {
      const resumeTokenStackTraces = suspendTokenStackTraces(resource);
      try {
        return resource.fqn;
      } finally {
        resumeTokenStackTraces();
      }
    },
  }));
}
