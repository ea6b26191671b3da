/** The vocabulary of communications with professionals (names in shared/GLOSSARY.md style). */

export const COMMUNICATION_KINDS = [
  'NOTICE_REJECTED',
  'NOTICE_VALIDATED',
  'RELANCE_PIECE_ATTENDUE',
  'RELANCE_PIECE_REJETEE',
  'RELANCE_DECLARATION',
  'CONTROL_PIECES_REQUEST',
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
  CONTROL_PIECES_REQUEST: 'Contrôle a posteriori : demande de pièces',
};
