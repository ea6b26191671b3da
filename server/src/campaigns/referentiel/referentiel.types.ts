/**
 * The shape of one campaign's référentiel file (server/src/campaigns/referentiel/data/*.json).
 * A new campaign year is a new file of this shape: no code change.
 * Money is in integer cents; calendar dates are 'YYYY-MM-DD' strings.
 */
import type {
  IndicatorGroup,
  IndicatorKind,
  JustificatifPolicy,
  MessagingType,
  PrefillOrigin,
  Profession,
  RejectionReason,
  Scheme,
  ValueType,
} from '../../common/enums';

/** An amount that a public source may not state: `known: false` says so instead of inventing one. */
export type Amount = { known: true; cents: number } | { known: true; points: number } | { known: false; note: string };

/** Parts of a criterion a specialty can be exempted from. */
export const EXEMPTION_SUBJECTS = ['LAP'] as const;
export type ExemptionSubject = (typeof EXEMPTION_SUBJECTS)[number];

/** What a neutralised indicator does to the payment formula for that year. */
export interface Neutralisation {
  reason: string; // French, shown to agents
  /** COUNTS_AS_ACHIEVED: treated as met (seed 000, FSE rate 2020). NOT_REQUIRED: ignored, its share not paid. */
  effect: 'COUNTS_AS_ACHIEVED' | 'NOT_REQUIRED';
}

/** Which documents trigger a new justificatif (public-facts §9 conflict 1: a référentiel setting). */
export type JustificatifTrigger = 'PUBLISHER_CHANGE' | 'SOFTWARE_CHANGE';

export interface JustificatifRule {
  policy: JustificatifPolicy;
  /** For DOCUMENT: the family under which a validated document stays valid across campaigns (e.g. 'SOFTWARE_DMP'). */
  family?: string;
  /** Checklist the conseiller ticks (codes with French labels). */
  checklist?: { code: string; label: string; required: boolean; rejectionReason: RejectionReason }[];
  /** Honour-attested indicators are flagged for contrôle a posteriori. */
  controlAPosteriori?: boolean;
}

export interface IndicatorDefinition {
  code: string; // stable across years where the indicator is the same criterion, e.g. 'LOG_DMP'
  label: string; // French
  /** Short French name used in reasons and rémunération lines (e.g. 'Taux de FSE'); defaults to `label`. */
  shortLabel?: string;
  helpText: string; // French
  group: IndicatorGroup;
  kind: IndicatorKind;
  valueType: ValueType;
  /** Professions the indicator applies to; omitted = every profession of the campaign. */
  professions?: Profession[];
  /** Médecins: specialties the indicator applies to; omitted = all. */
  specialties?: string[];
  /**
   * Specialties exempted from part of the criterion (e.g. LAP when the specialty has no software offer).
   * `what` names the waived part; the loader accepts the subjects in EXEMPTION_SUBJECTS.
   */
  exemptions?: { specialties: string[]; what: ExemptionSubject; reason: string }[];
  prefillOrigin?: PrefillOrigin;
  /** CHOICE: the allowed options. */
  choices?: { code: string; label: string; achieves: boolean; reason?: string }[];
  /** MESSAGING: which messaging types achieve the indicator this year. */
  acceptedMessagingTypes?: MessagingType[];
  /** RATE: threshold in percent and the comparison. */
  threshold?: { minPercent: number; inclusive: boolean };
  /** TEXT / BOOLEAN with details: e.g. 'aller vers' needs at least N interventions and the places. */
  requirements?: { minCount?: number; placesRequired?: boolean };
  /** SOFTWARE: what the declared software must be. */
  softwareRequirements?: { dmpCompatible?: boolean; lapCertified?: boolean };
  justificatif: JustificatifRule;
  /**
   * Per-indicator amount (complémentaire, indépendant, volet 2 points). On a gate indicator (SOCLE, VOLET_1)
   * it is the indicator's share of the gate amount, withheld when the indicator is neutralised NOT_REQUIRED
   * and not achieved (e.g. PEC inside the 590 € socle of 2022).
   */
  amount?: Amount;
  /** Per-profession override of `amount`. */
  amountByProfession?: Partial<Record<Profession, Amount>>;
  neutralised?: Neutralisation;
  displayOrder: number;
}

export interface RemunerationSettings {
  /** 'CENTS' for FAMI, 'POINTS' for forfait structure (points × pointValueCents). */
  unit: 'CENTS' | 'POINTS';
  pointValueCents?: number;
  /** Paid when every gate indicator (SOCLE / VOLET_1) is achieved or neutralised. */
  gateAmount: Amount;
  gateAmountByProfession?: Partial<Record<Profession, Amount>>;
  gateLabel: string; // French, e.g. 'Socle : 5 indicateurs obligatoires'
  maximum?: Amount;
}

export interface ReferentielFile {
  formatVersion: 1;
  /** Bumped at each correction of the file; stored with the campaign. */
  referentielVersion: string;
  campaign: {
    referenceYear: number;
    scheme: Scheme;
    label: string;
    professions: Profession[];
    window: {
      opensOn: string;
      plannedClosesOn: string;
      /** Actual closing date when an extension was announced (public-facts §9 conflict 2). */
      closesOn: string;
    };
    /** Planned payment date, or null when only a period is known. */
    paymentDate: string | null;
    paymentPeriodLabel: string; // French, e.g. '2e trimestre 2025'
    /** Convention in force per profession: a validated justificatif stays valid while it is the same. */
    conventions: Partial<Record<Profession, string>>;
    sources: string[]; // e.g. ['seed 004', 'public-facts §2.2.1']
  };
  settings: {
    justificatifTrigger: JustificatifTrigger;
    /** FAMI: achievement is appreciated at 31/12 of the reference year, no proration. */
    appreciationDate: string;
  };
  remuneration: RemunerationSettings;
  indicators: IndicatorDefinition[];
}
