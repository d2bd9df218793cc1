/**
 * Benchmark: synthesizing N zones that share one secondary (two peers, two
 * nameservers) four ways: this library's per-zone constructs, its fleet form
 * (for_each), the fleet sharded over stacks of at most 2,500 zones with the
 * secondary in its own stack, and an equivalent hand-written program (the
 * provider classes, deep imports); and a fifth, the fleet with the
 * secondary's rendered configuration for all four servers (`fleet-config`). The largest stack's size is what one
 * `terraform plan` reads. Each figure is the median of
 * several runs, each in its own process, into a fresh directory.
 *
 *   npm run bench                         # N = 1, 100, 1000, 10000
 *   npm run bench -- --zones 1,100 --runs 3 --ways fleet,hand-written
 *   npm run bench -- --stack-traces on      # cdktf's default app (off otherwise)
 *
 * Runs the compiled JavaScript (`npm run bench` builds the package and
 * compiles the bench first), so that no way pays for ts-node; the library's
 * ways load the package as it ships, from dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Sample {
  wallMs: number;
  peakRssMb: number;
  bytes: number;
  resources: number;
  stacks?: number;
  largestStackBytes?: number;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const SIZES = option('zones', '1,100,1000,10000').split(',').map(Number);
const RUNS = Number(option('runs', '5'));
const WAYS = option('ways', 'library,hand-written,fleet,sharded,fleet-config').split(',');
// `off` is `new App({ stackTraces: false })`, what the examples use and the README recommends; `on` is cdktf's default.
const STACK_TRACES = option('stack-traces', 'off');
if (STACK_TRACES !== 'on' && STACK_TRACES !== 'off') throw new Error(`--stack-traces takes on or off, not ${STACK_TRACES}`);
// Loading takes some 200 ms, so its median needs more samples than a synth.
const LOAD_RUNS = Math.max(15, RUNS * 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(command: string[], parse: (stdout: string) => Omit<Sample, 'wallMs'>): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  return { wallMs, ...parse(result.stdout) };
}

function synthOnce(way: string, zones: number): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  try {
    return measure([join(__dirname, 'run-once.js'), way, String(zones), outdir, STACK_TRACES], (stdout) => JSON.parse(stdout.trim().split('\n').pop()!));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function loadOnce(module: string): Sample {
  return measure(['-e', `require(${JSON.stringify(module)}); console.log(process.resourceUsage().maxRSS / 1024)`], (stdout) => ({ peakRssMb: Number(stdout), bytes: 0, resources: 0 }));
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

console.log(`# Synth benchmark (median of ${RUNS} runs, separate processes, stack traces ${STACK_TRACES})\n`);
console.log('| zones | way | wall (ms) | peak RSS (MB) | cdk.tf.json bytes | stacks | largest stack (bytes) | resource instances | wall ratio to hand-written | RSS ratio |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const zones of SIZES) {
  const results = new Map<string, Sample>();
  const samplesOf = new Map<string, Sample[]>(WAYS.map((way) => [way, []]));
  // The ways take turns, so that drift in the machine's speed hits both alike.
  for (let i = 0; i < RUNS; i++) for (const way of WAYS) samplesOf.get(way)!.push(synthOnce(way, zones));
  for (const way of WAYS) {
    const samples = samplesOf.get(way)!;
    results.set(way, {
      wallMs: median(samples.map((s) => s.wallMs)),
      peakRssMb: median(samples.map((s) => s.peakRssMb)),
      bytes: samples[0].bytes,
      resources: samples[0].resources,
      stacks: samples[0].stacks,
      largestStackBytes: samples[0].largestStackBytes,
    });
  }
  const hand = results.get('hand-written') ?? results.get(WAYS[0])!;
  for (const way of WAYS) {
    const r = results.get(way)!;
    const ratios = way === 'hand-written' ? ' | ' : `${fmt(r.wallMs / hand.wallMs, 2)} | ${fmt(r.peakRssMb / hand.peakRssMb, 2)}`;
    console.log(`| ${zones} | ${way} | ${fmt(r.wallMs)} | ${fmt(r.peakRssMb)} | ${r.bytes} | ${r.stacks} | ${r.largestStackBytes} | ${r.resources} | ${ratios} |`);
  }
}

// The two modules take turns, like the ways above.
const loadSamples = [[], []] as Sample[][];
const loadModules = ['cdktf', join(__dirname, '..', '..', 'dist')]; // the package as it ships
for (let i = 0; i < LOAD_RUNS; i++) loadModules.forEach((module, m) => loadSamples[m].push(loadOnce(module)));
const loads = loadSamples.map((samples) => ({ wallMs: median(samples.map((s) => s.wallMs)), peakRssMb: median(samples.map((s) => s.peakRssMb)) }));
console.log(`\n| require (median of ${LOAD_RUNS}) | wall (ms) | peak RSS (MB) |\n|---|---|---|`);
console.log(`| cdktf alone | ${fmt(loads[0].wallMs)} | ${fmt(loads[0].peakRssMb)} |`);
console.log(`| package entry (dist/index.js) | ${fmt(loads[1].wallMs)} | ${fmt(loads[1].peakRssMb)} |`);
console.log(`| ratio | ${fmt(loads[1].wallMs / loads[0].wallMs, 2)} | ${fmt(loads[1].peakRssMb / loads[0].peakRssMb, 2)} |`);
console.log(`\nMachine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmt(totalmem() / 2 ** 30)} GiB, node ${process.version}.`);
