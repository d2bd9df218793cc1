import { NormalizedConfigInput, SecondaryConfigInput, headerLines, normalizeConfigInput } from './input';

/**
 * Renders the clauses an NSD (4.x) secondary needs: the `key`, a `pattern`
 * that requests transfers from the primaries and accepts NOTIFY from
 * Cloudflare's sources (both signed with the key), and one `zone` per zone
 * using the pattern. Add them to nsd.conf.
 */
export function renderNsdConfig(input: SecondaryConfigInput): string {
  return nsdConfigText(normalizeConfigInput(input, 'renderNsdConfig'));
}

const PATTERN_NAME = 'cloudflare-secondary';

function nsdConfigText(config: NormalizedConfigInput): string {
  const lines = [
    ...headerLines(config, 'NSD').map((line) => `# ${line}`),
    '',
    'key:',
    `  name: "${config.keyName}"`,
    `  algorithm: ${config.algorithm}`,
    `  secret: "${config.secret}"`,
    '',
    'pattern:',
    `  name: "${PATTERN_NAME}"`,
    '  zonefile: "%s.secondary.zone"',
    ...config.primaries.map((p) => `  request-xfr: ${p.address}@${p.port} ${config.keyName}`),
    ...config.notifySources.map((source) => `  allow-notify: ${source} ${config.keyName}`),
  ];
  for (const zone of config.zones) {
    lines.push('', 'zone:', `  name: "${zone}"`, `  include-pattern: "${PATTERN_NAME}"`);
  }
  return `${lines.join('\n')}\n`;
}
