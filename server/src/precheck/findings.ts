/**
 * The pré-contrôle's findings: for each checklist item of the indicator, the evidence on the piece.
 * Pure functions over the extracted words. FOUND only with words a person can see (their snippet, page
 * and box); CONTRADICTED with the words that contradict and the reason; NOT_FOUND otherwise. A piece
 * read with too little confidence gives NOT_FOUND everywhere, saying it is illegible.
 */
import type { CatalogueName, Extraction, Finding, PrecheckExpectation, PrecheckStatus } from './precheck.types';
import {
  evidence,
  findPhrase,
  fold,
  lineOf,
  nearlyEqual,
  searchDoc,
  tokenText,
  type Match,
  type SearchDoc,
} from './text';

/** Below this mean OCR confidence, the piece is declared illegible and nothing is asserted. */
export const MIN_READ_CONFIDENCE = 55;
/** A text layer with fewer letters than this is treated as absent (a scan inside a PDF). */
export const MIN_TEXT_LAYER_CHARS = 40;

export interface PrecheckOutcome {
  status: Extract<PrecheckStatus, 'DONE' | 'UNREADABLE'>;
  findings: Finding[];
}

export function precheckFindings(extraction: Extraction, expectation: PrecheckExpectation): PrecheckOutcome {
  const letters = extraction.words.reduce((n, w) => n + w.t.length, 0);
  const illegible =
    letters < MIN_TEXT_LAYER_CHARS
      ? 'Pièce illisible : aucun texte lisible. À lire par l’agent.'
      : extraction.confidence !== null && extraction.confidence < MIN_READ_CONFIDENCE
        ? `Pièce illisible (confiance de lecture ${Math.round(extraction.confidence)} %) : à lire par l’agent.`
        : null;
  if (illegible) {
    return {
      status: 'UNREADABLE',
      findings: expectation.checklist.map((c) => notFound(c.code, illegible)),
    };
  }
  const doc = searchDoc(extraction.words);
  return {
    status: 'DONE',
    findings: expectation.checklist.map((c) => {
      const detect = DETECTORS[c.code];
      return detect ? detect(doc, expectation) : notFound(c.code, 'Pas de lecture automatique pour cet élément.');
    }),
  };
}

type Detector = (doc: SearchDoc, expectation: PrecheckExpectation) => Finding;

const DETECTORS: Record<string, Detector> = {
  DOCUMENT_TYPE: documentType,
  PUBLISHER_IDENTIFIED: (doc, e) =>
    catalogueItem(doc, 'PUBLISHER_IDENTIFIED', e.declared?.publisher ?? null, e.catalogue.publishers, 'Éditeur'),
  SOFTWARE_NAME: (doc, e) =>
    catalogueItem(doc, 'SOFTWARE_NAME', e.declared?.software ?? null, e.catalogue.software, 'Logiciel'),
  SOFTWARE_VERSION: softwareVersion,
  ACQUISITION_DATE: acquisitionDate,
  NOMINATIVE: nominative,
  DMP_COMPATIBLE_MENTION: dmpMention,
  CONNECTOR_OR_PACK_STATED: (doc) =>
    // Read exactly: a publisher named « Connecteurs & Co » states no connector.
    firstOf(
      doc,
      'CONNECTOR_OR_PACK_STATED',
      ['connecteur', 'pack'],
      'Élément facultatif : à vérifier le cas échéant.',
      false,
    ),
  LAP_CERTIFIED: lapCertified,
};

/**
 * The fixed wording a piece must show (« facture », « DMP compatible », « certifié ») is found with one
 * misread letter per long word; names (the holder's, the catalogue's) and what contradicts are read exactly.
 */
const TOLERANT = { tolerant: true } as const;

const notFound = (item: string, reason: string | null = null): Finding => ({
  item,
  status: 'NOT_FOUND',
  snippet: null,
  page: null,
  box: null,
  reason,
});

function found(doc: SearchDoc, item: string, match: Match, reason: string | null = null): Finding {
  return { item, status: 'FOUND', ...withLine(doc, match), reason };
}

function contradicted(doc: SearchDoc, item: string, match: Match, reason: string): Finding {
  return { item, status: 'CONTRADICTED', ...withLine(doc, match), reason };
}

