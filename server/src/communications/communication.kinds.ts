/** The vocabulary of communications with professionals (names in shared/GLOSSARY.md style). */

export const COMMUNICATION_KINDS = [
  'NOTICE_REJECTED',
  'NOTICE_VALIDATED',
  'RELANCE_PIECE_ATTENDUE',
  'RELANCE_PIECE_REJETEE',
  'RELANCE_DECLARATION',
] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

export const COMMUNICATION_CHANNELS = ['EMAIL', 'LETTER'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const COMMUNICATION_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'FAILED'] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/** What a relance wave targets. */
export const RELANCE_SITUATIONS = ['PIECE_ATTENDUE', 'PIECE_REJETEE', 'DECLARATION_NON_TRANSMISE'] as const;
export type RelanceSituation = (typeof RELANCE_SITUATIONS)[number];

export const RELANCE_KIND: Record<RelanceSituation, CommunicationKind> = {
  PIECE_ATTENDUE: 'RELANCE_PIECE_ATTENDUE',
  PIECE_REJETEE: 'RELANCE_PIECE_REJETEE',
  DECLARATION_NON_TRANSMISE: 'RELANCE_DECLARATION',
};

export const KIND_LABELS: Record<CommunicationKind, string> = {
  NOTICE_REJECTED: 'Notification de rejet',
  NOTICE_VALIDATED: 'Notification de validation',
  RELANCE_PIECE_ATTENDUE: 'Relance : pièce attendue',
  RELANCE_PIECE_REJETEE: 'Relance : pièce rejetée',
  RELANCE_DECLARATION: 'Relance : déclaration non transmise',
};

/** The conseiller's motifs of rejection, as the professional reads them. */
export const REJECTION_REASON_LABELS: Record<string, string> = {
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
  OTHER_PROFESSIONAL: 'Document au nom d’un autre professionnel',
  UNRELATED_TO_INDICATOR: "Document sans rapport avec l'indicateur",
  RECEIVED_AFTER_DEADLINE: 'Reçu après la date limite',
};
