import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetZoneOptions, OutgoingZoneTransferFleet, SecondaryDns } from '../lib';
import { ACCOUNT_ID, newStack, resourcesOf, synth } from './helpers';

/**
 * Runs the fleet's Terraform expressions (locals, for_each over them, the TTL
 * lookup, the registrar output's for-expression) in a real `terraform apply`.
 * The Cloudflare provider cannot be downloaded here, so provider-free stand-ins
 * take the resources' places: `terraform_data` (built into Terraform) with the
 * NS records' for_each and attributes, and a local with the data source's
 * `name_servers`. Without a terraform binary the test is skipped, loudly.
 */
const terraformFound = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
if (!terraformFound) console.warn('SKIPPED "fleet expressions in terraform": no terraform binary on PATH (Terraform >= 1.4 runs it).');
const describeWithTerraform = terraformFound ? describe : describe.skip;

const zoneId = (n: number) => n.toString(16).padStart(32, '0');
const ZONES: FleetZoneOptions[] = [
  { zoneId: zoneId(1), zoneName: 'a.example' },
  { zoneId: zoneId(2), zoneName: 'b.example', hiddenSecondary: true },
  { zoneId: zoneId(3), zoneName: 'c.example', nameserverTtl: 3600 },
];
const CLOUDFLARE_NS = ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'];

function terraform(dir: string, ...args: string[]): string {
  const result = spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' } });
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describeWithTerraform('fleet expressions in terraform', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'czt-fleet-tf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('NS record instances, their TTLs and the registrar nameservers come out per zone', () => {
    const stack = newStack();
    const secondary = new SecondaryDns(stack, 'Provider', {
      accountId: ACCOUNT_ID, tsig: { name: 'k' }, peers: [{ name: 'ns1', ip: '192.0.2.1' }],
      nameservers: ['ns1.provider.example', 'ns2.provider.example'],
    });
    new OutgoingZoneTransferFleet(stack, 'Fleet', { secondaries: [secondary], zones: ZONES });
    const json = JSON.parse(synth(stack));

    const [dataName] = Object.keys(json.data.cloudflare_zone);
    const records = Object.entries(resourcesOf(json, 'cloudflare_dns_record')).map(([name, r]: [string, any]) => [name, {
      for_each: r.for_each,
      input: { name: r.name, zone_id: r.zone_id, content: r.content, ttl: r.ttl },
    }]);
    const config = {
      locals: {
        ...json.locals,
        cloudflare_zone_stand_in: Object.fromEntries(Object.keys(json.locals.fleet_zones_Fleet).map((zone) => [zone, { name_servers: CLOUDFLARE_NS }])),
      },
      resource: { terraform_data: Object.fromEntries(records) },
      output: {
        registrar: { value: (json.output.registrar_nameservers_Fleet.value as string).replace(`data.cloudflare_zone.${dataName}`, 'local.cloudflare_zone_stand_in') },
        records: { value: Object.fromEntries(records.map(([name]) => [name, `\${{ for key, r in terraform_data.${name}: key => r.output }}`])) },
      },
    };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
    terraform(dir, 'init', '-input=false', '-no-color');
    terraform(dir, 'apply', '-auto-approve', '-input=false', '-no-color');
    const outputs = JSON.parse(terraform(dir, 'output', '-json'));

    expect(outputs.registrar.value).toEqual({
      'a.example': [...CLOUDFLARE_NS, 'ns1.provider.example', 'ns2.provider.example'],
      'b.example': CLOUDFLARE_NS, // hidden: Cloudflare's only
      'c.example': [...CLOUDFLARE_NS, 'ns1.provider.example', 'ns2.provider.example'],
    });
    const instances = Object.values(outputs.records.value) as Record<string, { name: string; zone_id: string; content: string; ttl: number }>[];
    expect(instances).toHaveLength(2); // one resource per nameserver
    for (const byZone of instances) {
      expect(Object.keys(byZone)).toEqual(['a.example', 'c.example']);
      expect(byZone['a.example']).toMatchObject({ name: 'a.example', zone_id: zoneId(1), ttl: 86400 });
      expect(byZone['c.example']).toMatchObject({ name: 'c.example', zone_id: zoneId(3), ttl: 3600 });
    }
    expect(instances.map((byZone) => byZone['a.example'].content)).toEqual(['ns1.provider.example', 'ns2.provider.example']);
  }, 60_000);
});