/** The matched words' box and page, with their whole line as the snippet (what the agent reads). */
function withLine(doc: SearchDoc, match: Match) {
  const hit = evidence(doc, match);
  const line = lineOf(doc, match.from);
  // Evidence over two lines (OCR splits sentences): the words matched, else the whole line read.
  const text = match.to > line.to ? hit.snippet : evidence(doc, line).snippet;
  const snippet = text.length <= 160 ? text : hit.snippet;
  return { snippet, page: hit.page, box: hit.box };
}

function firstOf(
  doc: SearchDoc,
  item: string,
  phrases: string[],
  missing: string | null = null,
  tolerant = true,
): Finding {
  const matches = phrases.flatMap((p) => findPhrase(doc, p, { tolerant })).sort((a, b) => a.from - b.from);
  return matches[0] ? found(doc, item, matches[0]) : notFound(item, missing);
}

// ---------------------------------------------------------------------------------------------------
// Document kind

const ACCEPTED_KINDS = ['facture', 'bon de commande', 'attestation'];

function documentType(doc: SearchDoc): Finding {
  const kinds = ACCEPTED_KINDS.flatMap((p) => findPhrase(doc, p, TOLERANT))
    // « Facturé à : Dr … » labels the customer, on a quote too: it says nothing of the document's kind.
    .filter((m) => doc.tokens[m.to + 1]?.text !== 'a')
    .sort((a, b) => a.from - b.from);
  if (kinds[0]) return found(doc, 'DOCUMENT_TYPE', kinds[0]);
  const quote = findPhrase(doc, 'devis')[0];
  if (quote) {
    return contradicted(
      doc,
      'DOCUMENT_TYPE',
      quote,
      'Un devis n’est pas recevable : facture, bon de commande émis ou attestation de l’éditeur attendus.',
    );
  }
  return notFound('DOCUMENT_TYPE', 'Ni « facture », ni « bon de commande », ni « attestation » lus sur la pièce.');
}

// ---------------------------------------------------------------------------------------------------
// Publisher and software, against the declaration and the catalogue

function catalogueItem(
  doc: SearchDoc,
  item: string,
  declared: string | null,
  catalogue: CatalogueName[],
  what: 'Éditeur' | 'Logiciel',
): Finding {
  const declaredKey = declared ? fold(declared) : null;
  const entry = catalogue.find((c) => fold(c.name) === declaredKey);
  // The declared one under its name, else under a name it is known by.
  const declaredNames = declared ? [declared, ...(entry?.aliases ?? [])] : [];
  for (const name of declaredNames) {
    const hit = findPhrase(doc, name)[0];
    if (!hit) continue;
    const reason = name === declared ? null : `« ${name} » est un autre nom de « ${declared} » au catalogue.`;
    return found(doc, item, hit, reason);
  }
  // Another catalogue entry under any of its names; a name the declared entry shares is never another's.
  const mine = new Set(declaredNames.map(fold));
  const others = catalogue
    .filter((c) => fold(c.name) !== declaredKey)
    .flatMap((c) => [c.name, ...c.aliases].map((written) => ({ entry: c.name, written })))
    .filter((o) => !mine.has(fold(o.written)))
    // Longest names first: 'Praxis Consultation' is not read as an unrelated 'Praxis'.
    .sort((a, b) => b.written.length - a.written.length);
  for (const other of others) {
    const hit = findPhrase(doc, other.written)[0];
    if (!hit) continue;
    const shown = other.written === other.entry ? `« ${other.entry} »` : `« ${other.written} » (${other.entry})`;
    if (!declared) return found(doc, item, hit, `${what} du catalogue ; aucun n’est déclaré pour comparer.`);
    const label = what === 'Éditeur' ? 'éditeur' : 'logiciel';
    return contradicted(doc, item, hit, `${what} sur la pièce : ${shown} ; ${label} déclaré : « ${declared} ».`);
  }
  return notFound(item, declared ? `« ${declared} » non lu sur la pièce.` : null);
}

