import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecondaryServer } from '../../lib';
import { DNS_TOOLS_ENV } from '../dns-servers';

/** Each server's own configuration checker, run on a file holding `text`. */
const CHECKERS: Record<Exclude<SecondaryServer, SecondaryServer.POWERDNS>, (file: string) => string[]> = {
  [SecondaryServer.BIND]: (file) => ['named-checkconf', file],
  [SecondaryServer.KNOT]: (file) => ['knotc', '-c', file, 'conf-check'],
  [SecondaryServer.NSD]: (file) => ['nsd-checkconf', file],
};

export type CheckedServer = keyof typeof CHECKERS;
export const CHECKED_SERVERS = Object.keys(CHECKERS) as CheckedServer[];

/**
 * Runs the server's checker on `text`; returns its exit status and output.
 * Fails with an install hint when the checker is not on the machine.
 */
export function checkConfig(server: CheckedServer, text: string): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), `check-${server}-`));
  try {
    const file = join(dir, `${server}.conf`);
    writeFileSync(file, text);
    const [command, ...args] = CHECKERS[server](file);
    const result = spawnSync(command, args, { encoding: 'utf8', env: DNS_TOOLS_ENV });
    if (result.error) {
      throw new Error(`${command} could not run (${result.error.message}): install the Debian packages bind9, knot and nsd, as .ci/run does.`);
    }
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
