import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXIT, runCli } from '../../lib/cli/main';
import { FakeCloudflare } from './fake-cloudflare';
import { OutgoingZoneTransfer } from '../../lib';
import { newStack, resourcesOf, synthJson } from '../helpers';

const ZONE = '0123456789abcdef0123456789abcdef';
// A made-up token; the tests check it never appears in any output.
const TOKEN = 'test-token-4f1c9a77e2d84b0c9e6f';
const ROOT = join(__dirname, '..', '..');

let fake: FakeCloudflare;
const everyOutput: string[] = [];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const started = Date.now();
  const code = await runCli(argv, {
    env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: fake.baseUrl },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  everyOutput.push(out, err);
  return { code, out, err, ms: Date.now() - started };
}

/** A normal Cloudflare answer with `result`, queued as a fault to script a sequence. */
const answer = (result: string) => ({ body: JSON.stringify({ success: true, errors: [], messages: [], result }) });

const calls = () => fake.requests.map((r) => `${r.method} ${r.path.replace(`/client/v4/zones/${ZONE}/secondary_dns/outgoing`, '')}`);

beforeEach(async () => {
  fake = new FakeCloudflare();
  await fake.start();
});
afterEach(async () => fake.stop());

describe('commands', () => {
  test('enable: checks the status, enables, confirms; sends the token only as a bearer header', async () => {
    const { code, out } = await cli('enable', '--zone-id', ZONE);
    expect(code).toBe(EXIT.OK);
    expect(out).toBe(`zone ${ZONE}: outgoing zone transfers enabled (was: Disabled)\n`);
    expect(calls()).toEqual(['GET /status', 'POST /enable', 'GET /status']);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  test('enable is idempotent: nothing is changed when transfers are already enabled', async () => {
    fake.state.set(ZONE, 'Enabled');
    const { code, out } = await cli('enable', '--zone-id', ZONE);
    expect(code).toBe(EXIT.OK);
    expect(out).toContain('already enabled');
    expect(calls()).toEqual(['GET /status']);
  });

  test('disable, status and force-notify', async () => {
    fake.state.set(ZONE, 'Enabled');
    expect((await cli('status', '--zone-id', ZONE)).out).toBe(`zone ${ZONE}: outgoing zone transfers enabled (Cloudflare says: Enabled)\n`);
    expect((await cli('disable', '--zone-id', ZONE)).out).toContain('outgoing zone transfers disabled (was: Enabled)');
    expect(fake.state.get(ZONE)).toBe('Disabled');
    const notify = await cli('force-notify', '--zone-id', ZONE);
    expect(notify.code).toBe(EXIT.OK);
    expect(notify.out).toContain('NOTIFY sent');
  });

  test('a status that does not confirm the change is an error', async () => {
    fake.faults.push(answer('Disabled'), answer('Enabled'), answer('Pending')); // status, enable, status
    const { code, err } = await cli('enable', '--zone-id', ZONE);
    expect(code).toBe(EXIT.UNEXPECTED);
    expect(err).toContain('succeeded, but the status is now "Pending", not enabled');
  });
});

describe('the provisioners\' commands, as synthesized', () => {
  test('enable at create and disable at destroy run against the API, with the zone id from self', async () => {
    const stack = newStack();
    new OutgoingZoneTransfer(stack, 'Zone', { zoneId: ZONE, zoneName: 'example.com', accountId: ZONE, peers: [{ name: 'ns1', ip: '192.0.2.1' }] });
    const [enabler] = Object.values(resourcesOf(synthJson(stack), 'terraform_data')) as { provisioner: { 'local-exec': { command: string } }[] }[];
    const [create, destroy] = enabler.provisioner.map((p) => p['local-exec'].command.replace('${self.triggers_replace.zone_id}', ZONE).split(' '));
    // npx --no-install <bin> <subcommand> ...: the arguments after the bin are the CLI's.
    expect(create.slice(0, 3)).toEqual(['npx', '--no-install', 'cdktf-cloudflare-zone-transfers']);
    expect(create).toEqual(expect.arrayContaining(['--timeout', '900']));
    expect(await cli(...create.slice(3))).toMatchObject({ code: EXIT.OK });
    expect(fake.state.get(ZONE)).toBe('Enabled');
    expect(await cli(...destroy.slice(3))).toMatchObject({ code: EXIT.OK });
    expect(fake.state.get(ZONE)).toBe('Disabled');
  });
});

describe('retries and deadlines', () => {
  test('HTTP 429 is retried after Retry-After', async () => {
    fake.faults.push({ status: 429, headers: { 'retry-after': '1' } });
    const { code, err } = await cli('status', '--zone-id', ZONE);
    expect(code).toBe(EXIT.OK);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(950);
    expect(err).toContain('retrying in 1.0 s: GET');
  });

  test('a burst of 500, 502 and 503 is retried with backoff until it succeeds', async () => {
    fake.faults.push({ status: 500 }, { status: 502 }, { status: 503, body: 'Service Unavailable' });
    const { code, out } = await cli('status', '--zone-id', ZONE);
    expect(code).toBe(EXIT.OK);
    expect(out).toContain('disabled');
    expect(fake.requests).toHaveLength(4);
    const gaps = fake.requests.slice(1).map((r, i) => r.at - fake.requests[i].at);
    expect(gaps[2]).toBeGreaterThan(gaps[0]); // the backoff grows
  });

  test('server errors until the deadline: gives up with exit code 3', async () => {
    for (let i = 0; i < 50; i++) fake.faults.push({ status: 503 });
    const { code, err, ms } = await cli('status', '--zone-id', ZONE, '--timeout', '1.5');
    expect(code).toBe(EXIT.GAVE_UP);
    expect(err).toMatch(/gave up after \d+ attempt\(s\) within the 2 s deadline; last: HTTP 503/);
    expect(ms).toBeLessThan(2500);
  });

  test('a Retry-After beyond the deadline gives up at once', async () => {
    fake.faults.push({ status: 429, headers: { 'retry-after': '60' } });
    const { code, err, ms } = await cli('status', '--zone-id', ZONE, '--timeout', '5');
    expect(code).toBe(EXIT.GAVE_UP);
    expect(err).toContain('Retry-After (60 s) is past the deadline');
    expect(ms).toBeLessThan(1000);
  });

  test('a response slower than the deadline: gives up when the deadline passes', async () => {
    fake.faults.push({ delayMs: 3000 });
    const { code, err, ms } = await cli('status', '--zone-id', ZONE, '--timeout', '1');
    expect(code).toBe(EXIT.GAVE_UP);
    expect(err).toContain('last: no answer');
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(2000);
  });

  test('network errors are retried, then given up', async () => {
    const baseUrl = fake.baseUrl;
    await fake.stop();
    let err = '';
    const code = await runCli(['status', '--zone-id', ZONE, '--timeout', '1'], {
      env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: baseUrl },
      out: () => undefined,
      err: (t) => (err += t),
    });
    everyOutput.push(err);
    expect(code).toBe(EXIT.GAVE_UP);
    expect(err).toContain('network error (ECONNREFUSED)');
    fake = new FakeCloudflare();
    await fake.start();
  });
});

describe('failures that retrying cannot fix', () => {
  test.each([
    [401, 'The API token needs one of the permissions Zone Settings Write, Zone Write or DNS Write on the zone.'],
    [403, 'The API token needs one of the permissions Zone Settings Write, Zone Write or DNS Write on the zone.'],
    [404, 'Check the zone id, and that the token can see the zone.'],
    [400, 'HTTP 400: [10400] fault 400.'],
  ])('HTTP %d fails at once with Cloudflare\'s codes and a hint', async (status, hint) => {
    fake.faults.push(answer('Disabled'), { status }); // the status check passes, the enable call fails
    const { code, err } = await cli('enable', '--zone-id', ZONE);
    expect(code).toBe(EXIT.REFUSED);
    expect(err).toContain(`POST /zones/${ZONE}/secondary_dns/outgoing/enable: HTTP ${status}: [${10000 + status}] fault ${status}.`);
    expect(err).toContain(hint);
    expect(fake.requests).toHaveLength(2);
  });

  test('success: false with HTTP 200 fails at once, listing every error code', async () => {
    fake.faults.push({ body: JSON.stringify({ success: false, errors: [{ code: 1049, message: 'Zone not eligible' }, { code: 1050, message: 'Ask your account team' }], result: null }) });
    const { code, err } = await cli('status', '--zone-id', ZONE);
    expect(code).toBe(EXIT.REFUSED);
    expect(err).toContain('HTTP 200: [1049] Zone not eligible; [1050] Ask your account team.');
  });

  test.each([
    ['a non-JSON body', { body: '<html>oops</html>' }],
    ['a truncated body', { truncate: true }],
    ['an envelope without success', { body: JSON.stringify({ result: 'Enabled' }) }],
    ['a result that is not a string', { body: JSON.stringify({ success: true, errors: [], result: { state: 'on' } }) }],
  ])('%s is a clear error, not a crash', async (_, fault) => {
    fake.faults.push(fault);
    const { code, err } = await cli('status', '--zone-id', ZONE);
    expect(code).toBe(EXIT.UNEXPECTED);
    expect(err).toMatch(/^error: GET \/zones\/[0-9a-f]{32}\/secondary_dns\/outgoing\/status: /);
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('an error message that echoes the token is redacted', async () => {
    fake.faults.push({ status: 400, body: JSON.stringify({ success: false, errors: [{ code: 6003, message: `Invalid token ${TOKEN}` }], result: null }) });
    const { code, err } = await cli('status', '--zone-id', ZONE);
    expect(code).toBe(EXIT.REFUSED);
    expect(err).toContain('[6003] Invalid token [redacted]');
  });
});

describe('usage', () => {
  test.each([
    [['status'], "required option '--zone-id <id>' not specified"],
    [['status', '--zone-id', 'example.com'], 'a zone id is 32 hexadecimal characters'],
    [['enable', '--zone-id', ZONE, '--timeout', '0'], 'must be a positive number of seconds'],
    [['activate', '--zone-id', ZONE], "unknown command 'activate'"],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(EXIT.USAGE);
    expect(err).toContain(message);
    expect(fake.requests).toHaveLength(0);
  });

  test('no token in the environment is a usage error', async () => {
    let err = '';
    const code = await runCli(['status', '--zone-id', ZONE], { env: {}, out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(EXIT.USAGE);
    expect(err).toContain('CLOUDFLARE_API_TOKEN is not set');
  });

  test.each(['enable', 'disable', 'status', 'force-notify'])('%s --help documents the options, the environment and the exit codes', async (command) => {
    const { code, out } = await cli(command, '--help');
    expect(code).toBe(EXIT.OK);
    expect(out).toContain('--zone-id <id>');
    expect(out).toContain('--timeout <seconds>');
    expect(out).toContain('CLOUDFLARE_API_TOKEN');
    expect(out).toMatch(/Exit codes:\n {2}0 {2}done\n {2}1 {2}Cloudflare refused/);
  });
});

describe('the installed command', () => {
  test('runs as a process: exit code, stdout and stderr', async () => {
    fake.state.set(ZONE, 'Enabled');
    const run = promisify(execFile);
    const { stdout, stderr } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'lib/cli/main.ts', 'status', '--zone-id', ZONE], {
      cwd: ROOT,
      env: { ...process.env, CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: fake.baseUrl },
    });
    everyOutput.push(stdout, stderr);
    expect(stdout).toBe(`zone ${ZONE}: outgoing zone transfers enabled (Cloudflare says: Enabled)\n`);
    expect(stderr).toBe('');

    fake.faults.push({ status: 403 });
    const failed = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'lib/cli/main.ts', 'status', '--zone-id', ZONE], {
      cwd: ROOT,
      env: { ...process.env, CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: fake.baseUrl },
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(EXIT.REFUSED);
    everyOutput.push(failed.stdout, failed.stderr);
  }, 20_000);
});

afterAll(() => {
  // Every test's stdout and stderr, collected above: the token is never in any of them.
  expect(everyOutput.length).toBeGreaterThan(40);
  for (const text of everyOutput) expect(text).not.toContain(TOKEN);
});
