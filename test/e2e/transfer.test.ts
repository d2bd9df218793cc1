import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { SecondaryServer, renderSecondaryConfig } from '../../lib';
import { SingleZoneStack } from '../../examples/single-zone/main';
import {
  PROBES, PrimarySetup, primarySetupFrom, writeBindConfig, writeKnotConfig, writeNsdConfig, writePrimaryConfig, zoneFileText,
} from './lab';
import { sendUnsignedNotify } from './notify';
import { RunningServer, dig, freePort, startServer, stopServer, waitFor } from './processes';
import { describeWithDnsServers } from '../dns-servers';

/**
 * End to end, with real DNS servers on loopback: a Knot DNS server stands in
 * for Cloudflare, configured from the synthesized JSON of the single-zone
 * example; BIND, Knot and NSD secondaries run the configuration the library
 * renders. Every server is started and stopped (by PID) by this test.
 */

// BIND listens only on addresses of an interface, and loopback has just 127.0.0.1; Knot and NSD bind any 127/8 address.
const PRIMARY_IP = '127.0.0.10';
// Like Cloudflare, the stand-in sends NOTIFY from another address than the one secondaries transfer from.
const NOTIFY_SOURCE_IP = '127.0.0.11';
const SECONDARIES = [
  { server: SecondaryServer.BIND, ip: '127.0.0.1', command: 'named', args: (conf: string) => ['-g', '-n', '1', '-c', conf], write: writeBindConfig },
  { server: SecondaryServer.KNOT, ip: '127.0.0.3', command: 'knotd', args: (conf: string) => ['-c', conf], write: writeKnotConfig },
  { server: SecondaryServer.NSD, ip: '127.0.0.4', command: 'nsd', args: (conf: string) => ['-d', '-c', conf], write: writeNsdConfig },
];
const OUTSIDER_IP = '127.0.0.9'; // neither an ACL nor a peer

let dir: string;
let port: number;
let setup: PrimarySetup;
let primary: RunningServer | undefined;
const secondaries = new Map<SecondaryServer, RunningServer>();

const ask = (ip: string, name: string, type: string) => dig(['+short', `@${ip}`, '-p', String(port), name, type]);
const serial = async (ip: string) => Number((await ask(ip, setup.zone, 'SOA')).trim().split(/\s+/)[2] ?? NaN);
const axfr = (source: string, key?: string) =>
  dig([`@${PRIMARY_IP}`, '-p', String(port), '-b', source, ...(key ? ['-y', `${setup.algorithm}:${setup.keyName}:${key}`] : []), setup.zone, 'AXFR']);

/** Fails with what the servers printed, so a broken lab explains itself. */
function withLogs(error: unknown): never {
  const logs = [primary, ...secondaries.values()].filter(Boolean).map((s) => `--- ${s!.name}\n${s!.output()}`).join('\n');
  throw new Error(`${(error as Error).message}\n${logs}`);
}

