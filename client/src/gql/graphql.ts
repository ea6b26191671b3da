/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AchievementStatus =
  | 'ACHIEVED'
  | 'NEUTRALISED'
  | 'NOT_ACHIEVED'
  | 'PENDING_JUSTIFICATIF';

/** Rôle de l’agent, qui détermine ses habilitations. */
export type AgentRole =
  /** Administrateur : gère les agents et le référentiel. */
  | 'ADMIN'
  /** Conseiller : instruit les pièces justificatives et saisit les déclarations papier. */
  | 'CONSEILLER'
  /** Délégué de l’Assurance Maladie : consulte les dossiers et trace ses échanges. */
  | 'DAM'
  /** Superviseur : répartit le travail, suit les tableaux de bord, lit le journal. */
  | 'SUPERVISEUR';

/** Une pièce de la sélection, telle que le superviseur l’a lue. */
export type BulkPieceInput = {
  id: string | number;
  /** Agent qui détenait la pièce à la lecture (null : personne). */
  seenHolderId?: string | number | null | undefined;
  /** Version lue. */
  seenVersion: number;
};

export type CampaignStatus =
  | 'CLOSED'
  | 'COMPUTED'
  | 'OPEN'
  | 'PAID'
  | 'UPCOMING';

export type ChecklistItemInput = {
  checked: boolean;
  code: string;
};

export type ContactChannel =
  | 'CALL'
  | 'EMAIL'
  | 'VISIT';

export type ContactInput = {
  /** Date de l’échange (défaut : maintenant). */
  at?: string | null | undefined;
  campaignId?: string | number | null | undefined;
  channel: ContactChannel;
  notes: string;
  professionalId: string | number;
  subject: string;
};

/** OPEN → PIECES_REQUESTED → PIECES_RECEIVED → CONCLUDED_COMPLIANT / CONCLUDED_NON_COMPLIANT ; NO_RESPONSE : délai dépassé. */
export type ControlCaseStatus =
  | 'CONCLUDED_COMPLIANT'
  | 'CONCLUDED_NON_COMPLIANT'
  | 'NO_RESPONSE'
  | 'OPEN'
  | 'PIECES_RECEIVED'
  | 'PIECES_REQUESTED';

export type ControlFindingInput = {
  indicatorCode: string;
  motifs: Array<string>;
};

export type ControlOutcome =
  | 'COMPLIANT'
  | 'NON_COMPLIANT'
  | 'NO_RESPONSE';

export type ControlPlanInput = {
  /** Caisse à tirer ; omise : la sienne, ou toutes (national). */
  caisseCode?: string | null | undefined;
  campaignYear: number;
  /** Inclure les valeurs pré-alimentées. */
  includePrefilled?: boolean | null | undefined;
  indicatorCodes?: Array<string> | null | undefined;
  professions?: Array<Profession> | null | undefined;
  /** Taux par strate, en % (exclusif avec size). */
  ratePercent?: number | null | undefined;
  scheme: Scheme;
  /** Graine ; omise : tirée au hasard et rendue par l’aperçu. */
  seed?: string | null | undefined;
  /** Taille totale, répartie entre les strates au prorata. */
  size?: number | null | undefined;
};

export type ControlPlanRefusalCode =
  | 'CAMPAIGN_NOT_CLOSED'
  | 'CONFLICT'
  | 'EMPTY_POPULATION'
  | 'INVALID_SPEC'
  | 'SAMPLE_TOO_LARGE';

/** TO_PROCESS : en cours non attribués ; MINE : les miens ; ALL_OPEN : tous en cours ; CONCLUDED : conclus. */
export type ControlQueueView =
  | 'ALL_OPEN'
  | 'CONCLUDED'
  | 'MINE'
  | 'TO_PROCESS';

export type ControlRequestChannel =
  | 'EMAIL'
  | 'LETTER';

/** PENDING_OUTBOX : demande enregistrée, non envoyée (pas encore de module de communication) ; QUEUED : en file d’envoi. */
export type ControlRequestDelivery =
  | 'PENDING_OUTBOX'
  | 'QUEUED';

export type CreateControlPlanInput = {
  /** Caisse à tirer ; omise : la sienne, ou toutes (national). */
  caisseCode?: string | null | undefined;
  campaignYear: number;
  /** Inclure les valeurs pré-alimentées. */
  includePrefilled?: boolean | null | undefined;
  indicatorCodes?: Array<string> | null | undefined;
  label: string;
  professions?: Array<Profession> | null | undefined;
  /** Taux par strate, en % (exclusif avec size). */
  ratePercent?: number | null | undefined;
  /** Délai de réponse du professionnel, en jours (30 par défaut). */
  responseDays?: number | null | undefined;
  scheme: Scheme;
  /** Graine ; omise : tirée au hasard et rendue par l’aperçu. */
  seed?: string | null | undefined;
  /** Taille totale, répartie entre les strates au prorata. */
  size?: number | null | undefined;
};

