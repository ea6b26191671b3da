/**
 * Domain enumerations shared by entities, rules and the GraphQL schema.
 * Names follow shared/GLOSSARY.md; values are stable identifiers stored in the database.
 */

export const PROFESSIONS = [
  'MEDECIN_GENERALISTE',
  'MEDECIN_SPECIALISTE',
  'CHIRURGIEN_DENTISTE',
  'INFIRMIER',
  'MASSEUR_KINESITHERAPEUTE',
  'SAGE_FEMME',
  'ORTHOPHONISTE',
  'ORTHOPTISTE',
  'PEDICURE_PODOLOGUE',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const SCHEMES = ['FORFAIT_STRUCTURE', 'FAMI', 'ROSP'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const CAMPAIGN_STATUSES = ['UPCOMING', 'OPEN', 'CLOSED', 'COMPUTED', 'PAID'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** How an indicator counts in the payment formula. */
export const INDICATOR_GROUPS = ['SOCLE', 'COMPLEMENTAIRE', 'INDEPENDANT', 'VOLET_1', 'VOLET_2'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export const INDICATOR_KINDS = ['DECLARATIVE', 'DECLARATIVE_PREFILLED', 'COMPUTED'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const VALUE_TYPES = ['BOOLEAN', 'CHOICE', 'SOFTWARE', 'MESSAGING', 'RATE', 'TEXT'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** What the professional must provide for a declared indicator. */
export const JUSTIFICATIF_POLICIES = ['NONE', 'HONOUR_ATTESTATION', 'DOCUMENT'] as const;
export type JustificatifPolicy = (typeof JUSTIFICATIF_POLICIES)[number];

export const VALUE_SOURCES = ['PREFILLED', 'DECLARED', 'COMPUTED'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export const PREFILL_ORIGINS = ['DMP_TRACES', 'MSSANTE_DIRECTORY', 'BILLING_FLOWS', 'ANNUAIRE_SANTE'] as const;
export type PrefillOrigin = (typeof PREFILL_ORIGINS)[number];

export const DECLARATION_CHANNELS = ['AMELIPRO', 'PAPER'] as const;
export type DeclarationChannel = (typeof DECLARATION_CHANNELS)[number];

export const DECLARATION_STATUSES = ['NOT_STARTED', 'STARTED', 'TRANSMITTED'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export const JUSTIFICATIF_CHANNELS = ['AMELIPRO', 'EMAIL', 'POST'] as const;
export type JustificatifChannel = (typeof JUSTIFICATIF_CHANNELS)[number];

export const JUSTIFICATIF_STATUSES = ['RECEIVED', 'VALIDATED', 'REJECTED'] as const;
export type JustificatifStatus = (typeof JUSTIFICATIF_STATUSES)[number];

/** Closed list of rejection reasons (shared/domain/public-facts.md §8). */
export const REJECTION_REASONS = [
  'PUBLISHER_MISSING',
  'SOFTWARE_NAME_MISSING',
  'ACQUISITION_DATE_MISSING',
  'NOT_NOMINATIVE',
  'DMP_MENTION_MISSING',
  'CONNECTOR_OR_PACK_NOT_STATED',
  'VERSION_MISSING',
  'DOCUMENT_TYPE_NOT_ACCEPTED',
  'PUBLISHER_DIFFERS_FROM_DECLARATION',
  'WEB_DMP_ONLY',
  'LAP_NOT_CERTIFIED',
  'ILLEGIBLE',
  'OTHER_PROFESSIONAL',
  'UNRELATED_TO_INDICATOR',
  'RECEIVED_AFTER_DEADLINE',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const ACHIEVEMENT_STATUSES = ['ACHIEVED', 'NOT_ACHIEVED', 'NEUTRALISED', 'PENDING_JUSTIFICATIF'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

export const PAYMENT_KINDS = ['INITIAL', 'REGULARISATION'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_STATUSES = ['SCHEDULED', 'SENT', 'CANCELLED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const AGENT_ROLES = ['CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const CONTACT_CHANNELS = ['CALL', 'VISIT', 'EMAIL'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Secure messaging kinds a professional may declare (seed 002: Apicrypt V1 no longer valid from 2021). */
export const MESSAGING_TYPES = [
  'MSSANTE_PERSONAL',
  'MSSANTE_ORGANISATIONAL',
  'APICRYPT_V2',
  'APICRYPT_V1',
  'OTHER_NOT_LISTED',
] as const;
export type MessagingType = (typeof MESSAGING_TYPES)[number];

/** The conseiller's views of the justificatif queue. */
/** OPINION_ASKED: the pieces on which the agent's opinion is awaited (« Avis demandés »). */
export const QUEUE_VIEWS = ['TO_PROCESS', 'MINE', 'ALL_PENDING', 'PROCESSED', 'OPINION_ASKED'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** What a conseiller decides of a piece. */
export const JUSTIFICATIF_VERDICTS = ['VALIDATED', 'REJECTED'] as const;
export type JustificatifVerdict = (typeof JUSTIFICATIF_VERDICTS)[number];