describeWithDnsServers('zone transfers between the stand-in primary and real secondaries', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zone-transfer-lab-'));
    port = await freePort();
    const secret = randomBytes(64).toString('base64'); // known to the test only, never printed
    const stack = new SingleZoneStack(Testing.app({ stackTraces: false }), 'lab', SECONDARIES.map((s) => ({ name: `${s.server}-secondary`, ip: s.ip, port })));
    setup = primarySetupFrom(JSON.parse(Testing.synth(stack, true)), secret);

    const primaryDir = join(dir, 'primary');
    mkdirSync(primaryDir);
    writeFileSync(join(primaryDir, 'primary.zone'), zoneFileText(setup.zone, 1));
    primary = startServer('stand-in primary (knotd)', 'knotd', ['-c', writePrimaryConfig(primaryDir, PRIMARY_IP, NOTIFY_SOURCE_IP, port, setup)]);
    await waitFor('the stand-in primary to answer', 10_000, async () => (await serial(PRIMARY_IP)) === 1).catch(withLogs);

    for (const s of SECONDARIES) {
      const serverDir = join(dir, s.server);
      mkdirSync(serverDir);
      const rendered = renderSecondaryConfig(s.server, {
        zones: [setup.zone],
        tsig: { name: setup.keyName, algorithm: setup.cloudflareAlgorithm, secret },
        primaries: [{ address: PRIMARY_IP, port }],
        notifySources: [NOTIFY_SOURCE_IP],
      });
      secondaries.set(s.server, startServer(s.server, s.command, s.args(s.write(serverDir, s.ip, port, rendered))));
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([primary, ...secondaries.values()].map(stopServer));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the stand-in primary is configured from the synthesized Terraform JSON', () => {
    expect(setup.zone).toBe('example.com.');
    expect(setup.keyName).toBe('cloudflare-example-com.');
    expect(setup.algorithm).toBe('hmac-sha512');
    expect(setup.notifyTargets.map((t) => `${t.ip}@${t.port}`).sort()).toEqual(SECONDARIES.map((s) => `${s.ip}@${port}`).sort());
    expect(setup.transferSources).toEqual(expect.arrayContaining(['127.0.0.1/32', '127.0.0.3/32', '127.0.0.4/32']));
  });

  test('a peer with the right key may transfer the zone', async () => {
    const output = await axfr(SECONDARIES[0].ip, setup.secret);
    expect(output).toMatch(/^www\.example\.com\.\s+300\s+IN\s+AAAA\s+2001:db8::11$/m);
  });

  test.each(SECONDARIES.map((s) => s.server))('%s: the first transfer succeeds and the secondary serves what the primary serves', async (server) => {
    const ip = SECONDARIES.find((s) => s.server === server)!.ip;
    await waitFor(`${server} to load the zone`, 20_000, async () => (await serial(ip)) === 1).catch(withLogs);
    for (const [label, type] of PROBES) {
      const name = `${label}${setup.zone}`;
      const [fromPrimary, fromSecondary] = await Promise.all([ask(PRIMARY_IP, name, type), ask(ip, name, type)]);
      const records = (answer: string) => answer.trim().split('\n').sort(); // servers may rotate an RRset
      expect({ name, type, records: records(fromSecondary) }).toEqual({ name, type, records: records(fromPrimary) });
      expect(fromPrimary.trim()).not.toBe('');
    }
  }, 30_000);

  test('a change on the primary reaches every secondary through NOTIFY within seconds', async () => {
    writeFileSync(join(dir, 'primary', 'primary.zone'), zoneFileText(setup.zone, 2).replace('192.0.2.11', '192.0.2.12'));
    process.kill(primary!.process.pid!, 'SIGHUP'); // knotd reloads the zone and notifies the peers
    await waitFor('the primary to serve serial 2', 10_000, async () => (await serial(PRIMARY_IP)) === 2).catch(withLogs);
    // SOA refresh is an hour, so only NOTIFY can bring the change this fast.
    const took = await Promise.all(SECONDARIES.map((s) =>
      waitFor(`${s.server} to reach serial 2`, 10_000, async () => (await serial(s.ip)) === 2).catch(withLogs)));
    for (const s of SECONDARIES) expect((await ask(s.ip, `www.${setup.zone}`, 'A')).trim()).toBe('192.0.2.12');
    expect(Math.max(...took)).toBeLessThan(10_000);
  }, 30_000);

  test.each(SECONDARIES.map((s) => s.server))('%s: refuses an unsigned NOTIFY, from a NOTIFY source or from elsewhere', async (server) => {
    const ip = SECONDARIES.find((s) => s.server === server)!.ip;
    for (const source of [NOTIFY_SOURCE_IP, OUTSIDER_IP]) {
      const rcode = await sendUnsignedNotify(source, ip, port, setup.zone);
      expect({ source, rcode }).toEqual({ source, rcode: expect.stringMatching(/^(REFUSED|NOTAUTH)$/) });
    }
  });

  test('a transfer signed with a wrong secret is refused', async () => {
    const output = await axfr(SECONDARIES[0].ip, randomBytes(64).toString('base64'));
    expect(output).not.toMatch(/\sIN\s+SOA\s/);
    expect(output).toMatch(/Transfer failed|BADSIG|NOTAUTH|tsig verify failure/i);
  });

  test('an unsigned transfer from a peer address is refused', async () => {
    const output = await axfr(SECONDARIES[0].ip);
    expect(output).not.toMatch(/\sIN\s+SOA\s/);
    expect(output).toMatch(/Transfer failed|REFUSED|NOTAUTH/i);
  });

  test('a transfer from outside the ACLs and peers is refused, even with the right key', async () => {
    const output = await axfr(OUTSIDER_IP, setup.secret);
    expect(output).not.toMatch(/\sIN\s+SOA\s/);
    expect(output).toMatch(/Transfer failed|REFUSED|NOTAUTH/i);
  });
});
