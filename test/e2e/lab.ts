import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TsigAlgorithm } from '../../lib';

/**
 * Builds the configuration files of a loopback lab: a Knot DNS server that
 * stands in for Cloudflare (configured from the synthesized Terraform JSON),
 * and BIND, Knot and NSD secondaries wrapped around the library's rendered
 * configuration. Every address is on 127.0.0.0/8.
 */

/** What the stand-in primary takes from cdk.tf.json, plus the test's known secret. */
export interface PrimarySetup {
  readonly zone: string; // with trailing dot, as in the outgoing resource
  readonly keyName: string;
  readonly algorithm: string; // as servers spell it: hmac-sha512
  readonly cloudflareAlgorithm: TsigAlgorithm; // as Cloudflare stores it: hmac-sha512.
  readonly secret: string;
  readonly notifyTargets: { name: string; ip: string; port: number }[];
  readonly transferSources: string[];
}

/** Reads the zone, key, peers and ACLs out of a synthesized stack. */
export function primarySetupFrom(json: any, secret: string): PrimarySetup {
  const only = (type: string) => {
    const values = Object.values(json.resource[type] ?? {}) as any[];
    if (values.length !== 1) throw new Error(`expected one ${type}, found ${values.length}`);
    return values[0];
  };
  const tsig = only('cloudflare_dns_zone_transfers_tsig');
  const outgoing = only('cloudflare_dns_zone_transfers_outgoing');
  const peers = Object.values(json.resource.cloudflare_dns_zone_transfers_peer) as any[];
  const acls = Object.values(json.resource.cloudflare_dns_zone_transfers_acl ?? {}) as any[];
  return {
    zone: outgoing.name,
    keyName: tsig.name,
    algorithm: tsig.algo.replace(/\.$/, ''),
    cloudflareAlgorithm: tsig.algo,
    secret,
    notifyTargets: peers.map((p) => ({ name: p.name, ip: p.ip, port: p.port })),
    // Cloudflare lets the ACL ranges and the linked peers' addresses transfer.
    transferSources: [...new Set([...acls.map((a) => a.ip_range), ...peers.map((p) => p.ip)])],
  };
}

export function zoneFileText(zone: string, serial: number): string {
  return [
    `$ORIGIN ${zone}`,
    '$TTL 300',
    `@ IN SOA ns.cloudflare-stand-in.example. hostmaster.${zone} ( ${serial} 3600 600 604800 300 )`,
    '@ IN NS ns1.secondary-provider.example.',
    '@ IN NS ns2.secondary-provider.example.',
    '@ IN A 192.0.2.10',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 -all"',
    'www IN A 192.0.2.11',
    'www IN AAAA 2001:db8::11',
    'mail IN A 192.0.2.25',
    '',
  ].join('\n');
}

/** The questions asked of the primary and of every secondary to compare what they serve. */
export const PROBES: [string, string][] = [
  ['', 'SOA'], ['', 'NS'], ['', 'A'], ['', 'MX'], ['', 'TXT'], ['www.', 'A'], ['www.', 'AAAA'], ['mail.', 'A'],
];

/** Writes knot.conf for the stand-in primary; returns its path. */
export function writePrimaryConfig(dir: string, listen: string, notifySource: string, port: number, setup: PrimarySetup): string {
  const lines = [
    'server:',
    `  listen: ${listen}@${port}`,
    `  rundir: ${dir}`,
    'log:',
    '  - target: stderr',
    '    any: info',
    'database:',
    `  storage: ${dir}`,
    'key:',
    `  - id: ${setup.keyName}`,
    `    algorithm: ${setup.algorithm}`,
    `    secret: ${setup.secret}`,
    'remote:',
    ...setup.notifyTargets.flatMap((t) => [
      `  - id: peer-${t.name}`,
      `    address: ${t.ip}@${t.port}`,
      `    key: ${setup.keyName}`,
      `    via: ${notifySource}`,
    ]),
    'acl:',
    '  - id: cloudflare-acls-and-peers',
    `    address: [${setup.transferSources.join(', ')}]`,
    `    key: ${setup.keyName}`,
    '    action: transfer',
    'template:',
    '  - id: default',
    `    storage: ${dir}`,
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
    `  - domain: ${setup.zone}`,
    '    file: primary.zone',
    `    notify: [${setup.notifyTargets.map((t) => `peer-${t.name}`).join(', ')}]`,
    '    acl: cloudflare-acls-and-peers',
    '',
  ];
  return writeConfig(dir, 'primary-knot.conf', lines.join('\n'));
}

/** named.conf: the lab's options around the rendered configuration. */
export function writeBindConfig(dir: string, ip: string, port: number, rendered: string): string {
  const options = [
    'options {',
    `  directory "${dir}";`,
    `  pid-file "${join(dir, 'named.pid')}";`,
    `  session-keyfile "${join(dir, 'session.key')}";`,
    `  managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { ${ip}; };`,
    '  listen-on-v6 { none; };',
    '  recursion no;',
    '  dnssec-validation no;',
    '  notify no;',
    // A real secondary transfers from its public address; the lab's is its loopback address.
    `  transfer-source ${ip};`,
    `  query-source address ${ip};`,
    '};',
    'controls { };',
    '',
  ];
  return writeConfig(dir, 'named.conf', options.join('\n') + rendered);
}

/** knot.conf: the lab's server section around the rendered configuration. */
export function writeKnotConfig(dir: string, ip: string, port: number, rendered: string): string {
  const server = ['server:', `  listen: ${ip}@${port}`, `  rundir: ${dir}`, 'log:', '  - target: stderr', '    any: info', 'database:', `  storage: ${dir}`, ''];
  const template = ['template:', '  - id: default', `    storage: ${dir}`, ''];
  // A real secondary transfers from its public address; the lab's is its loopback address.
  const withSource = rendered.replace(/(  - id: cloudflare-primary\n)/, `$1    via: ${ip}\n`);
  if (withSource === rendered) throw new Error('the rendered Knot configuration has no cloudflare-primary remote');
  const text = [...server, ...template].join('\n') + withSource.replace(/(  - id: cloudflare-secondary\n)/, `$1    storage: ${dir}\n`);
  return writeConfig(dir, 'secondary-knot.conf', text);
}

/** nsd.conf: the lab's server clause around the rendered configuration. */
export function writeNsdConfig(dir: string, ip: string, port: number, rendered: string): string {
  const server = [
    'server:',
    `  ip-address: ${ip}@${port}`,
    `  port: ${port}`,
    `  zonesdir: "${dir}"`,
    `  pidfile: "${join(dir, 'nsd.pid')}"`,
    `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `  zonelistfile: "${join(dir, 'zone.list')}"`,
    '  database: ""',
    '  username: ""',
    '  chroot: ""',
    '  verbosity: 2',
    'remote-control:',
    '  control-enable: no',
    '',
  ];
  // A real secondary transfers from its public address; the lab's is its loopback address.
  const withSource = rendered.replace(/(  name: "cloudflare-secondary"\n)/, `$1  outgoing-interface: ${ip}\n`);
  if (withSource === rendered) throw new Error('the rendered NSD configuration has no cloudflare-secondary pattern');
  return writeConfig(dir, 'nsd.conf', server.join('\n') + withSource);
}

function writeConfig(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
