/**
 * The services' view of the rules: `evaluateDeclaration` (pure, campaigns/rules/evaluate.ts) over the
 * plain data that evaluation-inputs.ts loads in batches.
 */
export { evaluateDeclaration } from '../campaigns/rules/evaluate';
export type {
  DeclarationEvaluation as EvaluationResult,
  DeclarationEvaluationInput as EvaluationInput,
  IndicatorEvaluation,
} from '../campaigns/rules/evaluate';
