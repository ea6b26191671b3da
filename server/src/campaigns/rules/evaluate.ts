/**
 * One professional's campaign, end to end: which indicators apply, what each needs as justificatif,
 * its atteinte, its mention, and the rémunération. Services map entities to this input and store the
 * results; everything here stays pure.
 */
import type { CampaignStatus } from '../../common/enums';
import type { IndicatorDefinition, ReferentielFile } from '../referentiel/referentiel.types';
import { assessAchievement } from './achievement';
import { campaignApplicability, type ApplicabilityResult } from './applicability';
import {
  justificatifFamily,
  justificatifRequirement,
  type JustificatifContext,
  type JustificatifRequirement,
} from './justificatif-requirement';
import { computeRemuneration } from './remuneration';
import type { AchievementResult, JustificatifData, ProfessionalData, RecordedValue, RemunerationResult } from './types';
import { validatedMention, type ValidatedMention } from './validated-mention';

export interface DeclarationEvaluationInput {
  referentiel: Pick<ReferentielFile, 'campaign' | 'settings' | 'remuneration' | 'indicators'>;
  campaignStatus: CampaignStatus;
  professional: ProfessionalData;
  /** Recorded values by indicator code; a missing code is neither pre-filled nor declared. */
  values: Partial<Record<string, RecordedValue | null>>;
  /** The professional's justificatifs of every campaign. */
  justificatifs: JustificatifData[];
  /** First reference year each justificatif family was declared, for the first-year wording. */
  firstDeclarationYearByFamily?: Partial<Record<string, number | null>>;
  /**
   * Indicators a contrôle a posteriori concluded non-compliant (or unanswered) for this campaign, by code,
   * with the reason naming the control: they are not achieved, whatever the declared value.
   */
  controlFindings?: Partial<Record<string, string>>;
}

export interface IndicatorEvaluation {
  indicator: IndicatorDefinition;
  applicability: ApplicabilityResult;
  justificatif: JustificatifRequirement;
  achievement: AchievementResult;
  mention: ValidatedMention;
}

export interface DeclarationEvaluation {
  /** Applicable indicators, in display order. */
  indicators: IndicatorEvaluation[];
  notApplicable: ApplicabilityResult[];
  remuneration: RemunerationResult;
}

function justificatifContext(input: DeclarationEvaluationInput, indicator: IndicatorDefinition): JustificatifContext {
  const { campaign, settings } = input.referentiel;
  const family = justificatifFamily(indicator);
  return {
    referenceYear: campaign.referenceYear,
    conventionId: campaign.conventions[input.professional.profession] ?? null,
    trigger: settings.justificatifTrigger,
    justificatifs: input.justificatifs,
    firstDeclarationYear: family === null ? null : (input.firstDeclarationYearByFamily?.[family] ?? null),
    campaignStatus: input.campaignStatus,
  };
}

function evaluateIndicator(input: DeclarationEvaluationInput, applicability: ApplicabilityResult): IndicatorEvaluation {
  const indicator = applicability.indicator;
  const value = input.values[indicator.code] ?? null;
  const context = justificatifContext(input, indicator);
  const justificatif = justificatifRequirement(indicator, value, input.professional, context);
  const finding = input.controlFindings?.[indicator.code];
  const achievement: AchievementResult = finding
    ? { status: 'NOT_ACHIEVED', reason: finding }
    : assessAchievement({
        indicator,
        value,
        campaignStatus: input.campaignStatus,
        waived: applicability.waived,
        justificatif,
      });
  const mention = validatedMention(indicator, value, context);
  return { indicator, applicability, justificatif, achievement, mention };
}

export function evaluateDeclaration(input: DeclarationEvaluationInput): DeclarationEvaluation {
  const { applicable, notApplicable } = campaignApplicability(input.referentiel, input.professional);
  const indicators = applicable.map((applicability) => evaluateIndicator(input, applicability));
  const remuneration = computeRemuneration({
    settings: input.referentiel.remuneration,
    profession: input.professional.profession,
    assessed: indicators,
  });
  return { indicators, notApplicable, remuneration };
}
