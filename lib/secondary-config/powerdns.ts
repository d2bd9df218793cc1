import { NormalizedConfigInput, SecondaryConfigInput, headerLines, normalizeConfigInput } from './input';

/**
 * Renders what a PowerDNS Authoritative (4.5 or newer) secondary needs: the
 * pdns.conf settings, then the `pdnsutil` commands that import the key,
 * create each secondary zone and make it use the key.
 */
export function renderPowerDnsConfig(input: SecondaryConfigInput): string {
  return powerDnsConfigText(normalizeConfigInput(input, 'renderPowerDnsConfig'));
}

/** pdnsutil's `ip:port` form, with brackets around IPv6. */
function pdnsAddress(primary: { address: string; port: number }): string {
  return primary.address.includes(':') ? `[${primary.address}]:${primary.port}` : `${primary.address}:${primary.port}`;
}

function powerDnsConfigText(config: NormalizedConfigInput): string {
  const primaries = config.primaries.map(pdnsAddress).join(' ');
  const lines = [
    ...headerLines(config, 'PowerDNS').map((line) => `# ${line}`),
    '',
    '# pdns.conf',
    'secondary=yes',
    `allow-notify-from=${config.notifySources.join(',')}`,
    '',
    '# Then run once (the key is the same as on the primary):',
    `pdnsutil import-tsig-key ${config.keyName} ${config.algorithm} '${config.secret}'`,
    ...config.zones.flatMap((zone) => [
      `pdnsutil create-secondary-zone ${zone} ${primaries}`,
      `pdnsutil activate-tsig-key ${zone} ${config.keyName} secondary`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
