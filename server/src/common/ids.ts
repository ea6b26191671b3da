import { badInput } from './errors';

/** GraphQL IDs are decimal strings of positive integers; anything else is a malformed identifier. */
export function parseId(raw: string, what = 'identifiant'): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw badInput(`${what} mal formé : « ${raw.slice(0, 40)} ».`, 'id');
  const id = Number(raw);
  if (id > 2_147_483_647) throw badInput(`${what} mal formé : « ${raw.slice(0, 40)} ».`, 'id');
  return id;
}
