/**
 * Synthesizes every example (each examples/<name>/main.ts that exports
 * `createStacks`) into one cdktf output directory, then says where each stack
 * went and repeats the warnings cdktf recorded, since no cdktf-cli prints them.
 *
 *   npm run synth                  # into ./cdktf.out
 *   CDKTF_OUTDIR=out npm run synth # elsewhere
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { App } from 'cdktf';

interface ExampleModule {
  createStacks(app: App): void;
}

interface Manifest {
  stacks: Record<string, { synthesizedStackPath: string; annotations: { constructPath: string; level: string; message: string }[] }>;
}

const app = new App({ stackTraces: false });
const examples = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(__dirname, entry.name, 'main.ts')))
  .map((entry) => entry.name)
  .sort();
for (const name of examples) {
  const example = require(join(__dirname, name, 'main.ts')) as Partial<ExampleModule>;
  if (typeof example.createStacks !== 'function') {
    throw new Error(`examples/${name}/main.ts must export createStacks(app: App)`);
  }
  example.createStacks(app);
}
app.synth();

const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8')) as Manifest;
const fromHere = relative(process.cwd(), resolve(app.outdir));
const where = fromHere === '' ? '.' : fromHere.startsWith('..') ? resolve(app.outdir) : fromHere;
console.log(`Synthesized ${examples.length} examples into ${where}/:`);
for (const [stack, entry] of Object.entries(manifest.stacks)) {
  console.log(`  ${stack}: ${join(where, entry.synthesizedStackPath)}`);
  for (const note of entry.annotations) {
    console.log(`    ${note.level.replace('@cdktf/', '')} at ${note.constructPath}: ${note.message}`);
  }
}
