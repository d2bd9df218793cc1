import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { SharedSecondaryStack } from '../../examples/shared-secondary/main';
import { FLEET_ZONES, SHARDS, createStacks as createShardedStacks } from '../../examples/sharded-fleet/main';
import { SingleZoneStack } from '../../examples/single-zone/main';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run synth`'s program into a fresh directory; returns its stdout and the directory. */
function synthExamples(): { stdout: string; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-examples-'));
  const stdout = execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'examples/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
  return { stdout, outdir };
}

function stackJson(outdir: string, stack: string): string {
  return readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
}

describe('examples', () => {
  test('single-zone matches its snapshot', () => {
    expect(Testing.synth(new SingleZoneStack(Testing.app({ stackTraces: false }), 'single-zone'), true)).toMatchSnapshot();
  });

  test('shared-secondary matches its snapshot', () => {
    expect(Testing.synth(new SharedSecondaryStack(Testing.app({ stackTraces: false }), 'shared-secondary'), true)).toMatchSnapshot();
  });

  test('sharded-fleet: every stack matches its snapshot', () => {
    const app = Testing.app({ stackTraces: false });
    createShardedStacks(app);
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    stacks.forEach((stack) => stack.prepareStack()); // adds the cross-stack references, as a synth does
    for (const stack of stacks) expect(Testing.synth(stack, true)).toMatchSnapshot(stack.node.id);
  });

  test('sharded-fleet: the shards read the account stack\'s state, and together hold every zone once', () => {
    const app = Testing.app({ stackTraces: false });
    createShardedStacks(app);
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    const shards = stacks.filter((s) => s.node.id.startsWith('zone-transfers-shard-'));
    expect(shards).toHaveLength(SHARDS);
    const zones = shards.flatMap((stack) => {
      stack.prepareStack(); // adds the cross-stack references
      const json = stack.toTerraform() as any;
      expect(json.data.terraform_remote_state['cross-stack-reference-input-zone-transfers-account'].config.path).toBe('../zone-transfers-account/terraform.tfstate');
      const outgoing = Object.values(json.resource.cloudflare_dns_zone_transfers_outgoing)[0] as any;
      expect(outgoing.for_each).toBe('${local.fleet_zones_Zones}');
      return Object.keys(json.locals.fleet_zones_Zones);
    });
    expect(zones.sort()).toEqual([...FLEET_ZONES].sort());
  });

  describe('npm run synth', () => {
    let first: { stdout: string; outdir: string };
    let second: { stdout: string; outdir: string };
    beforeAll(() => {
      first = synthExamples();
      second = synthExamples();
    });
    afterAll(() => {
      for (const run of [first, second]) if (run) rmSync(run.outdir, { recursive: true, force: true });
    });

    test('synthesizes every example and says where', () => {
      expect(first.stdout).toContain('Synthesized 3 examples into');
      for (const stack of ['single-zone', 'shared-secondary', 'zone-transfers-account', 'zone-transfers-shard-0']) {
        expect(first.stdout).toContain(`${stack}: ${join(first.outdir, 'stacks', stack, 'cdk.tf.json')}`);
      }
      const manifest = JSON.parse(readFileSync(join(first.outdir, 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks).sort()).toEqual([
        'shared-secondary', 'single-zone', 'zone-transfers-account', 'zone-transfers-shard-0', 'zone-transfers-shard-1', 'zone-transfers-shard-2',
      ]);
    });

    test.each(['single-zone', 'shared-secondary', 'zone-transfers-account', 'zone-transfers-shard-1'])('%s: two synths are byte-identical', (stack) => {
      expect(stackJson(second.outdir, stack)).toBe(stackJson(first.outdir, stack));
    });

    test.each(['single-zone', 'shared-secondary', 'zone-transfers-account'])('%s: no secret value and no path of this machine in cdk.tf.json', (stack) => {
      const text = stackJson(first.outdir, stack);
      const json = JSON.parse(text);
      const tsigs = Object.values(json.resource.cloudflare_dns_zone_transfers_tsig) as { secret: string }[];
      expect(tsigs.length).toBeGreaterThan(0);
      for (const tsig of tsigs) expect(tsig.secret).toMatch(/^\$\{random_bytes\.[A-Za-z0-9_-]+\.base64\}$/);
      expect(text).not.toMatch(/"[A-Za-z0-9+/]{40,}={0,2}"/); // nothing that looks like a key
      expect(text).not.toContain(ROOT);
      expect(text).not.toContain(first.outdir);
    });
  });
});
