/**
 * Groups `items` by `key` and returns the groups with more than one member,
 * in the order their key first appears. Items whose key is `undefined` (an
 * unknown token, an invalid value) are ignored.
 */
export function findDuplicates<T>(items: readonly T[], key: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
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
