/**
 * French labels of the domain enumerations, one copy for the server and the benchmark. Keyed by the
 * enumerations the schema is built from: a new value fails to compile until it has its label.
 * (The console keys its own labels by the enums generated from the schema, client/src/format.ts.)
 */
import type { DeclarationStatus, JustificatifChannel, JustificatifStatus, Profession, RejectionReason } from './enums';

export const PROFESSION_LABELS: Record<Profession, string> = {
  MEDECIN_GENERALISTE: 'Médecin généraliste',
  MEDECIN_SPECIALISTE: 'Médecin spécialiste',
  CHIRURGIEN_DENTISTE: 'Chirurgien-dentiste',
  INFIRMIER: 'Infirmier',
  MASSEUR_KINESITHERAPEUTE: 'Masseur-kinésithérapeute',
  SAGE_FEMME: 'Sage-femme',
  ORTHOPHONISTE: 'Orthophoniste',
  ORTHOPTISTE: 'Orthoptiste',
  PEDICURE_PODOLOGUE: 'Pédicure-podologue',
};

/** The profession as a group (dashboards: « Chirurgiens-dentistes »). */
export const PROFESSION_PLURAL_LABELS: Record<Profession, string> = {
  MEDECIN_GENERALISTE: 'Médecins généralistes',
  MEDECIN_SPECIALISTE: 'Médecins spécialistes',
  CHIRURGIEN_DENTISTE: 'Chirurgiens-dentistes',
  INFIRMIER: 'Infirmiers',
  MASSEUR_KINESITHERAPEUTE: 'Masseurs-kinésithérapeutes',
  SAGE_FEMME: 'Sages-femmes',
  ORTHOPHONISTE: 'Orthophonistes',
  ORTHOPTISTE: 'Orthoptistes',
  PEDICURE_PODOLOGUE: 'Pédicures-podologues',
};

/** The conseiller's motifs of rejection, as the professional reads them. */
export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  PUBLISHER_MISSING: 'Éditeur du logiciel non identifiable',
  SOFTWARE_NAME_MISSING: 'Nom du logiciel absent',
  ACQUISITION_DATE_MISSING: "Date d'acquisition absente",
  NOT_NOMINATIVE: 'Justificatif non nominatif',
  DMP_MENTION_MISSING: 'Mention « DMP compatible » absente',
  CONNECTOR_OR_PACK_NOT_STATED: 'Connecteur ou pack complémentaire non précisé',
  VERSION_MISSING: 'Version du logiciel absente',
  DOCUMENT_TYPE_NOT_ACCEPTED: 'Type de document non recevable',
  PUBLISHER_DIFFERS_FROM_DECLARATION: 'Éditeur différent de celui déclaré',
  WEB_DMP_ONLY: 'Web DMP seul (ne valide pas la compatibilité DMP)',
  LAP_NOT_CERTIFIED: 'LAP non certifié HAS',
  ILLEGIBLE: 'Document illisible',
  OTHER_PROFESSIONAL: "Document au nom d'un autre professionnel",
  UNRELATED_TO_INDICATOR: "Document sans rapport avec l'indicateur",
  RECEIVED_AFTER_DEADLINE: 'Reçu après la date limite',
};

export const JUSTIFICATIF_STATUS_LABELS: Record<JustificatifStatus, string> = {
  RECEIVED: 'Reçu',
  VALIDATED: 'Validé',
  REJECTED: 'Rejeté',
};

export const JUSTIFICATIF_CHANNEL_LABELS: Record<JustificatifChannel, string> = {
  AMELIPRO: 'amelipro',
  EMAIL: 'courriel',
  POST: 'courrier',
};

export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  NOT_STARTED: 'Non commencée',
  STARTED: 'Commencée',
  TRANSMITTED: 'Transmise',
};

/** A caisse's name, or what an unknown code is: never the bare code passed off as a name. */
export const caisseLabel = (code: string, name: string | null | undefined) =>
  name ? `${name} (${code})` : `Caisse inconnue (code ${code})`;

const PARIS = 'Europe/Paris';
const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsOf(at: Date) {
  const p = Object.fromEntries(parisParts.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
}

/** The Paris calendar day of an instant, « 2026-12-02 ». */
export function parisDay(at: Date): string {
  const { y, m, d } = partsOf(at);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The instant a Paris calendar day starts (« 2026-03-29 » → 2026-03-28T23:00:00Z). */
export function parisDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let guess = Date.UTC(y, m - 1, d);
  // Twice: the offset at the guess may differ from the offset at midnight on a change of time.
  for (let i = 0; i < 2; i++) {
    const p = partsOf(new Date(guess));
    const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - guess;
    guess = Date.UTC(y, m - 1, d) - offset;
  }
  return new Date(guess);
}

/** The Paris day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Date and time in Paris for people and spreadsheets, « 02/12/2026 08:05 ». */
export function parisDateTime(at: Date | null | undefined): string {
  if (!at) return '';
  const { y, m, d, h, min } = partsOf(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d)}/${two(m)}/${y} ${two(h)}:${two(min)}`;
}
