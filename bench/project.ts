/**
 * The floor answers with exactly the fields a GraphQL operation selects: the selection set of the
 * operation's root field becomes a projection applied to plain objects.
 */
import { Kind, parse, type SelectionSetNode } from 'graphql';

export interface Selection {
  [field: string]: Selection | true;
}

function toSelection(set: SelectionSetNode): Selection {
  const out: Selection = {};
  for (const s of set.selections) {
    if (s.kind !== Kind.FIELD) throw new Error('fragments are not used by the bench operations');
    out[(s.alias ?? s.name).value] = s.selectionSet ? toSelection(s.selectionSet) : true;
  }
  return out;
}

/** The selection under the operation's (single) root field. */
export function rootSelection(query: string): { field: string; selection: Selection } {
  const doc = parse(query);
  const op = doc.definitions[0];
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) throw new Error('one operation expected');
  const root = op.selectionSet.selections[0];
  if (!root || root.kind !== Kind.FIELD || !root.selectionSet) throw new Error('one root field expected');
  return { field: root.name.value, selection: toSelection(root.selectionSet) };
}

const scalar = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

export function project(value: unknown, selection: Selection | true): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, selection));
  if (selection === true) return scalar(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, sub] of Object.entries(selection)) out[field] = project(source[field], sub);
  return out;
}

/** First difference between two JSON values, as a path, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const d = firstDifference(ao[key], bo[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}
