import { join } from 'node:path';
import type * as Package from '../../lib';

/** What both programs of the synth benchmark declare: N zones sharing one secondary with two peers and two nameservers. */
export const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
export const PEERS = [{ name: 'ns1', ip: '192.0.2.1' }, { name: 'ns2', ip: '192.0.2.2' }];
export const NAMESERVERS = ['ns1.provider.example', 'ns2.provider.example'];

export function zoneAt(i: number): { zoneName: string; zoneId: string } {
  return { zoneName: `zone-${i}.example`, zoneId: i.toString(16).padStart(32, '0') };
}

/**
 * The package as it ships: the bundle `npm run build` writes to dist/ (the
 * bench runs from .bench-dist/bench/programs/). The library ways measure it,
 * not the TypeScript sources compiled file by file.
 */
export function shippedPackage(): typeof Package {
  return require(join(__dirname, '..', '..', '..', 'dist')) as typeof Package;
}
