import markdownTable = require('markdown-table');
import { Change, Risk } from './diff';
import { ReviewModel } from './model';

/** A Markdown table; cells are escaped so that a pipe or a newline in a value cannot break the table. */
function table(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return markdownTable([header, ...rows].map((row) => row.map(cell)));
}

const list = (items: readonly string[]) => (items.length === 0 ? '-' : items.join(', '));
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The report of every zone with outgoing transfers in one synth output. */
export function renderReviewMarkdown(model: ReviewModel): string {
  const stacks = new Set(model.zones.map((z) => z.stack)).size;
  const keyName = new Map(model.tsigKeys.map((k) => [`${k.stack}|${k.address}`, `${k.name} (${k.algorithm})`]));
  const parts = [
    '# Outgoing zone transfers',
    '',
    `${model.zones.length} zone(s) with outgoing transfers in ${stacks} stack(s).`,
    '',
    '## Zones',
    '',
    model.zones.length === 0 ? 'No zone has outgoing transfers.' : table(
      ['zone', 'stack', 'peers', 'TSIG key', 'ACL ranges', 'apex NS', 'multi-provider', 'enabled by library', 'hidden secondary'],
      model.zones.map((z) => [
        z.zone, z.stack, list(z.peers.map((p) => `${p.name} ${p.endpoint}`)),
        list(z.tsigKeys.map((k) => (k === '' ? 'none' : keyName.get(k) ?? 'an existing key'))),
        list(z.aclRanges), list(z.nameservers), z.multiProvider ? 'on' : 'off', yesNo(z.enabledByLibrary), yesNo(z.hiddenSecondary),
      ]),
    ),
    '',
    '## Account objects',
    '',
    '### TSIG keys',
    '',
    model.tsigKeys.length === 0 ? 'None.' : table(['key', 'algorithm', 'secret', 'stack', 'used by zones'],
      model.tsigKeys.map((k) => [k.name, k.algorithm, k.secretSource, k.stack, list(k.zones)])),
    '',
    '### Peers',
    '',
    model.peers.length === 0 ? 'None.' : table(['peer', 'address', 'TSIG key', 'stack', 'used by zones'],
      model.peers.map((p) => [p.name, p.endpoint, p.tsigKey, p.stack, list(p.zones)])),
    '',
    '### ACLs (every zone of the account)',
    '',
    model.acls.length === 0 ? 'None.' : table(['ACL', 'range', 'stack'], model.acls.map((a) => [a.name, a.ipRange, a.stack])),
    '',
    '## Pre-flight findings',
    '',
    model.findings.length === 0 ? 'None.' : table(['level', 'check', 'stack', 'construct', 'finding'],
      model.findings.map((f) => [f.level, f.check, f.stack, f.construct, f.message])),
    '',
  ];
  if (model.acknowledgements.length > 0) {
    parts.push('### Acknowledged', '', table(['check', 'stack', 'construct', 'reason'],
      model.acknowledgements.map((a) => [a.check, a.stack, a.construct, a.reason])), '');
  }
  return parts.join('\n');
}

/** The changes from a base synth output to this one. */
export function renderDiffMarkdown(changes: readonly Change[]): string {
  const count = (risk: Risk) => changes.filter((c) => c.risk === risk).length;
  if (changes.length === 0) return '# Outgoing zone transfers: changes\n\nNo changes to outgoing zone transfers.\n';
  const summary = `${count(Risk.HIGH)} high-risk, ${count(Risk.MEDIUM)} medium-risk and ${count(Risk.LOW)} low-risk change(s).`;
  return [
    '# Outgoing zone transfers: changes',
    '',
    count(Risk.HIGH) > 0 ? `**${summary}**` : summary,
    '',
    table(['risk', 'zone', 'change', 'subject', 'before', 'after', 'why it matters'],
      changes.map((c) => [c.risk, c.scope, c.kind, c.subject, c.before, c.after, c.reason])),
    '',
  ].join('\n');
}
