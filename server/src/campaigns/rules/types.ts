/**
 * Plain data the campaign rules work on. No database, no GraphQL: the services map
 * entities to these shapes, and the rules stay testable as pure functions.
 */
import type {
  AchievementStatus,
  CampaignStatus,
  MessagingType,
  Profession,
  RejectionReason,
  ValueSource,
} from '../../common/enums';

/** A declared, pre-filled or computed value, by value type. */
export type IndicatorValueData =
  | { type: 'BOOLEAN'; value: boolean }
  | { type: 'CHOICE'; code: string }
  | {
      type: 'SOFTWARE';
      softwareId: number;
      softwareName: string;
      version: string;
      publisherId: number;
      publisherName: string;
      dmpCompatible: boolean;
      lapCertified: boolean;
    }
  | { type: 'MESSAGING'; messagingType: MessagingType }
  | { type: 'RATE'; numerator: number; denominator: number }
  | { type: 'TEXT'; text: string; count?: number };

export interface RecordedValue {
  data: IndicatorValueData;
  source: ValueSource;
}

export interface ProfessionalData {
  profession: Profession;
  specialty: string | null;
  /**
   * Specialty code (TRE_R01 « Code savoir-faire », filled by the Annuaire Santé import): what exemption
   * lists name. Absent or null: the specialty label stands in for it.
   */
  specialtyCode?: string | null;
  /** Year the professional set up practice (seed 003: installing during the year calls for a justificatif). */
  installationYear: number | null;
}

/** A justificatif as the rules see it. */
export interface JustificatifData {
  campaignYear: number;
  conventionId: string | null;
  family: string;
  status: 'RECEIVED' | 'VALIDATED' | 'REJECTED';
  /** Publisher and software the validated document shows (the declaration's at decision time). */
  publisherId: number | null;
  softwareId: number | null;
  /** Name of that publisher, so that a change of publisher names both. */
  publisherName?: string | null;
  /** Day of the CPAM's decision, Paris calendar (YYYY-MM-DD); null while undecided. */
  decidedOn?: string | null;
  /** The conseiller's motifs, for a rejected piece. */
  rejectionReasons?: readonly RejectionReason[] | null;
}

/** Every rule answers with its result and a French reason an agent can read. */
export interface Reasoned<T> {
  result: T;
  reason: string;
}

export interface AchievementResult {
  status: AchievementStatus;
  reason: string;
}

export interface RemunerationLine {
  label: string;
  /** The indicator the line pays; absent for the gate line and the cap line. */
  indicatorCode?: string;
  amountCents: number;
  /** When the référentiel does not know the amount, the line is kept with 0 and says so. */
  amountKnown: boolean;
  reason: string;
}

export interface RemunerationResult {
  totalCents: number;
  lines: RemunerationLine[];
  /** False when one payable line had an unknown amount: the total is a lower bound. */
  complete: boolean;
}

export type { CampaignStatus };
