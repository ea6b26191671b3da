/**
 * Plain data the campaign rules work on. No database, no GraphQL: the services map
 * entities to these shapes, and the rules stay testable as pure functions.
 */
import type { AchievementStatus, CampaignStatus, MessagingType, Profession, ValueSource } from '../../common/enums';

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
   * Annuaire Santé specialty code (« Code savoir-faire », TRE_R01, e.g. SM54): what the LAP exemption list
   * names. Absent or null when unknown (then the exemption falls back on the specialty label).
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
