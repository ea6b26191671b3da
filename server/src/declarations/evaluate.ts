import { indicatorApplicability } from '../campaigns/rules/applicability';
import { assessAchievement } from '../campaigns/rules/achievement';
import { justificatifRequirement, type JustificatifContext } from '../campaigns/rules/justificatif-requirement';
import { computeRemuneration } from '../campaigns/rules/remuneration';
import { validatedMention } from '../campaigns/rules/validated-mention';
import type { EvaluationInput, EvaluationResult, IndicatorEvaluation } from './evaluation';

/**
 * Only the indicators that apply to the professional are evaluated and paid; the others are left out
 * of the declaration (their reason stays available from the applicability rule).
 */
export function evaluateDeclaration(input: EvaluationInput): EvaluationResult {
  const { campaign, professional } = input;
  const context: JustificatifContext = {
    referenceYear: campaign.referenceYear,
    conventionId: campaign.conventions[professional.profession] ?? null,
    trigger: campaign.settings.justificatifTrigger,
    justificatifs: input.justificatifs,
    firstDeclarationYear: input.earlierDeclarationYears.length ? Math.min(...input.earlierDeclarationYears) : null,
  };
  const assessed: { evaluation: IndicatorEvaluation; definition: EvaluationInput['indicators'][number] }[] = [];
  for (const definition of input.indicators) {
    const applicability = indicatorApplicability(campaign, definition, professional);
    if (!applicability.applicable) continue;
    const value = input.values[definition.code] ?? null;
    const requirement = justificatifRequirement(definition, value, professional, context);
    const achievement = assessAchievement({
      indicator: definition,
      value,
      campaignStatus: campaign.status,
      waived: applicability.waived,
      justificatif: requirement,
    });
    assessed.push({
      definition,
      evaluation: {
        code: definition.code,
        applicabilityReason: applicability.reason,
        achievement,
        justificatifRequired: requirement.required,
        justificatifReason: requirement.reason,
        controlAPosteriori: requirement.controlAPosteriori,
        validatedMention: validatedMention(definition, value, context).shown,
      },
    });
  }
  return {
    indicators: assessed.map((a) => a.evaluation),
    remuneration: computeRemuneration({
      settings: campaign.remuneration,
      profession: professional.profession,
      assessed: assessed.map((a) => ({ indicator: a.definition, achievement: a.evaluation.achievement })),
    }),
  };
}
