/**
 * French formatting of amounts, dates and domain labels. Every label map is keyed by an enum generated from
 * the schema (gql/graphql.ts): a value added to the API fails to compile here until it has its French label.
 */
import type {
  AchievementStatus,
  AgentRole,
  ContactChannel,
  DeclarationChannel,
  DeclarationStatus,
  ImportKind,
  ImportRunStatus,
  JustificatifChannel,
  JustificatifStatus,
  PaymentKind,
  PaymentStatus,
  Profession,
  RejectionReason,
  Scheme,
  ValueSource,
} from './gql/graphql';

export const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/[\u202f\u00a0]/g, '\u00a0')}\u00a0€`;

export const frenchDate = (iso: string | null | undefined) =>
  iso ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : '—';

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

export const ROLE_LABELS: Record<AgentRole, string> = {
  CONSEILLER: 'Conseiller',
  DAM: 'Délégué de l’Assurance Maladie',
  SUPERVISEUR: 'Superviseur',
  ADMIN: 'Administrateur',
};

export const SOURCE_LABELS: Record<ValueSource, string> = {
  PREFILLED: 'pré-rempli',
  DECLARED: 'déclaré',
  COMPUTED: 'calculé',
};

export const ATTEINTE: Record<AchievementStatus, { label: string; severity: string }> = {
  ACHIEVED: { label: 'Atteint', severity: 'success' },
  NOT_ACHIEVED: { label: 'Non atteint', severity: 'error' },
  NEUTRALISED: { label: 'Neutralisé', severity: 'info' },
  PENDING_JUSTIFICATIF: { label: 'En attente de justificatif', severity: 'warning' },
};

export const JUSTIFICATIF_STATUS: Record<JustificatifStatus, { label: string; severity: string }> = {
  RECEIVED: { label: 'Reçu', severity: 'new' },
  VALIDATED: { label: 'Validé', severity: 'success' },
  REJECTED: { label: 'Rejeté', severity: 'error' },
};

export const REJECTION_LABELS: Record<RejectionReason, string> = {
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

export const HISTORY_LABELS: Record<string, string> = {
  RECEIVED: 'reçu',
  ASSIGNED: 'pris en charge',
  RELEASED: 'libéré',
  VALIDATED: 'validé',
  REJECTED: 'rejeté',
  REOPENED: 'décision revue, remis à vérifier',
  REVERSED: 'décision inversée sur recours',
  OPINION_ASKED: 'avis demandé',
  OPINION_ANSWERED: 'avis donné',
};

export const CHANNEL_LABELS: Record<JustificatifChannel | DeclarationChannel, string> = {
  AMELIPRO: 'amelipro',
  EMAIL: 'courriel',
  POST: 'courrier',
  PAPER: 'formulaire papier',
};

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  CALL: 'Appel',
  VISIT: 'Visite',
  EMAIL: 'Courriel',
};

export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  NOT_STARTED: 'non commencée',
  STARTED: 'commencée',
  TRANSMITTED: 'transmise',
};

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  INITIAL: 'Paiement initial',
  REGULARISATION: 'Régularisation',
};

export const PAYMENT_STATUS: Record<PaymentStatus, { label: string; severity: string }> = {
  SENT: { label: 'Envoyé', severity: 'success' },
  SCHEDULED: { label: 'Programmé', severity: 'info' },
  CANCELLED: { label: 'Annulé', severity: 'error' },
};

/** « 80,9 % » from a 0–1 rate. */
export const percent = (rate: number) => `${(rate * 100).toFixed(1).replace('.', ',')} %`;

/** Cents as a plain decimal for spreadsheets (« 1240,00 »). */
export const csvEuros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export const SCHEME_LABELS: Record<Scheme, string> = {
  FAMI: 'FAMI',
  FORFAIT_STRUCTURE: 'Forfait structure',
  ROSP: 'ROSP',
};

/** CSV as French spreadsheets open it: UTF-8 with BOM, semicolons, quoted when needed. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function download(fileName: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Date and time in Paris, e.g. « 22/11/2026 14:05 ». */
export const dateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('fr-FR', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '—';

export const integer = (n: number) =>
  Math.round(n)
    .toLocaleString('fr-FR')
    .replace(/[\u202f\u00a0]/g, '\u00a0');

/** A duration in seconds, e.g. « 2 min 05 s ». */
export const seconds = (total: number) =>
  total >= 60
    ? `${Math.floor(total / 60)} min ${String(Math.round(total % 60)).padStart(2, '0')} s`
    : `${Math.round(total)} s`;

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  PROFESSIONALS: 'Professionnels de santé',
  DMP_TRACES: 'Traces DMP (logiciel utilisé)',
  MSSANTE: 'Annuaire MSSanté (messagerie)',
  BILLING: 'Flux de facturation (FSE, SESAM-Vitale)',
  ANNUAIRE: 'Annuaire santé (horaires affichés)',
  DECLARATIONS: 'Déclarations amelipro',
  PAYMENTS: 'Paiements',
  ANNUAIRE_SANTE: 'Annuaire Santé — extrait public RPPS/ADELI (coordonnées des PS)',
};

export const IMPORT_STATUS: Record<ImportRunStatus, { label: string; severity: string }> = {
  RUNNING: { label: 'En cours', severity: 'info' },
  COMPLETED: { label: 'Terminé', severity: 'success' },
  FAILED: { label: 'Échec', severity: 'error' },
  INTERRUPTED: { label: 'Interrompu', severity: 'warning' },
};
