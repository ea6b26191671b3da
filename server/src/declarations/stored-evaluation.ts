/**
 * A declaration stores its evaluation denormalised (each value's atteinte and reason, the projected
 * rémunération) so that lists and dashboards read it without running the rules. This says what of it
 * a fresh evaluation changes; every writer (a decision, a paper declaration, an import) stores that.
 */
import type { AchievementStatus } from '../common/enums';
import type { EvaluationResult } from './evaluation';

/** Room for a reason in `indicator_value.achievement_reason`. */
export const STORED_REASON_LENGTH = 400;

export interface StoredEvaluation {
  projectedRemunerationCents: number;
  indicators: readonly { id: number; code: string }[];
  values: readonly { id: number; indicatorId: number; achievement: AchievementStatus; achievementReason: string }[];
}

export interface StoredEvaluationChanges {
  values: { id: number; achievement: AchievementStatus; achievementReason: string }[];
  /** The new projected rémunération, or null when the stored one still holds. */
  projectedRemunerationCents: number | null;
}

/** The stored side of a declaration loaded for evaluation. */
export function storedOf(loaded: {
  declaration: { projectedRemunerationCents: number };
  indicators: StoredEvaluation['indicators'];
  values: StoredEvaluation['values'];
}): StoredEvaluation {
  return {
    projectedRemunerationCents: loaded.declaration.projectedRemunerationCents,
    indicators: loaded.indicators,
    values: loaded.values,
  };
}

export function storedEvaluationChanges(
  stored: StoredEvaluation,
  evaluation: EvaluationResult,
): StoredEvaluationChanges {
  const byCode = new Map(evaluation.indicators.map((e) => [e.indicator.code, e.achievement]));
  const codeById = new Map(stored.indicators.map((i) => [i.id, i.code]));
  const values: StoredEvaluationChanges['values'] = [];
  for (const row of stored.values) {
    const achievement = byCode.get(codeById.get(row.indicatorId) ?? '');
    // A value of an indicator that no longer applies keeps what it holds.
    if (!achievement) continue;
    const reason = achievement.reason.slice(0, STORED_REASON_LENGTH);
    if (row.achievement === achievement.status && row.achievementReason === reason) continue;
    values.push({ id: row.id, achievement: achievement.status, achievementReason: reason });
  }
  const total = evaluation.remuneration.totalCents;
  return { values, projectedRemunerationCents: stored.projectedRemunerationCents === total ? null : total };
}