/** Décision sur une pièce : validation (avec la grille de contrôle) ou rejet motivé. */
export type DecideJustificatifInput = {
  /** Validation : la grille de contrôle cochée. */
  checklist?: Array<ChecklistItemInput> | null | undefined;
  /** Rejet : commentaire libre (2 000 caractères au plus). */
  comment?: string | null | undefined;
  /** Version lue par l’agent (verrou optimiste). */
  expectedVersion: number;
  id: string | number;
  /** Rejet : un motif au moins. */
  reasons?: Array<RejectionReason> | null | undefined;
  verdict: JustificatifVerdict;
};

export type DeclarationChannel =
  | 'AMELIPRO'
  | 'PAPER';

export type DeclarationStatus =
  | 'NOT_STARTED'
  | 'STARTED'
  | 'TRANSMITTED';

/** Flux importé : PROFESSIONALS (annuaire des PS), DMP_TRACES, MSSANTE, BILLING, ANNUAIRE (pré-remplissages), DECLARATIONS (transmissions amelipro), PAYMENTS, ANNUAIRE_SANTE (extrait public PS_LibreAcces_Personne_activite : rafraîchit le répertoire des PS). */
export type ImportKind =
  | 'ANNUAIRE'
  | 'ANNUAIRE_SANTE'
  | 'BILLING'
  | 'DECLARATIONS'
  | 'DMP_TRACES'
  | 'MSSANTE'
  | 'PAYMENTS'
  | 'PROFESSIONALS';

/** RUNNING : en cours ; COMPLETED : terminé (des lignes ont pu être rejetées) ; FAILED : arrêté sur une erreur de fichier ou de traitement ; INTERRUPTED : le processus s’est arrêté en cours de route (relancer le même fichier complète l’import). */
export type ImportRunStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'INTERRUPTED'
  | 'RUNNING';

export type IndicatorGroup =
  | 'COMPLEMENTAIRE'
  | 'INDEPENDANT'
  | 'SOCLE'
  | 'VOLET_1'
  | 'VOLET_2';

export type JustificatifChannel =
  | 'AMELIPRO'
  | 'EMAIL'
  | 'POST';

export type JustificatifQueueFilter = {
  caisseCode?: string | null | undefined;
  campaignYear?: number | null | undefined;
  /** Vue PROCESSED : seulement les pièces que j’ai décidées. */
  decidedByMe?: boolean | null | undefined;
  /** true : pièces prises ; false : pièces libres. */
  held?: boolean | null | undefined;
  /** Pièces détenues par cet agent. */
  holderId?: string | number | null | undefined;
  indicatorCode?: string | null | undefined;
  /** Reçus depuis au plus N jours. */
  maxAgeDays?: number | null | undefined;
  /** Reçus depuis au moins N jours. */
  minAgeDays?: number | null | undefined;
  /** Les plus anciens d’abord (défaut). */
  oldestFirst?: boolean | null | undefined;
  profession?: Profession | null | undefined;
  scheme?: Scheme | null | undefined;
  view?: JustificatifQueueView | null | undefined;
};

/** TO_PROCESS : reçus non attribués ; MINE : attribués à moi ; ALL_PENDING : tous les reçus ; PROCESSED : décidés. */
export type JustificatifQueueView =
  | 'ALL_PENDING'
  | 'MINE'
  | 'PROCESSED'
  | 'TO_PROCESS';

export type JustificatifStatus =
  | 'RECEIVED'
  | 'REJECTED'
  | 'VALIDATED';

/** Décision sur une pièce. */
export type JustificatifVerdict =
  | 'REJECTED'
  | 'VALIDATED';

export type PaymentKind =
  | 'INITIAL'
  | 'REGULARISATION';

export type PaymentStatus =
  | 'CANCELLED'
  | 'SCHEDULED'
  | 'SENT';

