import { InputError } from '../construct-props-error';
import { renderBindConfig } from './bind';
import { SecondaryConfigInput } from './input';
import { renderKnotConfig } from './knot';
import { renderNsdConfig } from './nsd';
import { renderPowerDnsConfig } from './powerdns';

/** DNS server software a secondary runs, for which a configuration can be rendered. */
export enum SecondaryServer {
  /** ISC BIND 9. */
  BIND = 'bind',
  /** Knot DNS 3. */
  KNOT = 'knot',
  /** NLnet Labs NSD 4. */
  NSD = 'nsd',
  /** PowerDNS Authoritative Server 4.5 or newer. */
  POWERDNS = 'powerdns',
}

const RENDERERS: Record<SecondaryServer, (input: SecondaryConfigInput) => string> = {
  [SecondaryServer.BIND]: renderBindConfig,
  [SecondaryServer.KNOT]: renderKnotConfig,
  [SecondaryServer.NSD]: renderNsdConfig,
  [SecondaryServer.POWERDNS]: renderPowerDnsConfig,
};

/** Renders the configuration of `server`: the same text as its own `renderXxxConfig` function. */
export function renderSecondaryConfig(server: SecondaryServer, input: SecondaryConfigInput): string {
  const render = RENDERERS[server];
  if (render === undefined) {
    throw new InputError('renderSecondaryConfig', [{
      field: 'server',
      value: server,
      rule: `must be one of the SecondaryServer values (${Object.values(SecondaryServer).join(', ')}).`,
      fix: 'pass SecondaryServer.BIND, KNOT, NSD or POWERDNS.',
    }]);
  }
  return render(input);
}
