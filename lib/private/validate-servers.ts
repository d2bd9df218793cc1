import { SecondaryServer } from '../secondary-config/secondary-server';
import { ITsigKey } from '../tsig-key';
import { findDuplicates } from './lists';
import { ProblemList } from './problems';

const SERVERS: readonly string[] = Object.values(SecondaryServer);

/** A list of `SecondaryServer` values without duplicates (`undefined` means none). */
export function validateServerList(value: unknown, field: string, problems: ProblemList): SecondaryServer[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(field, value, 'must be an array of SecondaryServer values.', 'pass for example [SecondaryServer.BIND].');
    return undefined;
  }
  let ok = true;
  value.forEach((item, i) => {
    if (!SERVERS.includes(item)) {
      problems.add(`${field}[${i}]`, item, `must be one of ${SERVERS.join(', ')}.`, 'pass a SecondaryServer value, such as SecondaryServer.KNOT.');
      ok = false;
    }
  });
  for (const group of findDuplicates(value as string[], (s) => s)) {
    problems.add(field, group[0], 'each server may be listed once.', 'remove the duplicate.');
    ok = false;
  }
  return ok ? (value as SecondaryServer[]) : undefined;
}

/** A rendered configuration needs the key's secret: a key created here, or an imported one with its secret. */
export function requireKnownSecret(key: ITsigKey | undefined, createsKey: boolean, problems: ProblemList): void {
  if (createsKey) return;
  if (key === undefined) {
    problems.add('configOutputs', 'no TSIG key', 'a rendered secondary configuration needs a TSIG key.', 'set `tsig: { name: ... }` (or `tsigKey`), or remove `configOutputs`.');
  } else if (key.secret === undefined) {
    problems.add('configOutputs', key.node.path, 'the imported TSIG key has no known secret, so no configuration can be rendered.', 'pass `secret` to TsigKey.fromTsigKeyId, or remove `configOutputs`.');
  }
}
