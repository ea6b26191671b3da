/**
 * Field checks shared by the feeds. Each throws a RowError naming the column and saying, in French,
 * what was expected: the report shows it to the agent who fixes the file.
 */
import { SCHEMES, type Scheme } from '../common/enums';
import { AM_NUMBER_PATTERN } from '../professionals/identifiers';

export class RowError extends Error {
  constructor(
    readonly column: string | null,
    reason: string,
  ) {
    super(reason);
  }
}

export const reject = (column: string | null, reason: string): never => {
  throw new RowError(column, reason);
};

/** The raw row: column name → trimmed text. */
export type RawRow = Record<string, string>;

const quote = (value: string) => `« ${value.length > 60 ? `${value.slice(0, 60)}…` : value} »`;

export function required(row: RawRow, column: string): string {
  const value = row[column] ?? '';
  if (value === '') reject(column, `Valeur obligatoire manquante (colonne ${column}).`);
  return value;
}

export function optional(row: RawRow, column: string): string | null {
  const value = row[column] ?? '';
  return value === '' ? null : value;
}

export function maxLength(column: string, value: string, max: number): string {
  if (value.length > max) reject(column, `Valeur trop longue : ${value.length} caractères, ${max} au plus.`);
  return value;
}

export function amNumber(row: RawRow, column = 'am_number'): string {
  const value = required(row, column).toUpperCase();
  if (!AM_NUMBER_PATTERN.test(value)) {
    reject(
      column,
      `N° Assurance Maladie mal formé : ${quote(value)} (9 caractères attendus : 2 chiffres, ou 2A/2B, puis 7 chiffres).`,
    );
  }
  return value;
}

export function campaignYear(row: RawRow, column = 'campaign_year'): number {
  const value = required(row, column);
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
    reject(column, `Année de campagne invalide : ${quote(value)} (année sur 4 chiffres attendue).`);
  }
  return Number(value);
}

export function scheme(row: RawRow, column = 'scheme'): Scheme {
  const value = required(row, column).toUpperCase();
  if (!(SCHEMES as readonly string[]).includes(value)) {
    reject(column, `Dispositif inconnu : ${quote(value)} (attendu : ${SCHEMES.join(', ')}).`);
  }
  return value as Scheme;
}

export function oneOf<T extends string>(column: string, value: string, allowed: readonly T[], what: string): T {
  const upper = value.toUpperCase();
  if (!(allowed as readonly string[]).includes(upper)) {
    reject(column, `${what} inconnu(e) : ${quote(value)} (attendu : ${allowed.join(', ')}).`);
  }
  return upper as T;
}

const TRUE = new Set(['1', 'OUI', 'O', 'TRUE', 'VRAI', 'YES', 'Y']);
const FALSE = new Set(['0', 'NON', 'N', 'FALSE', 'FAUX', 'NO']);

export function bool(column: string, value: string): boolean {
  const upper = value.toUpperCase();
  if (TRUE.has(upper)) return true;
  if (FALSE.has(upper)) return false;
  return reject(
    column,
    `Oui/non attendu : ${quote(value)} (valeurs admises : oui/non, o/n, 1/0, vrai/faux, true/false, yes/no).`,
  );
}

export function integer(column: string, value: string, min: number, max: number, what: string): number {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d{1,12}$/.test(compact)) reject(column, `${what} : nombre entier attendu, lu ${quote(value)}.`);
  const n = Number(compact);
  if (n < min || n > max) {
    reject(
      column,
      `${what} hors limites : ${n} (entre ${min.toLocaleString('fr-FR')} et ${max.toLocaleString('fr-FR')}).`,
    );
  }
  return n;
}

/** An amount in euros (`1234,56`, `1 234.5`, `-12`), returned in cents. */
export function euros(column: string, value: string): number {
  const compact = value.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(-?)(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) reject(column, `Montant en euros attendu (ex. 1234,56), lu ${quote(value)}.`);
  const [, sign, whole, decimals = ''] = match!;
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return sign ? -cents : cents;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, `YYYY-MM-DD` or `DD/MM/YYYY`, returned as `YYYY-MM-DD`. */
export function calendarDate(column: string, value: string): string {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    if (!match) return reject(column, `Date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA, lu ${quote(value)}.`);
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (!validDate(y, m, d) || y < 1900 || y > 2100) reject(column, `Date inexistante : ${quote(value)}.`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An instant in ISO 8601 with its offset (`2024-03-05T10:12:00Z`, `2024-03-05T11:12:00+01:00`), kept to the
 * second: datetime columns store seconds, and the import compares what is stored.
 */
export function instant(column: string, value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(
    value,
  );
  if (!match) {
    return reject(
      column,
      `Horodatage attendu au format ISO 8601 avec fuseau (ex. 2024-03-05T10:12:00+01:00), lu ${quote(value)}.`,
    );
  }
  const [, y, mo, d, h, mi, s = '00'] = match;
  if (!validDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    reject(column, `Horodatage inexistant : ${quote(value)}.`);
  }
  const date = new Date(value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) reject(column, `Horodatage illisible : ${quote(value)}.`);
  date.setUTCMilliseconds(0);
  return date;
}

export { quote };
