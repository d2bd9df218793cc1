/**
 * One measured synth, in its own process: `node run-once.js <way> <zones> <outdir>`.
 * Prints one JSON line: peak RSS, synthesized bytes and resource count. The
 * parent measures wall time around the whole process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';

const [way, zonesText, outdir] = process.argv.slice(2);
const program = require(`./programs/${way}`) as { build(scope: App, zones: number): unknown };
const app = new App({ outdir, stackTraces: false });
program.build(app, Number(zonesText));
app.synth();

const text = readFileSync(join(outdir, 'stacks', 'fleet', 'cdk.tf.json'), 'utf8');
const json = JSON.parse(text);
// Resource instances: a for_each block counts once per key, so the ways compare like for like.
const resources = Object.values(json.resource ?? {})
  .flatMap((byName) => Object.values(byName as Record<string, { for_each?: object }>))
  .reduce((n: number, block) => n + (block.for_each ? Object.keys(block.for_each).length : 1), 0);
console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, bytes: Buffer.byteLength(text), resources }));
