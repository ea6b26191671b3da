/** The campaign rules: pure functions over plain data, each result carrying its French reason. */
export * from './types';
export {
  campaignApplicability,
  indicatorApplicability,
  type ApplicabilityResult,
  type CampaignApplicability,
} from './applicability';
export {
  findJustificatifCover,
  justificatifFamily,
  justificatifRequirement,
  type CoverOrigin,
  type JustificatifContext,
  type JustificatifCover,
  type JustificatifRequirement,
  type JustificatifState,
} from './justificatif-requirement';
export { assessAchievement, countsForPayment, passesGate, type AchievementInput } from './achievement';
export { computeRemuneration, type AssessedIndicator, type RemunerationInput } from './remuneration';
export { VALIDATED_MENTION, validatedMention, type ValidatedMention } from './validated-mention';
export {
  evaluateDeclaration,
  type DeclarationEvaluation,
  type DeclarationEvaluationInput,
  type IndicatorEvaluation,
} from './evaluate';
export { formatEuros, formatPercent, MESSAGING_LABELS, PROFESSION_LABELS } from './format';
