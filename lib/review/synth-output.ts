import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One synthesized stack: its Terraform JSON and the annotations cdktf recorded. */
export interface SynthesizedStack {
  readonly name: string;
  readonly json: any;
  readonly annotations: readonly { constructPath: string; level: string; message: string }[];
}

/** A directory that is not a cdktf synth output, or an unreadable one. */
export class SynthOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthOutputError';
  }
}

/** Reads every stack listed in `<dir>/manifest.json`, the manifest cdktf writes, sorted by name. */
export function readSynthOutput(dir: string): SynthesizedStack[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SynthOutputError(`${dir} is not a directory. Pass the directory cdktf synthesized into (cdktf.out by default): run \`npm run synth\` or \`cdktf synth\` first.`);
  }
  if (!existsSync(manifestPath)) {
    throw new SynthOutputError(`${dir} has no manifest.json, so it is not a cdktf synth output. Pass the directory cdktf synthesized into (cdktf.out by default).`);
  }
  const manifest = parseJson(manifestPath) as { stacks?: Record<string, { synthesizedStackPath?: string; annotations?: SynthesizedStack['annotations'] }> };
  if (manifest === null || typeof manifest !== 'object' || typeof manifest.stacks !== 'object' || manifest.stacks === null) {
    throw new SynthOutputError(`${manifestPath} has no "stacks": it is not the manifest cdktf writes.`);
  }
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, entry]) => {
      if (typeof entry?.synthesizedStackPath !== 'string') {
        throw new SynthOutputError(`${manifestPath}: stack "${name}" has no synthesizedStackPath.`);
      }
      const stackPath = join(dir, entry.synthesizedStackPath);
      if (!existsSync(stackPath)) throw new SynthOutputError(`${stackPath} is listed in the manifest but missing: synthesize again.`);
      return { name, json: parseJson(stackPath), annotations: Array.isArray(entry.annotations) ? entry.annotations : [] };
    });
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SynthOutputError(`${path} is not valid JSON (${(e as Error).message}).`);
  }
}
