/**
 * Identifier formats (shared/domain/public-facts.md §6). No check key is applied: none could be
 * confirmed from a public source, and an official example RPPS fails Luhn.
 */
export type IdentifierKind = 'AM_NUMBER' | 'RPPS' | 'ADELI';

export const AM_NUMBER_PATTERN = /^(?:\d{2}|2[AB])\d{7}$/;
export const RPPS_PATTERN = /^\d{11}$/;
export const ADELI_PATTERN = /^\d{9}$/;

export type ParsedQuery =
  | { kind: 'IDENTIFIER'; value: string; candidates: IdentifierKind[] }
  | { kind: 'NAME'; value: string }
  | { kind: 'MALFORMED_IDENTIFIER'; value: string };

/** Decides whether a search box holds an identifier (exact match) or the start of a name. */
export function parseSearchQuery(raw: string): ParsedQuery {
  const value = raw.trim().replace(/[\s.-]/g, (c) => (/\d/.test(raw) ? '' : c));
  const compact = value.toUpperCase();
  if (RPPS_PATTERN.test(compact)) return { kind: 'IDENTIFIER', value: compact, candidates: ['RPPS'] };
  if (ADELI_PATTERN.test(compact)) return { kind: 'IDENTIFIER', value: compact, candidates: ['AM_NUMBER', 'ADELI'] };
  if (AM_NUMBER_PATTERN.test(compact)) return { kind: 'IDENTIFIER', value: compact, candidates: ['AM_NUMBER'] };
  if (/\d/.test(compact)) return { kind: 'MALFORMED_IDENTIFIER', value: raw.trim() };
  return { kind: 'NAME', value: raw.trim() };
}
