import markdownTable = require('markdown-table');
import { Change, Risk } from './diff';
import { ReviewModel } from './model';
import { listSome } from '../private/lists';

/** A Markdown table; cells are escaped so that a pipe or a newline in a value cannot break the table. */
function table(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return markdownTable([header, ...rows].map((row) => row.map(cell)));
}

/**
 * A table of as many of `rows` (from the top) as fit in `budget` characters,
 * with a line saying how many were left out; every row when `budget` is
 * undefined. Rows are sorted by importance by the caller (changes riskiest
 * first), so what is cut is the tail.
 */
function tableWithin(header: string[], rows: string[][], budget: number | undefined): string {
  const full = table(header, rows);
  if (budget === undefined || full.length <= budget) return full;
  const cut = (shown: number) =>
    `${table(header, rows.slice(0, shown))}\n\n_${rows.length - shown} more row(s) not shown: the review is cut to its maximum length. ` +
    'Run `review` without `--max-length` for all of them._';
  // The longest prefix of rows that fits (each render is linear, so a binary search keeps thousands of rows fast).
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (cut(middle).length <= budget) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}

/** How to render a review. */
export interface MarkdownOptions {
  /**
   * At most this many characters (a pull-request comment holds 65,536): the
   * zone or change table keeps as many rows as fit, and says how many it left out.
   * @default - no limit
   */
  readonly maxLength?: number;
}

const list = (items: readonly string[]) => (items.length === 0 ? '-' : items.join(', '));
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Zones of an account object: a fleet links thousands, so past 20 the rest are counted. */
const zoneList = (zones: readonly string[]) => (zones.length === 0 ? '-' : listSome(zones));

/**
 * The last resort of `maxLength`: when the sections other than the cut table
 * are too long by themselves (thousands of findings), whole lines from the
 * end go, and a last line says so.
 */
function cutToLength(text: string, maxLength: number | undefined): string {
  if (maxLength === undefined || text.length <= maxLength) return text;
  const note = '\n\n_The rest of the review is cut at its maximum length: run `review` without `--max-length` for all of it._\n';
  const end = text.lastIndexOf('\n', Math.max(0, maxLength - note.length));
  return `${text.slice(0, Math.max(0, end))}${note}`;
}

/** The report of every zone with outgoing transfers in one synth output. */
export function renderReviewMarkdown(model: ReviewModel, options: MarkdownOptions = {}): string {
  const stacks = new Set(model.zones.map((z) => z.stack)).size;
  const keyName = new Map(model.tsigKeys.map((k) => [`${k.stack}|${k.address}`, `${k.name} (${k.algorithm})`]));
  const intro = [
    '# Outgoing zone transfers',
    '',
    `${model.zones.length} zone(s) with outgoing transfers in ${stacks} stack(s).`,
    '',
    '## Zones',
    '',
  ];
  const after = [
    '',
    '## Account objects',
    '',
    '### TSIG keys',
    '',
    model.tsigKeys.length === 0 ? 'None.' : table(['key', 'algorithm', 'secret', 'stack', 'used by zones'],
      model.tsigKeys.map((k) => [k.name, k.algorithm, k.secretSource, k.stack, zoneList(k.zones)])),
    '',
    '### Peers',
    '',
    model.peers.length === 0 ? 'None.' : table(['peer', 'address', 'TSIG key', 'stack', 'used by zones'],
      model.peers.map((p) => [p.name, p.endpoint, p.tsigKey, p.stack, zoneList(p.zones)])),
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
    after.push('### Acknowledged', '', table(['check', 'stack', 'construct', 'reason'],
      model.acknowledgements.map((a) => [a.check, a.stack, a.construct, a.reason])), '');
  }
  // The zone table grows with the fleet: it gets what the other sections leave.
  const others = [...intro, ...after];
  const budget = options.maxLength === undefined ? undefined : options.maxLength - others.join('\n').length - 1;
  const zones = model.zones.length === 0 ? 'No zone has outgoing transfers.' : tableWithin(
    ['zone', 'stack', 'peers', 'TSIG key', 'ACL ranges', 'apex NS', 'multi-provider', 'enabled by library', 'hidden secondary'],
    model.zones.map((z) => [
      z.zone, z.stack, list(z.peers.map((p) => `${p.name} ${p.endpoint}`)),
      list(z.tsigKeys.map((k) => (k === '' ? 'none' : keyName.get(k) ?? 'an existing key'))),
      list(z.aclRanges), list(z.nameservers), z.multiProvider ? 'on' : 'off', yesNo(z.enabledByLibrary), yesNo(z.hiddenSecondary),
    ]),
    budget,
  );
  return cutToLength([...intro, zones, ...after].join('\n'), options.maxLength);
}

/** The changes from a base synth output to this one. */
export function renderDiffMarkdown(changes: readonly Change[], options: MarkdownOptions = {}): string {
  const count = (risk: Risk) => changes.filter((c) => c.risk === risk).length;
  if (changes.length === 0) return '# Outgoing zone transfers: changes\n\nNo changes to outgoing zone transfers.\n';
  const summary = `${count(Risk.HIGH)} high-risk, ${count(Risk.MEDIUM)} medium-risk and ${count(Risk.LOW)} low-risk change(s).`;
  const head = ['# Outgoing zone transfers: changes', '', count(Risk.HIGH) > 0 ? `**${summary}**` : summary, '', ''].join('\n');
  const rows = changes.map((c) => [c.risk, c.scope, c.kind, c.subject, c.before, c.after, c.reason]);
  const budget = options.maxLength === undefined ? undefined : options.maxLength - head.length - 1;
  return cutToLength(`${head}${tableWithin(['risk', 'zone', 'change', 'subject', 'before', 'after', 'why it matters'], rows, budget)}\n`, options.maxLength);
}