/** Habilitation accordée par un rôle. */
export type Permission =
  | 'ASSIGN_ANY_CONTROL'
  | 'ASSIGN_ANY_JUSTIFICATIF'
  | 'CONDUCT_CONTROLS'
  | 'DECIDE_JUSTIFICATIFS'
  | 'ENTER_PAPER_DECLARATIONS'
  | 'EXPORT'
  | 'IMPORT_FEEDS'
  | 'LAUNCH_RELANCES'
  | 'LOG_CONTACTS'
  | 'MANAGE_AGENTS'
  | 'MANAGE_CAMPAIGNS'
  | 'MANAGE_REFERENTIEL'
  | 'PLAN_CONTROLS'
  | 'READ_AUDIT'
  | 'READ_CONTROLS'
  | 'READ_DASHBOARDS'
  | 'READ_DOCUMENTS'
  | 'READ_PROFESSIONALS'
  | 'RECEIVE_JUSTIFICATIFS'
  | 'REVERSE_DECISIONS'
  | 'SEND_COMMUNICATIONS'
  | 'TAKE_JUSTIFICATIF';

/** Profession du professionnel de santé. */
export type Profession =
  | 'CHIRURGIEN_DENTISTE'
  | 'INFIRMIER'
  | 'MASSEUR_KINESITHERAPEUTE'
  | 'MEDECIN_GENERALISTE'
  | 'MEDECIN_SPECIALISTE'
  | 'ORTHOPHONISTE'
  | 'ORTHOPTISTE'
  | 'PEDICURE_PODOLOGUE'
  | 'SAGE_FEMME';

/** Critères de recherche de professionnels. */
export type ProfessionalFilter = {
  achievement?: AchievementStatus | null | undefined;
  caisseCode?: string | null | undefined;
  /** Campagne des critères suivants (avec scheme). */
  campaignYear?: number | null | undefined;
  commune?: string | null | undefined;
  declarationStatus?: DeclarationStatus | null | undefined;
  /** A au moins un justificatif reçu non traité. */
  hasJustificatifToProcess?: boolean | null | undefined;
  /** Code d'indicateur dont l'atteinte est filtrée. */
  indicatorCode?: string | null | undefined;
  profession?: Profession | null | undefined;
  /** Début du nom (sans accents ni casse), ou identifiant exact : N° AM, RPPS, ADELI. */
  query?: string | null | undefined;
  scheme?: Scheme | null | undefined;
};

/** Motifs de rejet : liste fermée tirée de ce que les règles exigent d’une pièce. */
export type RejectionReason =
  | 'ACQUISITION_DATE_MISSING'
  | 'CONNECTOR_OR_PACK_NOT_STATED'
  | 'DMP_MENTION_MISSING'
  | 'DOCUMENT_TYPE_NOT_ACCEPTED'
  | 'ILLEGIBLE'
  | 'LAP_NOT_CERTIFIED'
  | 'NOT_NOMINATIVE'
  | 'OTHER_PROFESSIONAL'
  | 'PUBLISHER_DIFFERS_FROM_DECLARATION'
  | 'PUBLISHER_MISSING'
  | 'RECEIVED_AFTER_DEADLINE'
  | 'SOFTWARE_NAME_MISSING'
  | 'UNRELATED_TO_INDICATOR'
  | 'VERSION_MISSING'
  | 'WEB_DMP_ONLY';

/** Enregistrer une vue : son nom (remplace la vue de même nom) et son filtre. */
export type SaveQueueViewInput = {
  filter: JustificatifQueueFilter;
  name: string;
};

/** Dispositif : forfait structure, FAMI, ROSP. */
export type Scheme =
  | 'FAMI'
  | 'FORFAIT_STRUCTURE'
  | 'ROSP';

export type ValueSource =
  | 'COMPUTED'
  | 'DECLARED'
  | 'PREFILLED';

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ControlCaseFieldsFragment = { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> };

export type ControlCaseScreenQueryVariables = Exact<{
  id: string | number;
}>;


export type ControlCaseScreenQuery = { controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } };

export type TakeControlCaseMutationVariables = Exact<{
  id: string | number;
  v: number;
}>;


