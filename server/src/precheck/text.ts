/**
 * Searching extracted words: every word is folded (lower case, accents and punctuation removed) into one
 * or more tokens that remember the word they came from, so that a match always points back to visible words.
 */
import type { Box, Word } from './precheck.types';

const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss' };

/** Lower case, no accents, no punctuation, single spaces: 'Éditions  Santé-Numérique' → 'editions sante numerique'. */
export function fold(text: string): string {
  return text
    .replace(/[ŒœÆæß]/g, (c) => LIGATURES[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Token {
  text: string;
  /** Index of the word in the document's word list. */
  word: number;
}

/** A searchable document: folded tokens, each pointing to its word. */
export interface SearchDoc {
  words: Word[];
  tokens: Token[];
}

/** Words read with a confidence below this are never used as evidence. */
export const MIN_WORD_CONFIDENCE = 50;

export function searchDoc(words: Word[]): SearchDoc {
  const tokens: Token[] = [];
  words.forEach((word, index) => {
    if (word.c < MIN_WORD_CONFIDENCE) return;
    for (const text of fold(word.t).split(' ')) if (text) tokens.push({ text, word: index });
  });
  return { words, tokens };
}

export interface Match {
  /** First and last token index (inclusive). */
  from: number;
  to: number;
}

/**
 * Whether a token read by OCR is the wanted word with one letter misread, missing or added
 * ('certifie' read 'certific', 'dentalia' read 'dentalla'). Only for words of six letters or more, and
 * never on digits: a short word or a number one letter away is another word.
 */
export function nearlyEqual(read: string, wanted: string): boolean {
  if (read === wanted) return true;
  if (wanted.length < 6 || read.length < 5 || /\d/.test(wanted) || /\d/.test(read)) return false;
  if (Math.abs(read.length - wanted.length) > 1) return false;
  // One edit at most: walk both until the first difference, then compare the rests.
  let i = 0;
  while (i < read.length && i < wanted.length && read[i] === wanted[i]) i += 1;
  if (i === 0) return false; // the first letter is never the misread one
  return (
    read.slice(i + 1) === wanted.slice(i + 1) || // one letter replaced
    read.slice(i) === wanted.slice(i + 1) || // one letter missing
    read.slice(i + 1) === wanted.slice(i) // one letter added
  );
}

/**
 * How OCR misreads the short fixed words a piece must show, too short for `nearlyEqual` (« DMP » read
 * « DWP » at low resolution). Only for the wording searched tolerantly; none is a French word.
 */
const MISREADS: Record<string, string[]> = { dmp: ['dwp', 'dnp', 'drnp', 'dvp'] };

/** `nearlyEqual`, or a known misread of a short fixed word. */
export function ocrEqual(read: string, wanted: string): boolean {
  return nearlyEqual(read, wanted) || (MISREADS[wanted]?.includes(read) ?? false);
}

export interface FindOptions {
  /**
   * Tolerate one misread letter per word of six letters or more (OCR). For what the piece must show (a
   * mention, the declared name), never for what would contradict the declaration.
   */
  tolerant?: boolean;
}

/** Every place where the phrase's tokens appear in a row (also written without spaces: 'Cabinet Plus' ≈ 'CabinetPlus'). */
export function findPhrase(doc: SearchDoc, phrase: string, options: FindOptions = {}): Match[] {
  const wanted = fold(phrase).split(' ').filter(Boolean);
  if (wanted.length === 0) return [];
  const compact = wanted.join('');
  const matches: Match[] = [];
  const { tokens } = doc;
  const same = options.tolerant ? ocrEqual : (a: string, b: string) => a === b;
  for (let i = 0; i < tokens.length; i += 1) {
    if (wanted.every((w, k) => tokens[i + k] !== undefined && same(tokens[i + k]!.text, w))) {
      matches.push({ from: i, to: i + wanted.length - 1 });
      continue;
    }
    if (options.tolerant) {
      const to = brokenWordsAt(tokens, i, wanted);
      if (to !== null) {
        matches.push({ from: i, to });
        continue;
      }
    }
    // The same letters split or joined differently (at most four tokens).
    let joined = '';
    for (let k = 0; k < 4 && i + k < tokens.length; k += 1) {
      joined += tokens[i + k]!.text;
      if (joined === compact && (k > 0 || wanted.length > 1)) {
        matches.push({ from: i, to: i + k });
        break;
      }
      if (!compact.startsWith(joined)) break;
    }
  }
  return matches;
}

/**
 * The wanted words at token `start`, each one read whole or broken by OCR into up to three pieces
 * (« Conpat i ble », « ATTESTATI ON »), with one misread letter per word as `ocrEqual` allows. The
 * index of the last token, or null.
 */
function brokenWordsAt(tokens: Token[], start: number, wanted: string[]): number | null {
  let next = start;
  for (const word of wanted) {
    let joined = '';
    let end = -1;
    for (let k = next; k < next + 3 && k < tokens.length && joined.length <= word.length; k += 1) {
      joined += tokens[k]!.text;
      if (ocrEqual(joined, word)) {
        end = k;
        break;
      }
    }
    if (end < 0) return null;
    next = end + 1;
  }
  return next - 1;
}

/** The tokens from `from` to `to` as folded text, separated by spaces. */
export function tokenText(doc: SearchDoc, from: number, to: number): string {
  return doc.tokens
    .slice(from, to + 1)
    .map((t) => t.text)
    .join(' ');
}

export interface Evidence {
  snippet: string;
  page: number;
  box: Box;
}

/** The visible words behind tokens `from`..`to`: their text as read, page and the union of their boxes. */
export function evidence(doc: SearchDoc, match: Match): Evidence {
  // Every word between the first and the last matched one, punctuation included (« Client : Dr … »).
  const indexes = doc.tokens.slice(match.from, match.to + 1).map((t) => t.word);
  const [first, last] = [Math.min(...indexes), Math.max(...indexes)];
  const words = doc.words.slice(first, last + 1);
  const page = words[0]!.p;
  const onPage = words.filter((w) => w.p === page);
  const x0 = Math.min(...onPage.map((w) => w.b.x));
  const y0 = Math.min(...onPage.map((w) => w.b.y));
  const x1 = Math.max(...onPage.map((w) => w.b.x + w.b.w));
  const y1 = Math.max(...onPage.map((w) => w.b.y + w.b.h));
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    snippet: words.map((w) => w.t).join(' '),
    page,
    box: { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) },
  };
}

/** The token indexes of the line holding token `index` (same page and line). */
export function lineOf(doc: SearchDoc, index: number): Match {
  const word = doc.words[doc.tokens[index]!.word]!;
  const same = (i: number) => {
    const w = doc.words[doc.tokens[i]!.word]!;
    return w.p === word.p && w.l === word.l;
  };
  let from = index;
  let to = index;
  while (from > 0 && same(from - 1)) from -= 1;
  while (to < doc.tokens.length - 1 && same(to + 1)) to += 1;
  return { from, to };
}
