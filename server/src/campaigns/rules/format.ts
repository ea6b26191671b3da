/**
 * French wording shared by the rules: every reason an agent reads goes through these helpers,
 * so amounts, rates and names look the same everywhere. Plain spaces keep reasons easy to compare.
 */
import type { CampaignStatus, MessagingType, PrefillOrigin, ValueSource } from '../../common/enums';
import { REJECTION_REASON_LABELS } from '../../common/labels';
import type { IndicatorDefinition } from '../referentiel/referentiel.types';
import type { JustificatifData } from './types';

export { PROFESSION_LABELS } from '../../common/labels';

export const MESSAGING_LABELS: Record<MessagingType, string> = {
  MSSANTE_PERSONAL: 'Messagerie MSSanté personnelle',
  MSSANTE_ORGANISATIONAL: 'Messagerie MSSanté organisationnelle',
  APICRYPT_V2: 'Apicrypt V2 interopérable MSSanté',
  APICRYPT_V1: 'Apicrypt V1',
  OTHER_NOT_LISTED: 'Autre messagerie (hors espace de confiance MSSanté)',
};

export const PREFILL_ORIGIN_LABELS: Record<PrefillOrigin, string> = {
  DMP_TRACES: 'traces du DMP',
  MSSANTE_DIRECTORY: 'annuaire national MSSanté',
  BILLING_FLOWS: 'flux de facturation',
  ANNUAIRE_SANTE: 'annuaire santé',
};

const SOURCE_LABELS: Record<ValueSource, string> = {
  PREFILLED: 'Pré-rempli',
  DECLARED: 'Déclaré',
  COMPUTED: "Mesuré par l'Assurance Maladie",
};

export function sourceLabel(source: ValueSource): string {
  return SOURCE_LABELS[source];
}

const SOURCE_NOTES: Record<ValueSource, string> = {
  PREFILLED: 'valeur pré-remplie',
  DECLARED: 'valeur déclarée',
  COMPUTED: "valeur mesurée par l'Assurance Maladie",
};

/** Where a value came from, to put in brackets after it. */
export function sourceNote(source: ValueSource): string {
  return SOURCE_NOTES[source];
}

/** The name an indicator goes by in reasons and rémunération lines. */
export function shortName(indicator: IndicatorDefinition): string {
  return indicator.shortLabel ?? indicator.label;
}

/** Digits grouped by three with a space, French style: 124000 → '1 240'. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** 124000 → '1 240,00 €'; -5000 → '-50,00 €'. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(cents));
  const euros = Math.floor(absolute / 100).toString();
  const rest = (absolute % 100).toString().padStart(2, '0');
  return `${sign}${groupThousands(euros)},${rest} €`;
}

/** 84.615… → '84,62 %' (always two decimals, as on the amelipro rémunération screen). */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(2).replace('.', ',')} %`;
}

/** Thresholds read as written in the guides: 70 → '70 %', 66.67 → '66,67 %'. */
export function formatThreshold(percent: number): string {
  return Number.isInteger(percent) ? `${percent} %` : formatPercent(percent);
}

export function formatPoints(points: number): string {
  return `${groupThousands(points.toString())} point${points > 1 ? 's' : ''}`;
}

/** Joins reasons without doubling the final punctuation. */
export function joinSentences(parts: string[]): string {
  return parts.filter((part) => part.length > 0).join(' ; ');
}

/** Names that keep their capital wherever they stand in a sentence. */
const PROPER_NAMES = ['Apicrypt', 'Assurance Maladie', 'Caisse des Français', 'Espace de Confiance', 'Ma Convention'];

/**
 * A label or reason placed after a colon or a bracket: lower case (French typography), except an
 * acronym (« LAP », « DMP », « MSSanté ») or a proper name.
 */
export function lowerFirst(text: string): string {
  if (PROPER_NAMES.some((name) => text.startsWith(name))) return text;
  const second = text.charAt(1);
  if (second !== second.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The reason's first letter in capitals, for a reason that starts a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** '2025-03-12' → '12/03/2025'. */
export function frenchDay(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Once computed, a campaign takes no new piece: reasons state facts and invite nothing. */
export function isComputed(status: CampaignStatus | undefined): boolean {
  return status === 'COMPUTED' || status === 'PAID';
}

/** Until when a new piece is awaited: the window's close, then the computation. */
export function newPieceDeadline(status: CampaignStatus | undefined): string {
  return status === 'CLOSED' ? 'avant le calcul de la campagne' : 'avant la clôture de la campagne';
}

/** « justificatif rejeté le 12/03/2025 : date d'acquisition absente, justificatif non nominatif ». */
export function rejectionSentence(piece: JustificatifData | null | undefined): string {
  const on = piece?.decidedOn ? ` le ${frenchDay(piece.decidedOn)}` : '';
  const motifs = (piece?.rejectionReasons ?? []).map((code) => lowerFirst(REJECTION_REASON_LABELS[code]));
  return `justificatif rejeté${on}${motifs.length > 0 ? ` : ${motifs.join(', ')}` : ''}`;
}
