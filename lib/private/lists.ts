/**
 * Groups `items` by `key`, in the order each key first appears. Items whose
 * key is `undefined` (an unknown token, an invalid value) are left out.
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The groups of `items` by `key` that have more than one member (see {@link groupBy}). */
export function findDuplicates<T>(items: readonly T[], key: (item: T) => string | undefined): T[][] {
  return [...groupBy(items, key).values()].filter((group) => group.length > 1);
}

/**
 * The construct id of a child named by the user. Construct ids become
 * Terraform addresses, so they come from names, never from list positions;
 * constructs would turn "/" into "--" anyway, doing it here lets duplicate
 * checks see the clash.
 */
export function childIdFromName(name: string): string {
  return name.replace(/\//g, '--');
}

/** Compares strings by code unit, so that sort order never depends on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` joined by commas; past `shown` of them, the first `shown` and a
 * count, so that a message about a fleet of thousands of zones stays readable.
 */
export function listSome(items: readonly string[], shown = 20): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more (${items.length} in all)`;
}