function softwareVersion(doc: SearchDoc, expectation: PrecheckExpectation): Finding {
  const { tokens } = doc;
  const isNumber = (i: number) => /^\d{1,3}$/.test(tokens[i]?.text ?? '');
  const versionAt = (i: number): Match | null => {
    const v = /^v(\d{1,3})$/.exec(tokens[i]?.text ?? '');
    if (v) return { from: i, to: isNumber(i + 1) ? i + 1 : i };
    if (!isNumber(i)) return null;
    // 'version 4.2', not '2024' or a price: at most two numbers of 1–3 digits.
    return { from: i, to: isNumber(i + 1) ? i + 1 : i };
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!.text;
    // 'version 4.2', 'version commerciale 4.2', or 'v4.2' on its own.
    const at = /^v\d{1,3}$/.test(t)
      ? versionAt(i)
      : t === 'version' || t === 'release' || t === 'ver'
        ? (versionAt(i + 1) ?? (tokens[i + 1] && /^[a-z]+$/.test(tokens[i + 1]!.text) ? versionAt(i + 2) : null))
        : null;
    if (!at) continue;
    const read = tokenText(doc, at.from, at.to).replace(/^v/, '').replace(/ /g, '.');
    const declared = expectation.declared?.version ?? null;
    const reason =
      declared && fold(declared).replace(/ /g, '.') !== read
        ? `Version ${read} sur la pièce, ${declared} déclarée (un changement de version ne demande pas de nouvelle pièce).`
        : null;
    return found(doc, 'SOFTWARE_VERSION', { from: i, to: at.to }, reason);
  }
  return notFound('SOFTWARE_VERSION', 'Aucune version lue (« version 4.2 », « v4.2 »).');
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];
const ACQUISITION_WORDS = new Set([
  'acquisition',
  'commande',
  'achat',
  'souscription',
  'facture',
  'facturation',
  'livraison',
  'installation',
]);
const EDITION_WORDS = new Set(['edition', 'etablie', 'etabli', 'emise', 'emission', 'delivree', 'fait']);

interface DateHit {
  match: Match;
  year: number;
  month: number;
  day: number;
  text: string;
}

