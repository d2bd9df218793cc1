import { NormalizedConfigInput, SecondaryConfigInput, headerLines, normalizeConfigInput } from './input';

/**
 * Renders the part of named.conf a BIND 9 secondary needs: the TSIG key, the
 * primaries (Cloudflare's transfer address, signed with the key), an ACL of
 * Cloudflare's NOTIFY sources, and one `type secondary` zone per zone.
 * NOTIFY is accepted only from those sources and only when signed with the key.
 */
export function renderBindConfig(input: SecondaryConfigInput): string {
  return bindConfigText(normalizeConfigInput(input, 'renderBindConfig'));
}

/** Names used inside the rendered configuration. */
const PRIMARIES_NAME = 'cloudflare-primaries';
const NOTIFY_ACL_NAME = 'cloudflare-notify-sources';

function bindConfigText(config: NormalizedConfigInput): string {
  const key = `"${config.keyName}"`;
  const lines = [
    ...headerLines(config, 'BIND 9').map((line) => `// ${line}`),
    '',
    `key ${key} {`,
    `  algorithm ${config.algorithm};`,
    `  secret "${config.secret}";`,
    '};',
    '',
    `primaries "${PRIMARIES_NAME}" {`,
    ...config.primaries.map((p) => `  ${p.address} port ${p.port} key ${key};`),
    '};',
    '',
    `acl "${NOTIFY_ACL_NAME}" {`,
    ...config.notifySources.map((source) => `  ${source};`),
    '};',
  ];
  for (const zone of config.zones) {
    lines.push(
      '',
      `zone "${zone}" {`,
      '  type secondary;',
      `  file "${zone}.secondary.db";`,
      `  primaries { "${PRIMARIES_NAME}"; };`,
      `  // NOTIFY only from ${NOTIFY_ACL_NAME} AND signed with the key.`,
      `  allow-notify { !{ !"${NOTIFY_ACL_NAME}"; any; }; key ${key}; };`,
      '};',
    );
  }
  return `${lines.join('\n')}\n`;
}
