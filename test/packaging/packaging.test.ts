import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Proves the library works as an imported module: pack it the way npm
 * publishes it, install the tarball into a fresh consumer project, compile a
 * strict TypeScript program against the published types, and synthesize it.
 */

const ROOT = join(__dirname, '..', '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

const CONSUMER_PROGRAM = `
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack, TerraformVariable, Tokenization } from 'cdktf';
import { ConstructPropsError, OutgoingZoneTransfer, SecondaryDns, TsigAlgorithm } from 'cdktf-cloudflare-zone-transfers';

const app = new App({ stackTraces: false });
const stack = new TerraformStack(app, 'consumer');
new CloudflareProvider(stack, 'cloudflare', {});
const accountId = new TerraformVariable(stack, 'account_id', { type: 'string' });
const secondary = new SecondaryDns(stack, 'Secondary', {
  accountId: accountId.stringValue,
  tsig: { name: 'consumer-key', algorithm: TsigAlgorithm.HMAC_SHA512 },
  peers: [{ name: 'ns1', ip: '192.0.2.53' }],
  nameservers: ['ns1.provider.example'],
});
const zone = new OutgoingZoneTransfer(stack, 'Zone', {
  zoneId: '00112233445566778899aabbccddeeff',
  zoneName: 'consumer.example',
  secondaries: [secondary],
});
try {
  new OutgoingZoneTransfer(stack, 'Bad', { zoneId: 'x', zoneName: 'other.example', secondaries: [secondary] });
} catch (e) {
  if (!(e instanceof ConstructPropsError)) throw e;
  console.log('caught ' + e.problems.length + ' problems');
}
console.log('linked ' + zone.linkedPeers.length + ' peer(s)');
// With stack traces off, the installed package reaches cdktf's trace recorder and skips it for its tokens.
console.log('token trace frames ' + Tokenization.reverseString(String(zone.registrarNameservers.value)).tokens[0].creationStack.length);
app.synth();
`;

describe('packaging', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-czt-pack-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('npm pack, install into a fresh project, compile against the types, synthesize', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    // The JavaScript ships as two bundles (loading one file is what keeps `require` cheap), with their types and source maps.
    const files = (packed.files as { path: string }[]).map((f) => f.path);
    expect(files.filter((f) => f.endsWith('.js')).sort()).toEqual(['dist/cli/main.js', 'dist/index.js']);
    expect(files).toEqual(expect.arrayContaining(['dist/index.d.ts', 'dist/index.js.map', 'dist/outgoing-zone-transfer.d.ts', 'README.md', 'package.json']));
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`${PACKAGE.name}-${PACKAGE.version}.tgz`);

    const consumer = join(work, 'consumer');
    const peers = Object.fromEntries(Object.keys(PACKAGE.peerDependencies).map((name) => [name, PACKAGE.devDependencies[name]]));
    execFileSync('mkdir', ['-p', join(consumer, 'src')]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({
      name: 'consumer', version: '1.0.0', private: true,
      dependencies: { [PACKAGE.name]: `file:../${tarball}`, ...peers },
    }, null, 2));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, outDir: 'out', rootDir: 'src', skipLibCheck: false, types: [] },
      include: ['src'],
    }, null, 2));
    writeFileSync(join(consumer, 'src', 'main.ts'), CONSUMER_PROGRAM);

    // The registry packages are in npm's cache already (npm ci fetched them): prefer it.
    execFileSync('npm', ['install', '--prefer-offline', ...NPM_QUIET], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = execFileSync(process.execPath, ['out/main.js'], { cwd: consumer, encoding: 'utf8' });

    expect(stdout).toContain('caught 1 problems');
    expect(stdout).toContain('linked 1 peer(s)');
    expect(stdout).toContain('token trace frames 0');
    const json = JSON.parse(readFileSync(join(consumer, 'cdktf.out', 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(json.resource.cloudflare_dns_zone_transfers_outgoing)).toEqual([
      expect.objectContaining({ name: 'consumer.example.', zone_id: '00112233445566778899aabbccddeeff' }),
    ]);
    expect(Object.keys(json.resource).sort()).toEqual([
      'cloudflare_dns_record', 'cloudflare_dns_zone_transfers_acl', 'cloudflare_dns_zone_transfers_outgoing',
      'cloudflare_dns_zone_transfers_peer', 'cloudflare_dns_zone_transfers_tsig', 'cloudflare_zone_dns_settings', 'random_bytes', 'terraform_data',
    ]);

    // The provisioners run `npx --no-install cdktf-cloudflare-zone-transfers`: the installed bin must resolve.
    const help = execFileSync('npx', ['--no-install', 'cdktf-cloudflare-zone-transfers', 'enable', '--help'], { cwd: consumer, encoding: 'utf8' });
    expect(help).toContain('Usage: cdktf-cloudflare-zone-transfers enable [options]');
  }, 240_000);
});