export type TakeControlCaseMutation = { takeControlCase:
    | { __typename: 'ControlCaseRefused', message: string, controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
    | { __typename: 'ControlCaseUpdated', controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
   };

export type RequestControlPiecesMutationVariables = Exact<{
  id: string | number;
  v: number;
}>;


export type RequestControlPiecesMutation = { requestControlPieces:
    | { __typename: 'ControlCaseRefused', message: string, controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
    | { __typename: 'ControlCaseUpdated', controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
   };

export type AttachControlPieceMutationVariables = Exact<{
  id: string | number;
  v: number;
  fileId: string;
}>;


export type AttachControlPieceMutation = { attachControlPiece:
    | { __typename: 'ControlCaseRefused', message: string, controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
    | { __typename: 'ControlCaseUpdated', controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
   };

export type ConcludeControlCaseMutationVariables = Exact<{
  id: string | number;
  v: number;
  outcome: ControlOutcome;
  motifs?: Array<ControlFindingInput> | ControlFindingInput | null | undefined;
  comment?: string | null | undefined;
}>;


export type ConcludeControlCaseMutation = { concludeControlCase:
    | { __typename: 'ControlCaseRefused', message: string, controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
    | { __typename: 'ControlCaseUpdated', controlCase: { id: string, status: ControlCaseStatus, statusLabel: string, version: number, openedAt: string, planLabel: string, requestChannel: ControlRequestChannel | null, requestDelivery: ControlRequestDelivery | null, responseDeadline: string | null, deadlinePassed: boolean, comment: string | null, induCents: number | null, induReason: string | null, induLines: Array<{ label: string, paidCents: number, dueCents: number, induCents: number, reason: string }>, findings: Array<{ indicatorCode: string, motifLabels: Array<string> }>, pieces: Array<{ fileUrl: string, receivedAt: string, channel: JustificatifChannel }>, assignedTo: { id: string, displayName: string } | null, indicators: Array<{ code: string, label: string, finding: string | null, motifs: Array<{ code: string, label: string }> }>, professional: { id: string, lastName: string, firstName: string, profession: Profession, caisseCode: string }, history: Array<{ id: string, action: string, at: string, agentName: string | null }> } }
   };

export type ControlPlanPreviewQueryVariables = Exact<{
  input: ControlPlanInput;
}>;


export type ControlPlanPreviewQuery = { previewControlPlan:
    | { __typename: 'ControlPlanPreview', seed: string, populationCount: number, excludedCount: number, sampleCount: number, strata: Array<{ profession: Profession, indicatorCode: string, population: number, excluded: number, sampled: number }> }
    | { __typename: 'ControlPlanRefused', code: ControlPlanRefusalCode, message: string }
   };

export type CreateControlPlanMutationVariables = Exact<{
  input: CreateControlPlanInput;
}>;


export type CreateControlPlanMutation = { createControlPlan:
    | { __typename: 'ControlPlanCreated', plan: { id: string, caseCount: number, seed: string } }
    | { __typename: 'ControlPlanRefused', message: string }
   };

export type ControlQueueQueryVariables = Exact<{
  view?: ControlQueueView | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ControlQueueQuery = { controlCaseQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: ControlCaseStatus, statusLabel: string, ageDays: number, indicatorCodes: Array<string>, induCents: number | null, responseDeadline: string | null, professional: { id: string, lastName: string, firstName: string, profession: Profession }, assignedTo: { displayName: string } | null }> } };

export type ImportRunFieldsFragment = { id: string, kind: ImportKind, fileName: string, status: ImportRunStatus, caisseCode: string | null, startedAt: string, finishedAt: string | null, progress: number, rowsRead: number, rowsPerSecond: number, etaSeconds: number | null, inserted: number, updated: number, unchanged: number, rejected: number, skipped: number, unknown: number, absent: number, batchesCommitted: number, errorMessage: string | null, reportUrl: string | null };

export type ImportRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportRunsQuery = { importRuns: { totalCount: number, nodes: Array<{ id: string, kind: ImportKind, fileName: string, status: ImportRunStatus, caisseCode: string | null, startedAt: string, finishedAt: string | null, progress: number, rowsRead: number, rowsPerSecond: number, etaSeconds: number | null, inserted: number, updated: number, unchanged: number, rejected: number, skipped: number, unknown: number, absent: number, batchesCommitted: number, errorMessage: string | null, reportUrl: string | null }> } };

export type ImportRunQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportRunQuery = { importRun: { id: string, kind: ImportKind, fileName: string, status: ImportRunStatus, caisseCode: string | null, startedAt: string, finishedAt: string | null, progress: number, rowsRead: number, rowsPerSecond: number, etaSeconds: number | null, inserted: number, updated: number, unchanged: number, rejected: number, skipped: number, unknown: number, absent: number, batchesCommitted: number, errorMessage: string | null, reportUrl: string | null, rejections: Array<{ line: number, column: string | null, reason: string }> } | null };

export type ImportFeedMutationVariables = Exact<{
  kind: ImportKind;
  fileId: string;
}>;


export type ImportFeedMutation = { importFeed: { id: string, kind: ImportKind, fileName: string, status: ImportRunStatus, caisseCode: string | null, startedAt: string, finishedAt: string | null, progress: number, rowsRead: number, rowsPerSecond: number, etaSeconds: number | null, inserted: number, updated: number, unchanged: number, rejected: number, skipped: number, unknown: number, absent: number, batchesCommitted: number, errorMessage: string | null, reportUrl: string | null } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { expiresAt: string } };

export type ProfessionalFileQueryVariables = Exact<{
  id: string | number;
}>;


export type ProfessionalFileQuery = { professional: { id: string, lastName: string, firstName: string, profession: Profession, specialty: string | null, amNumber: string, rpps: string | null, adeli: string | null, addressLine: string, postalCode: string, commune: string, usesAmelipro: boolean, email: string | null, phone: string | null, installationDate: string | null, caisse: { code: string, name: string }, campaigns: Array<{ id: string, referenceYear: number, scheme: Scheme, label: string, status: CampaignStatus }>, payments: Array<{ id: string, kind: PaymentKind, amountCents: number, paidOn: string, status: PaymentStatus, reference: string, campaign: { id: string, label: string, referenceYear: number } }>, contacts: Array<{ id: string, at: string, channel: ContactChannel, subject: string, notes: string, agent: { displayName: string } | null }> } | null };

export type ProfessionalDeclarationQueryVariables = Exact<{
  id: string | number;
  year: number;
  scheme: Scheme;
}>;


export type ProfessionalDeclarationQuery = { professional: { id: string, declaration: { id: string, status: DeclarationStatus, transmissionCount: number, lastTransmittedAt: string | null, lastChannel: DeclarationChannel | null, honourAttestation: boolean, indicators: Array<{ source: ValueSource | null, validatedMention: string | null, indicator: { id: string, code: string, label: string, group: IndicatorGroup }, value: { display: string } | null, atteinte: { status: AchievementStatus, reason: string }, justificatifRequired: { required: boolean, reason: string, controlAPosteriori: boolean }, justificatifs: Array<{ id: string, status: JustificatifStatus, receivedAt: string, channel: JustificatifChannel, rejectionReasons: Array<RejectionReason> | null, comment: string | null, history: Array<{ id: string, action: string, at: string, agent: { displayName: string } | null }> }> }>, remuneration: { totalCents: number, complete: boolean, lines: Array<{ label: string, amountCents: number, amountKnown: boolean, reason: string }> } } | null } | null };

export type LogContactMutationVariables = Exact<{
  input: ContactInput;
}>;


export type LogContactMutation = { logContact: { id: string, at: string, channel: ContactChannel, subject: string, notes: string, agent: { displayName: string } | null } };

export type QueueQueryVariables = Exact<{
  filter?: JustificatifQueueFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QueueQuery = { justificatifQueue: { totalCount: number, hasPreviousPage: boolean, startCursor: string | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: JustificatifStatus, version: number, ageDays: number, receivedAt: string, decidedAt: string | null, channel: JustificatifChannel, professional: { id: string, lastName: string, firstName: string, profession: Profession }, indicator: { code: string, label: string }, campaign: { label: string }, assignedTo: { id: string, displayName: string } | null, decidedBy: { displayName: string } | null }> } };

export type QueueCountsQueryVariables = Exact<{
  filter?: JustificatifQueueFilter | null | undefined;
}>;


export type QueueCountsQuery = { justificatifQueueCounts: { toProcess: number, mine: number, allPending: number, processed: number } };

export type QueueConseillersQueryVariables = Exact<{ [key: string]: never; }>;


export type QueueConseillersQuery = { supervisionWorkload: { conseillers: Array<{ agent: { id: string, displayName: string } }> } };

export type SearchProfessionalsQueryVariables = Exact<{
  filter?: ProfessionalFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchProfessionalsQuery = { professionals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, lastName: string, firstName: string, profession: Profession, specialty: string | null, amNumber: string, rpps: string | null, adeli: string | null, commune: string, caisseCode: string }> } };

export type SearchCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchCampaignsQuery = { campaigns: Array<{ id: string, referenceYear: number, scheme: Scheme, label: string }> };

export type SupervisionCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type SupervisionCampaignsQuery = { campaigns: Array<{ id: string, referenceYear: number, scheme: Scheme, label: string, status: CampaignStatus, professions: Array<Profession> }> };

export type ProgressQueryVariables = Exact<{
  year: number;
  scheme?: Scheme | null | undefined;
  caisseCode?: string | null | undefined;
  profession?: Profession | null | undefined;
}>;


export type ProgressQuery = { campaignProgress: { caisseCode: string | null, profession: Profession | null, professionalsConcerned: number, declarationsStarted: number, declarationsTransmitted: number, projectedCents: number, computedCents: number, paidCents: number, justificatifs: { received: number, validated: number, rejected: number, pending: number, pendingByAge: Array<{ label: string, minDays: number, maxDays: number | null, count: number }> }, achievementByIndicator: Array<{ campaignLabel: string, code: string, label: string, achieved: number, notAchieved: number, neutralised: number, pendingJustificatif: number, achievementRate: number }>, byProfession: Array<{ key: string, label: string, professionalsConcerned: number, declarationsStarted: number, declarationsTransmitted: number, justificatifsPending: number, projectedCents: number, computedCents: number }>, byCaisse: Array<{ key: string, label: string, professionalsConcerned: number, declarationsStarted: number, declarationsTransmitted: number, justificatifsPending: number, projectedCents: number, computedCents: number }> } };

export type BulkAssignMutationVariables = Exact<{
  pieces: Array<BulkPieceInput> | BulkPieceInput;
  agentId?: string | number | null | undefined;
}>;


export type BulkAssignMutation = { bulkAssignJustificatifs: Array<
    | { __typename: 'BulkAlreadyDecided', id: string, message: string }
    | { __typename: 'BulkNotInCaisse', id: string, message: string }
    | { __typename: 'BulkReassigned', id: string, message: string, changed: boolean }
    | { __typename: 'BulkStale', id: string, message: string }
  > };

export type QueueCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type QueueCampaignsQuery = { campaigns: Array<{ id: string, referenceYear: number, scheme: Scheme, label: string, professions: Array<Profession>, indicators: Array<{ code: string, label: string }> }> };

export type SavedQueueViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedQueueViewsQuery = { savedQueueViews: Array<{ id: string, name: string, filter: { view: JustificatifQueueView | null, campaignYear: number | null, scheme: Scheme | null, indicatorCode: string | null, profession: Profession | null, caisseCode: string | null, minAgeDays: number | null, maxAgeDays: number | null, oldestFirst: boolean | null, holderId: string | null, held: boolean | null, decidedByMe: boolean | null } }> };

export type SaveQueueViewMutationVariables = Exact<{
  input: SaveQueueViewInput;
}>;


export type SaveQueueViewMutation = { saveQueueView: { id: string, name: string } };

export type DeleteQueueViewMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteQueueViewMutation = { deleteQueueView: boolean };

export type JustificatifQueryVariables = Exact<{
  id: string | number;
}>;


export type JustificatifQuery = { justificatif: { id: string, status: JustificatifStatus, version: number, ageDays: number, receivedAt: string, decidedAt: string | null, channel: JustificatifChannel, fileUrl: string | null, rejectionReasons: Array<RejectionReason> | null, comment: string | null, checklist: Array<{ code: string, checked: boolean }> | null, assignedTo: { id: string, displayName: string } | null, decidedBy: { id: string, displayName: string } | null, history: Array<{ id: string, action: string, at: string, comment: string | null, reasons: Array<RejectionReason> | null, agent: { displayName: string } | null }>, professional: { id: string, lastName: string, firstName: string, amNumber: string }, campaign: { referenceYear: number, scheme: Scheme, label: string }, indicator: { id: string, code: string, label: string, helpText: string, checklist: Array<{ code: string, label: string, required: boolean, rejectionReason: RejectionReason | null }> } } };

export type DeclaredValueQueryVariables = Exact<{
  id: string | number;
  year: number;
  scheme: Scheme;
}>;


export type DeclaredValueQuery = { professional: { id: string, declaration: { id: string, indicators: Array<{ source: ValueSource | null, validatedMention: string | null, indicator: { id: string, code: string }, value: { display: string } | null, atteinte: { status: AchievementStatus, reason: string } }> } | null } | null };

export type TakeJustificatifMutationVariables = Exact<{
  id: string | number;
  agentId?: string | number | null | undefined;
}>;


export type TakeJustificatifMutation = { assignJustificatif: { id: string, version: number, assignedTo: { id: string, displayName: string } | null } };

export type DecideJustificatifMutationVariables = Exact<{
  input: DecideJustificatifInput;
}>;


export type DecideJustificatifMutation = { decideJustificatif:
    | { __typename: 'AlreadyDecided', message: string }
    | { __typename: 'CampaignClosed', message: string }
    | { __typename: 'Decided', message: string, justificatif: { id: string, status: JustificatifStatus, version: number }, indicator: { validatedMention: string | null, atteinte: { status: AchievementStatus, reason: string } } | null }
    | { __typename: 'HeldByColleague', message: string }
    | { __typename: 'StaleVersion', message: string }
   };

export type SupervisionWorkloadQueryVariables = Exact<{
  year?: number | null | undefined;
  caisseCode?: string | null | undefined;
}>;


export type SupervisionWorkloadQuery = { supervisionWorkload: { pending: number, held: number, oldestPendingAgeDays: number | null, backlogTrend: Array<{ weekStart: string, backlog: number }>, conseillers: Array<{ held: number, oldestHeldAgeDays: number | null, decidedTotal: number, agent: { id: string, displayName: string }, decidedPerDay: Array<{ day: string, count: number }> }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, email: string, role: AgentRole, caisseCode: string, nationalScope: boolean, permissions: Array<Permission> } };

export const ControlCaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<ControlCaseFieldsFragment, unknown>;
export const ImportRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"batchesCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}}]}}]} as unknown as DocumentNode<ImportRunFieldsFragment, unknown>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ControlCaseScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ControlCaseScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<ControlCaseScreenQuery, ControlCaseScreenQueryVariables>;
export const TakeControlCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeControlCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeControlCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<TakeControlCaseMutation, TakeControlCaseMutationVariables>;
export const RequestControlPiecesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestControlPieces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestControlPieces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"LETTER"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<RequestControlPiecesMutation, RequestControlPiecesMutationVariables>;
export const AttachControlPieceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachControlPiece"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachControlPiece"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileId"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"POST"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<AttachControlPieceMutation, AttachControlPieceMutationVariables>;
export const ConcludeControlCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConcludeControlCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ControlOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"motifs"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ControlFindingInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concludeControlCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"motifs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"motifs"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCaseRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"controlCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"planLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestChannel"}},{"kind":"Field","name":{"kind":"Name","value":"requestDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"deadlinePassed"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"induReason"}},{"kind":"Field","name":{"kind":"Name","value":"induLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"dueCents"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"motifLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pieces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"motifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}}]}}]} as unknown as DocumentNode<ConcludeControlCaseMutation, ConcludeControlCaseMutationVariables>;
export const ControlPlanPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ControlPlanPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ControlPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewControlPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlPlanPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"populationCount"}},{"kind":"Field","name":{"kind":"Name","value":"excludedCount"}},{"kind":"Field","name":{"kind":"Name","value":"sampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlPlanRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ControlPlanPreviewQuery, ControlPlanPreviewQueryVariables>;
export const CreateControlPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateControlPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateControlPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createControlPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlPlanCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlPlanRefused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateControlPlanMutation, CreateControlPlanMutationVariables>;
export const ControlQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ControlQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"view"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ControlQueueView"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlCaseQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"view"},"value":{"kind":"Variable","name":{"kind":"Name","value":"view"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"indicatorCodes"}},{"kind":"Field","name":{"kind":"Name","value":"induCents"}},{"kind":"Field","name":{"kind":"Name","value":"responseDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ControlQueueQuery, ControlQueueQueryVariables>;
export const ImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"batchesCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}}]}}]} as unknown as DocumentNode<ImportRunsQuery, ImportRunsQueryVariables>;
export const ImportRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}},{"kind":"Field","name":{"kind":"Name","value":"rejections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"batchesCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}}]}}]} as unknown as DocumentNode<ImportRunQuery, ImportRunQueryVariables>;
export const ImportFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importFeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"batchesCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}}]}}]} as unknown as DocumentNode<ImportFeedMutation, ImportFeedMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const ProfessionalFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfessionalFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professional"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"amNumber"}},{"kind":"Field","name":{"kind":"Name","value":"rpps"}},{"kind":"Field","name":{"kind":"Name","value":"adeli"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}},{"kind":"Field","name":{"kind":"Name","value":"usesAmelipro"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"installationDate"}},{"kind":"Field","name":{"kind":"Name","value":"caisse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfessionalFileQuery, ProfessionalFileQueryVariables>;
export const ProfessionalDeclarationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfessionalDeclaration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Scheme"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professional"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"declaration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"scheme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"transmissionCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransmittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastChannel"}},{"kind":"Field","name":{"kind":"Name","value":"honourAttestation"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"atteinte"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justificatifRequired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"controlAPosteriori"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validatedMention"}},{"kind":"Field","name":{"kind":"Name","value":"justificatifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"remuneration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"amountKnown"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfessionalDeclarationQuery, ProfessionalDeclarationQueryVariables>;
export const LogContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<LogContactMutation, LogContactMutationVariables>;
export const QueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Queue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JustificatifQueueFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"justificatifQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<QueueQuery, QueueQueryVariables>;
export const QueueCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueueCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JustificatifQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"justificatifQueueCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toProcess"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"allPending"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}}]}}]}}]} as unknown as DocumentNode<QueueCountsQuery, QueueCountsQueryVariables>;
export const QueueConseillersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueueConseillers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervisionWorkload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conseillers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<QueueConseillersQuery, QueueConseillersQueryVariables>;
export const SearchProfessionalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchProfessionals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProfessionalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professionals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"specialty"}},{"kind":"Field","name":{"kind":"Name","value":"amNumber"}},{"kind":"Field","name":{"kind":"Name","value":"rpps"}},{"kind":"Field","name":{"kind":"Name","value":"adeli"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}}]}}]}}]}}]} as unknown as DocumentNode<SearchProfessionalsQuery, SearchProfessionalsQueryVariables>;
export const SearchCampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCampaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<SearchCampaignsQuery, SearchCampaignsQueryVariables>;
export const SupervisionCampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupervisionCampaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"professions"}}]}}]}}]} as unknown as DocumentNode<SupervisionCampaignsQuery, SupervisionCampaignsQueryVariables>;
export const ProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Progress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Scheme"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caisseCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profession"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Profession"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaignProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"scheme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}}},{"kind":"Argument","name":{"kind":"Name","value":"caisseCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caisseCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"profession"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profession"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"professionalsConcerned"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsTransmitted"}},{"kind":"Field","name":{"kind":"Name","value":"projectedCents"}},{"kind":"Field","name":{"kind":"Name","value":"computedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"justificatifs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"validated"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"pendingByAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"minDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxDays"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"achievementByIndicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaignLabel"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"notAchieved"}},{"kind":"Field","name":{"kind":"Name","value":"neutralised"}},{"kind":"Field","name":{"kind":"Name","value":"pendingJustificatif"}},{"kind":"Field","name":{"kind":"Name","value":"achievementRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byProfession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"professionalsConcerned"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsTransmitted"}},{"kind":"Field","name":{"kind":"Name","value":"justificatifsPending"}},{"kind":"Field","name":{"kind":"Name","value":"projectedCents"}},{"kind":"Field","name":{"kind":"Name","value":"computedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCaisse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"professionalsConcerned"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"declarationsTransmitted"}},{"kind":"Field","name":{"kind":"Name","value":"justificatifsPending"}},{"kind":"Field","name":{"kind":"Name","value":"projectedCents"}},{"kind":"Field","name":{"kind":"Name","value":"computedCents"}}]}}]}}]}}]} as unknown as DocumentNode<ProgressQuery, ProgressQueryVariables>;
export const BulkAssignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkAssign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pieces"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkPieceInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkAssignJustificatifs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pieces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pieces"}}},{"kind":"Argument","name":{"kind":"Name","value":"agentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkReassigned"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkAlreadyDecided"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkNotInCaisse"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkStale"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BulkAssignMutation, BulkAssignMutationVariables>;
export const QueueCampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueueCampaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"professions"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<QueueCampaignsQuery, QueueCampaignsQueryVariables>;
export const SavedQueueViewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SavedQueueViews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedQueueViews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"campaignYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"minAgeDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxAgeDays"}},{"kind":"Field","name":{"kind":"Name","value":"oldestFirst"}},{"kind":"Field","name":{"kind":"Name","value":"holderId"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"decidedByMe"}}]}}]}}]}}]} as unknown as DocumentNode<SavedQueueViewsQuery, SavedQueueViewsQueryVariables>;
export const SaveQueueViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveQueueView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveQueueViewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveQueueView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SaveQueueViewMutation, SaveQueueViewMutationVariables>;
export const DeleteQueueViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteQueueView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteQueueView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteQueueViewMutation, DeleteQueueViewMutationVariables>;
export const JustificatifDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Justificatif"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"justificatif"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"fileUrl"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"checklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"professional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"amNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referenceYear"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"checklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JustificatifQuery, JustificatifQueryVariables>;
export const DeclaredValueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeclaredValue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Scheme"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"professional"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"declaration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"scheme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheme"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"atteinte"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validatedMention"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeclaredValueQuery, DeclaredValueQueryVariables>;
export const TakeJustificatifDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeJustificatif"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignJustificatif"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"agentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<TakeJustificatifMutation, TakeJustificatifMutationVariables>;
export const DecideJustificatifDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideJustificatif"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideJustificatifInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideJustificatif"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Decided"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"justificatif"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atteinte"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validatedMention"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlreadyDecided"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeldByColleague"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaleVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CampaignClosed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideJustificatifMutation, DecideJustificatifMutationVariables>;
export const SupervisionWorkloadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupervisionWorkload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caisseCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervisionWorkload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"caisseCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caisseCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"oldestPendingAgeDays"}},{"kind":"Field","name":{"kind":"Name","value":"backlogTrend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"backlog"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conseillers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"oldestHeldAgeDays"}},{"kind":"Field","name":{"kind":"Name","value":"decidedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"decidedPerDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SupervisionWorkloadQuery, SupervisionWorkloadQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"caisseCode"}},{"kind":"Field","name":{"kind":"Name","value":"nationalScope"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;