/**
 * Plain data of the pré-contrôle: the words extracted from a piece (with page and box) and the findings
 * computed from them. No type-graphql here: nodes are in precheck.nodes.ts.
 */

/** A box on a page, as fractions of the page's width and height, origin top left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One extracted word: text, page (1-based), line (per page), box, and reading confidence (0–100). */
export interface Word {
  t: string;
  p: number;
  l: number;
  b: Box;
  c: number;
}

export type ExtractionSource = 'TEXT' | 'OCR';

export interface Extraction {
  source: ExtractionSource;
  pageCount: number;
  words: Word[];
  /** Mean word confidence of an OCR read (0–100); null for a text layer. */
  confidence: number | null;
  /** Seconds spent, per page, for the bench and the logs. */
  secondsPerPage: number;
}

export const FINDING_STATUSES = ['FOUND', 'CONTRADICTED', 'NOT_FOUND'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  /** Checklist item code of the indicator (référentiel). */
  item: string;
  status: FindingStatus;
  /** The words a person can see on the piece, as read. */
  snippet: string | null;
  page: number | null;
  box: Box | null;
  /** French: why CONTRADICTED, why nothing could be read, or what was looked for. */
  reason: string | null;
}

export const PRECHECK_STATUSES = ['PENDING', 'RUNNING', 'DONE', 'UNREADABLE', 'FAILED'] as const;
export type PrecheckStatus = (typeof PRECHECK_STATUSES)[number];

/** A catalogue entry as a piece may name it. */
export interface CatalogueName {
  name: string;
  aliases: string[];
}

/** What the piece must show, from the référentiel, the declaration and the catalogue. */
export interface PrecheckExpectation {
  checklist: { code: string; label: string; required: boolean }[];
  holder: { firstName: string; lastName: string };
  /** The software declared for the indicator, when there is one. */
  declared: { publisher: string; software: string; version: string | null } | null;
  /**
   * Every publisher and software of the catalogue, with the other names it is known by: the declared one
   * is found under any of its names; another one on the piece contradicts the declaration.
   */
  catalogue: { publishers: CatalogueName[]; software: CatalogueName[] };
  referenceYear: number;
}

/** How the agent's decision compares with the pre-check, item by item (measures the pre-check in production). */
export interface ConfirmationItem {
  item: string;
  precheck: FindingStatus;
  /** What the agent recorded: true = ticked as shown on the piece, false = not ticked, null = rejected without checklist. */
  agentChecked: boolean | null;
  /** FOUND and ticked, or CONTRADICTED/NOT_FOUND and not ticked. */
  agreed: boolean;
}

export interface PrecheckConfirmation {
  action: 'VALIDATED' | 'REJECTED';
  agentId: number;
  at: string;
  items: ConfirmationItem[];
}
