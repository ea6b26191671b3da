/**
 * CSV as the feeds exchange it: UTF-8 (a leading BOM is tolerated), `;` between fields, a header row,
 * RFC 4180 quoting (a quoted field may hold `;`, `""` and line breaks). Parsed as a stream: memory stays
 * flat whatever the file size.
 */

export interface CsvRecord {
  /** Physical line (1-based) where the record starts: the line an agent finds in a text editor. */
  line: number;
  fields: string[];
  /** Set when the record is malformed (quotes); its fields are then unreliable. */
  error?: string;
}

export class CsvFileError extends Error {}

const SEMICOLON = 59;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses a byte stream into records. `onBytes` is told how many bytes each chunk had (progress).
 * Invalid UTF-8 or a NUL character stops the file: it is not the text file the feed promised.
 */
export async function* parseCsv(
  source: AsyncIterable<Buffer | string>,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false; // the closing quote of a quoted field was just read
  let pendingCr = false;
  let line = 1;
  let recordLine = 1;
  let recordError: string | undefined;
  let empty = true; // nothing read in the current record yet
  const ready: CsvRecord[] = [];

  const endRecord = () => {
    fields.push(field);
    // A blank line is not a record.
    if (!(empty && fields.length === 1 && field === '')) {
      ready.push(recordError ? { line: recordLine, fields, error: recordError } : { line: recordLine, fields });
    }
    fields = [];
    field = '';
    afterQuote = false;
    recordError = undefined;
    empty = true;
  };

  const consume = (text: string) => {
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const at = line + (text.slice(0, nul).match(/\n/g)?.length ?? 0);
      throw new CsvFileError(`Caractère NUL à la ligne ${at} : ce n'est pas un fichier texte.`);
    }
    let start = 0; // start of the pending run of plain characters in `text`
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (c === QUOTE) {
          // Closes the field, unless the next character is another quote (`""` is one quote): see below.
          field += text.slice(start, i);
          inQuotes = false;
          afterQuote = true;
          start = i + 1;
        } else if (c === LF) {
          line++;
        }
        continue;
      }
      if (c === SEMICOLON) {
        field += text.slice(start, i);
        fields.push(field);
        field = '';
        afterQuote = false;
        empty = false;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += text.slice(start, i);
        endRecord();
        line++;
        recordLine = line;
        if (c === CR) pendingCr = true;
        start = i + 1;
      } else if (c === QUOTE) {
        if (afterQuote) {
          // `""` inside a quoted field: the quote that seemed to close it was an escaped one.
          field += '"';
          inQuotes = true;
          afterQuote = false;
          start = i + 1;
        } else if (field === '' && start === i) {
          inQuotes = true;
          empty = false;
          start = i + 1;
        }
        // A quote inside an unquoted field is kept as a character (lenient, like spreadsheets).
      } else {
        empty = false;
        if (afterQuote) {
          recordError ??= 'Guillemets mal fermés : des caractères suivent le guillemet fermant.';
          afterQuote = false;
        }
      }
    }
    if (start < n) field += text.slice(start);
  };

  let first = true;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes(bytes.length);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new CsvFileError(`Le fichier n'est pas encodé en UTF-8 valide (vers la ligne ${line}).`);
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    consume(text);
    if (ready.length) yield* ready.splice(0, ready.length);
  }
  try {
    consume(decoder.decode());
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    throw new CsvFileError(`Le fichier n'est pas encodé en UTF-8 valide (fin du fichier).`);
  }
  if (inQuotes) recordError = 'Guillemet ouvrant jamais refermé avant la fin du fichier.';
  if (!empty || fields.length > 0 || field !== '') endRecord();
  if (ready.length) yield* ready.splice(0, ready.length);
}

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | { raw: string } | null | undefined;

/** One output cell: numbers as they are, text quoted when needed and defused against formulas. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value.raw;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}

export const UTF8_BOM = '\uFEFF';

/**
 * A delimited text without quoting (the Annuaire Santé extract: `|` between fields, no field ever holds
 * one). Same contract as parseCsv — BOM dropped, invalid UTF-8 or NUL fails the file, blank lines
 * skipped, physical line numbers — but split with indexOf: a national file has two million lines.
 */
export async function* parseDelimited(
  source: AsyncIterable<Buffer | string>,
  separator: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let rest = '';
  let line = 0;
  let first = true;
  const records: CsvRecord[] = [];
  const consume = (text: string, final: boolean) => {
    if (text.includes('\u0000')) {
      const nul = text.indexOf('\u0000');
      const at = line + 1 + (text.slice(0, nul).match(/\n/g)?.length ?? 0);
      throw new CsvFileError(`Caractère NUL à la ligne ${at} : ce n'est pas un fichier texte.`);
    }
    const all = rest + text;
    let start = 0;
    for (;;) {
      const end = all.indexOf('\n', start);
      if (end < 0) break;
      line += 1;
      const raw = all.charCodeAt(end - 1) === 13 ? all.slice(start, end - 1) : all.slice(start, end);
      if (raw !== '') records.push({ line, fields: raw.split(separator) });
      start = end + 1;
    }
    rest = all.slice(start);
    if (final && rest !== '') {
      line += 1;
      const raw = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
      if (raw !== '') records.push({ line, fields: raw.split(separator) });
      rest = '';
    }
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes(bytes.length);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new CsvFileError(`Le fichier n'est pas encodé en UTF-8 valide (vers la ligne ${line + 1}).`);
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    consume(text, false);
    if (records.length) yield* records.splice(0, records.length);
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new CsvFileError(`Le fichier n'est pas encodé en UTF-8 valide (fin du fichier).`);
  }
  consume(tail, true);
  if (records.length) yield* records.splice(0, records.length);
}
