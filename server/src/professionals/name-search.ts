/**
 * What a typed name matches. A professional's search key is 'SURNAME FIRST NAMES' (normalize.ts); agents
 * type either order (« lefevre eloise », « eloise lefevre », « hélène côté ») and often stop early
 * (« eloise lef »). Each pattern is a SQL LIKE prefix on the key, so every one is an index range:
 * - as typed: the key starts with the words typed, the last one possibly unfinished;
 * - rotated: for each way to cut the words in two, the surname part first, then the first-name part,
 *   each word of both possibly unfinished ('LEF% ELOISE%').
 */
import { searchKey } from './normalize';

/** Escapes LIKE wildcards with '!', which reads the same in both dialects (`ESCAPE '!'`). */
const literal = (text: string) => text.replace(/[!%_]/g, '!$&');

/** The LIKE patterns (escaped, for `search_name LIKE ? ESCAPE '!'`) of a typed name; none if it has no letter. */
export function nameSearchPatterns(typed: string): string[] {
  const key = searchKey(typed);
  if (!key) return [];
  const words = key.split(' ');
  const patterns = [`${literal(key)}%`];
  // Rotations only for a few words: beyond four, a name typed out of order is not a name any more.
  if (words.length >= 2 && words.length <= 4) {
    for (let cut = 1; cut < words.length; cut += 1) {
      const firstNames = words.slice(0, cut).map(literal).join('% ');
      const surname = words.slice(cut).map(literal).join('% ');
      patterns.push(`${surname}% ${firstNames}%`);
    }
  }
  return patterns;
}
