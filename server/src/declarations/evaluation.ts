/**
 * Evaluates one professional's declaration for one campaign by composing the pure rules:
 * applicability, justificatif requirement, atteinte, mention and rémunération.
 * Pure: the services load the plain data, call this, and persist what it returns.
 */
import type { ReferentielFile, IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type {
  AchievementResult,
  JustificatifData,
  ProfessionalData,
  RecordedValue,
  RemunerationResult,
} from '../campaigns/rules/types';
import type { CampaignStatus } from '../common/enums';

export interface CampaignData {
  label: string;
  referenceYear: number;
  status: CampaignStatus;
  professions: ReferentielFile['campaign']['professions'];
  conventions: ReferentielFile['campaign']['conventions'];
  settings: ReferentielFile['settings'];
  remuneration: ReferentielFile['remuneration'];
}

export interface EvaluationInput {
  campaign: CampaignData;
  indicators: IndicatorDefinition[];
  professional: ProfessionalData;
  /** By indicator code; absent or null when neither pre-filled nor declared. */
  values: Record<string, RecordedValue | null | undefined>;
  /** The professional's justificatifs of every campaign (validity carries over within a convention). */
  justificatifs: (JustificatifData & { indicatorCode: string })[];
  /** Reference years of the professional's earlier transmitted declarations in the same scheme. */
  earlierDeclarationYears: number[];
}

export interface IndicatorEvaluation {
  code: string;
  applicabilityReason: string;
  achievement: AchievementResult;
  justificatifRequired: boolean;
  justificatifReason: string;
  controlAPosteriori: boolean;
  validatedMention: boolean;
}

export interface EvaluationResult {
  indicators: IndicatorEvaluation[];
  remuneration: RemunerationResult;
}

export { evaluateDeclaration } from './evaluate';
