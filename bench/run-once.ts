/**
 * One measured synth, in its own process: `node run-once.js <way> <zones> <outdir> <on|off>`
 * (the last is the App's `stackTraces`).
 * Prints one JSON line: peak RSS, synthesized bytes, resource instances and
 * stacks. The
 * parent measures wall time around the whole process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { forEachMap } from '../lib/review/model';

const [way, zonesText, outdir, stackTraces] = process.argv.slice(2);
const program = require(`./programs/${way}`) as { build(scope: App, zones: number): unknown };
const app = new App({ outdir, stackTraces: stackTraces === 'on' });
program.build(app, Number(zonesText));
app.synth();

// Every stack of the manifest: total bytes and resource instances, and the largest stack (what one plan reads).
const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
let bytes = 0;
let resources = 0;
let largestStackBytes = 0;
for (const entry of Object.values(manifest.stacks)) {
  const text = readFileSync(join(outdir, entry.synthesizedStackPath), 'utf8');
  const json = JSON.parse(text);
  bytes += Buffer.byteLength(text);
  largestStackBytes = Math.max(largestStackBytes, Buffer.byteLength(text));
  // Resource instances: a for_each block counts once per key (of a literal map, or of the local it names, as review reads it),
  // so the ways compare like for like.
  const keysOf = (forEach: unknown) => {
    const map = forEachMap(json, forEach);
    return map === undefined ? undefined : Object.keys(map).length;
  };
  resources += Object.values(json.resource ?? {})
    .flatMap((byName) => Object.values(byName as Record<string, { for_each?: unknown }>))
    .reduce((n: number, block) => n + (keysOf(block.for_each) ?? 1), 0);
}
console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, bytes, resources, stacks: Object.keys(manifest.stacks).length, largestStackBytes }));