/** Dates written 14/03/2024, 2024-03-14 or 14 mars 2024 (1er tolerated). */
export function findDates(doc: SearchDoc): DateHit[] {
  const t = (i: number) => doc.tokens[i]?.text ?? '';
  const hits: DateHit[] = [];
  const valid = (day: number, month: number, year: number) =>
    day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1990 && year <= 2099;
  for (let i = 0; i < doc.tokens.length; i += 1) {
    const a = /^(\d{1,2})(?:er)?$/.exec(t(i));
    if (a) {
      const day = Number(a[1]);
      const monthName = MONTHS.indexOf(t(i + 1));
      if (monthName >= 0 && /^\d{4}$/.test(t(i + 2))) {
        const year = Number(t(i + 2));
        if (valid(day, monthName + 1, year)) {
          hits.push({ match: { from: i, to: i + 2 }, day, month: monthName + 1, year, text: '' });
          i += 2;
          continue;
        }
      }
      if (/^\d{1,2}$/.test(t(i + 1)) && /^\d{4}$/.test(t(i + 2))) {
        const [month, year] = [Number(t(i + 1)), Number(t(i + 2))];
        if (valid(day, month, year)) {
          hits.push({ match: { from: i, to: i + 2 }, day, month, year, text: '' });
          i += 2;
          continue;
        }
      }
    }
    if (/^\d{4}$/.test(t(i)) && /^\d{2}$/.test(t(i + 1)) && /^\d{2}$/.test(t(i + 2))) {
      const [year, month, day] = [Number(t(i)), Number(t(i + 1)), Number(t(i + 2))];
      if (valid(day, month, year)) {
        hits.push({ match: { from: i, to: i + 2 }, day, month, year, text: '' });
        i += 2;
      }
    }
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return hits.map((h) => ({ ...h, text: `${pad(h.day)}/${pad(h.month)}/${h.year}` }));
}

function lineWords(doc: SearchDoc, match: Match): Set<string> {
  const line = lineOf(doc, match.from);
  return new Set(doc.tokens.slice(line.from, line.to + 1).map((tk) => tk.text));
}

/**
 * Every word of the date's line as read, low OCR confidence included, folded: the label of a date
 * (« Date d'acquisition ») read with one misread letter or a confidence below 50.
 */
function labelWords(doc: SearchDoc, match: Match): string[] {
  const at = doc.words[doc.tokens[match.from]!.word]!;
  return doc.words
    .filter((w) => w.p === at.p && w.l === at.l)
    .flatMap((w) => fold(w.t).split(' '))
    .filter(Boolean);
}

function acquisitionDate(doc: SearchDoc, expectation: PrecheckExpectation): Finding {
  const year = expectation.referenceYear;
  const dates = findDates(doc).map((d) => {
    const words = lineWords(doc, d.match);
    const kind = [...words].some((w) => ACQUISITION_WORDS.has(w))
      ? 'ACQUISITION'
      : [...words].some((w) => EDITION_WORDS.has(w))
        ? 'EDITION'
        : labelWords(doc, d.match).some((w) => [...ACQUISITION_WORDS].some((a) => nearlyEqual(w, a)))
          ? // A label read poorly: enough to take a date of the year as the acquisition date (the date
            // itself was read well), never to contradict the declaration.
            'ACQUISITION_READ_POORLY'
          : 'OTHER';
    return { ...d, kind };
  });
  const acquisitions = dates.filter((d) => d.kind === 'ACQUISITION');
  const inYear =
    acquisitions.find((d) => d.year === year) ??
    dates.find((d) => d.kind === 'ACQUISITION_READ_POORLY' && d.year === year);
  if (inYear) return found(doc, 'ACQUISITION_DATE', inYear.match);
  if (acquisitions[0]) {
    return contradicted(
      doc,
      'ACQUISITION_DATE',
      acquisitions[0].match,
      `Date d’acquisition ${acquisitions[0].text} hors de l’année de référence ${year}.`,
    );
  }
  const editions = dates.filter((d) => d.kind === 'EDITION');
  const edition = editions.find((d) => d.year === year);
  if (edition) return found(doc, 'ACQUISITION_DATE', edition.match, 'Date d’édition de l’attestation.');
  if (editions[0]) {
    return notFound(
      'ACQUISITION_DATE',
      `Seule une date d’édition ${editions[0].text} est lue, hors de l’année ${year} : à apprécier par l’agent.`,
    );
  }
  return notFound('ACQUISITION_DATE', 'Aucune date d’acquisition ni d’édition lue.');
}

// ---------------------------------------------------------------------------------------------------
// Holder's name

const TITLES = new Set([
  'dr',
  'docteur',
  'pr',
  'professeur',
  'm',
  'mr',
  'mme',
  'mlle',
  'madame',
  'monsieur',
  'le',
  'la',
]);
const HOLDER_LABELS = [
  'client',
  'cliente',
  'destinataire',
  'facture a',
  'factures a',
  'atteste que',
  'au nom de',
  'beneficiaire',
  'titulaire',
];

function nominative(doc: SearchDoc, expectation: PrecheckExpectation): Finding {
  const last = fold(expectation.holder.lastName);
  const first = fold(expectation.holder.firstName).split(' ').filter(Boolean);
  const t = (i: number) => doc.tokens[i]?.text;
  const firstAt = (i: number): number => {
    // Full first name (all its parts), or its initials ('c' for Camille, 'j p' for Jean-Pierre).
    if (first.every((f, k) => t(i + k) === f)) return first.length;
    if (first.every((f, k) => t(i + k) === f[0])) return first.length;
    if (t(i) === first[0]?.[0] || t(i) === first[0]) return 1;
    return 0;
  };
  for (const hit of findPhrase(doc, expectation.holder.lastName)) {
    // 'Camille Martin', 'C. Martin', 'Martin Camille', 'MARTIN C.'
    for (let span = first.length; span >= 1; span -= 1) {
      const before = hit.from - span;
      if (before >= 0 && firstAt(before) === span) return found(doc, 'NOMINATIVE', { from: before, to: hit.to });
    }
    const after = firstAt(hit.to + 1);
    if (after > 0) return found(doc, 'NOMINATIVE', { from: hit.from, to: hit.to + after });
  }
  // Someone else's name where the holder's is expected.
  for (const label of HOLDER_LABELS) {
    for (const at of findPhrase(doc, label)) {
      const line = lineOf(doc, at.from);
      let i = at.to + 1;
      while (i <= line.to && TITLES.has(t(i)!)) i += 1;
      const name: number[] = [];
      while (i <= line.to && name.length < 3 && /^[a-z]{2,}$/.test(t(i)!)) {
        const word = doc.words[doc.tokens[i]!.word]!.t;
        if (!/^[A-ZÀ-ÖØ-Þ]/.test(word)) break;
        name.push(i);
        i += 1;
      }
      // A first and a last name at least; a part of the holder's own name means the read was cut, not contradicted.
      if (name.length < 2) continue;
      if (name.some((k) => t(k) === last || first.includes(t(k)!))) continue;
      const match = { from: name[0]!, to: name[name.length - 1]! };
      const read = evidence(doc, match).snippet.replace(/[,;]$/, '');
      return contradicted(
        doc,
        'NOMINATIVE',
        match,
        `La pièce est au nom de « ${read} », pas de ${expectation.holder.firstName} ${expectation.holder.lastName}.`,
      );
    }
  }
  return notFound('NOMINATIVE', `Nom « ${expectation.holder.firstName} ${expectation.holder.lastName} » non lu.`);
}

// ---------------------------------------------------------------------------------------------------
// Mentions

function dmpMention(doc: SearchDoc): Finding {
  const hits = [...findPhrase(doc, 'dmp compatible', TOLERANT), ...findPhrase(doc, 'compatible dmp', TOLERANT)].sort(
    (a, b) => a.from - b.from,
  );
  for (const hit of hits) {
    const before = doc.tokens[hit.from - 1]?.text;
    if (before === 'non' || before === 'pas') {
      return contradicted(
        doc,
        'DMP_COMPATIBLE_MENTION',
        { from: hit.from - 1, to: hit.to },
        'La pièce dit le logiciel non compatible DMP.',
      );
    }
  }
  return hits[0]
    ? found(doc, 'DMP_COMPATIBLE_MENTION', hits[0])
    : notFound('DMP_COMPATIBLE_MENTION', 'Mention « DMP compatible » non lue.');
}

/** Tokens that name what is certified: the HAS, or the prescription software itself. */
const LAP_ANCHORS = [['has'], ['haute', 'autorite', 'de', 'sante'], ['lap'], ['aide', 'a', 'la', 'prescription']];

/**
 * « LAP certifié HAS », « Logiciel d’aide à la prescription certifié par la HAS »: a word « certifié »
 * (one misread letter tolerated) and, on its line or the next one on the same page (OCR often splits
 * the sentence), the HAS or the prescription software within eight words; also glued together by OCR
 * (« LAPcertifié », « certifiéHAS », « par laHAS »). « certifié » alone is not evidence: an attestation
 * may certify anything.
 */
function lapCertified(doc: SearchDoc): Finding {
  const { tokens, words } = doc;
  const at = (i: number) => words[tokens[i]!.word]!;
  for (let c = 0; c < tokens.length; c += 1) {
    // OCR glues the words of a short line together: « LAPcertifié HAS », « LAPcertifièHAS ».
    const glued = /^(lap)?(.+?)((?:par)?(?:la)?has)?$/.exec(tokens[c]!.text)!;
    const text = glued[2]!;
    if (!(
      /^certifi/.test(text) || ['certifie', 'certifiee', 'certifies', 'certification'].some((w) => nearlyEqual(text, w))
    ))
      continue;
    // « non certifié », « pas certifié »: not evidence (and not a contradiction the pre-check could assert).
    if (['non', 'pas'].includes(tokens[c - 1]?.text ?? '')) continue;
    if (glued[1] || glued[3]) return found(doc, 'LAP_CERTIFIED', { from: c, to: c });
    const near = (i: number) => Math.abs(i - c) <= 8 && at(i).p === at(c).p && Math.abs(at(i).l - at(c).l) <= 1;
    for (let i = Math.max(0, c - 8); i <= Math.min(tokens.length - 1, c + 8); i += 1) {
      const anchor = LAP_ANCHORS.find((a) =>
        a.every(
          (w, k) =>
            i + k < tokens.length &&
            near(i + k) &&
            // « par laHAS »: the article glued to the acronym.
            (tokens[i + k]!.text === w || (w === 'has' && ['lahas', 'parlahas'].includes(tokens[i + k]!.text))),
        ),
      );
      if (!anchor) continue;
      const end = i + anchor.length - 1;
      // The evidence: from « certifié » to the anchor (over two lines when OCR split them).
      return found(doc, 'LAP_CERTIFIED', { from: Math.min(c, i), to: Math.max(c, end) });
    }
  }
  return notFound('LAP_CERTIFIED', 'Certification HAS du logiciel d’aide à la prescription non lue.');
}
