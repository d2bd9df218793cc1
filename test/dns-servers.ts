import { spawnSync } from 'node:child_process';

/**
 * The configuration checks and the end-to-end tests need real DNS servers
 * (Debian packages bind9, knot, nsd, bind9-dnsutils). `.ci/run` installs them
 * and sets REQUIRE_DNS_SERVERS=1, so there a missing one fails the run; on a
 * machine without them, those tests are skipped, and said so loudly.
 */
const COMMANDS = ['named', 'named-checkconf', 'knotd', 'knotc', 'nsd', 'nsd-checkconf', 'dig'];

/**
 * The environment for starting DNS servers and their tools: they live in
 * /usr/sbin, which a non-root PATH may lack. (Changing process.env.PATH in a
 * test does not reach child_process, which reads the real environment.)
 */
export const DNS_TOOLS_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: [process.env.PATH, '/usr/sbin', '/sbin'].filter(Boolean).join(':'),
};

export const missingDnsServers = COMMANDS.filter((command) => spawnSync('sh', ['-c', `command -v ${command}`], { env: DNS_TOOLS_ENV }).status !== 0);

/** `describe` when every DNS server is installed; otherwise `describe.skip` with a warning (or a failure under REQUIRE_DNS_SERVERS=1). */
export function describeWithDnsServers(name: string, body: () => void): void {
  if (missingDnsServers.length === 0) {
    describe(name, body);
    return;
  }
  const message = `${missingDnsServers.join(', ')} not found: install the Debian packages bind9, knot, nsd and bind9-dnsutils (as .ci/run does)`;
  if (process.env.REQUIRE_DNS_SERVERS === '1') {
    describe(name, () => test('the DNS servers are installed', () => {
      throw new Error(message);
    }));
    return;
  }
  console.warn(`SKIPPED "${name}": ${message}.`);
  describe.skip(name, body);
}
