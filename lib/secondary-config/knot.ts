import { NormalizedConfigInput, SecondaryConfigInput, headerLines, normalizeConfigInput } from './input';

/**
 * Renders the sections a Knot DNS (3.x) secondary needs: `key`, a `remote`
 * for the primaries, an `acl` that accepts signed NOTIFY from Cloudflare's
 * sources, a `template` holding both, and one `zone` per zone.
 * Merge the sections into knot.conf (each section name may appear once).
 */
export function renderKnotConfig(input: SecondaryConfigInput): string {
  return knotConfigText(normalizeConfigInput(input, 'renderKnotConfig'));
}

const REMOTE_ID = 'cloudflare-primary';
const ACL_ID = 'cloudflare-notify';
const TEMPLATE_ID = 'cloudflare-secondary';

/** A Knot address: `ip@port`. */
function knotAddress(primary: { address: string; port: number }): string {
  return `${primary.address}@${primary.port}`;
}

function knotConfigText(config: NormalizedConfigInput): string {
  const lines = [
    ...headerLines(config, 'Knot DNS').map((line) => `# ${line}`),
    '',
    'key:',
    `  - id: ${config.keyName}`,
    `    algorithm: ${config.algorithm}`,
    `    secret: ${config.secret}`,
    '',
    'remote:',
    `  - id: ${REMOTE_ID}`,
    `    address: [${config.primaries.map(knotAddress).join(', ')}]`,
    `    key: ${config.keyName}`,
    '',
    'acl:',
    `  - id: ${ACL_ID}`,
    `    address: [${config.notifySources.join(', ')}]`,
    `    key: ${config.keyName}`,
    '    action: notify',
    '',
    'template:',
    `  - id: ${TEMPLATE_ID}`,
    `    master: ${REMOTE_ID}`,
    `    acl: ${ACL_ID}`,
    '    file: "%s.secondary.zone"',
    '',
    'zone:',
    ...config.zones.flatMap((zone) => [`  - domain: ${zone}`, `    template: ${TEMPLATE_ID}`]),
  ];
  return `${lines.join('\n')}\n`;
}
