/**
 * Relay-style connections with opaque cursors over indexed keys (never OFFSET): page 1 000 costs what page 1 costs.
 */
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`« first » doit être compris entre 1 et ${MAX_PAGE_SIZE}.`, 'first');
  }
  return first;
}

/** A cursor is the sort key of the last row, base64url-encoded JSON; its shape is checked on the way back. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string | null | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('Curseur de pagination invalide.', 'after');
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw badInput('Curseur de pagination invalide.', 'after');
  }
  return key as { [K in keyof T]: T[K] extends 'string' ? string : number };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Rows fetched with limit+1 become a page: the extra row only says there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]) {
  const hasNextPage = rows.length > limit;
  const nodes = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return { edges, nodes, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
