/**
 * Re-evaluates many declarations at once (imports): inputs loaded in a fixed number of queries, the
 * rules run in memory, and only the changed atteintes and rémunérations written, each kind in one
 * multi-row UPDATE per slice.
 *
 * `writeValuesEvaluated` does the same for values about to be written (pre-fill imports): the rules run
 * on the declarations as they will be once the values are written, so that each value row is written
 * once, with its atteinte, instead of written then updated.
 */
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { addPhase, timed } from '../imports/profile';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { AchievementStatus, PrefillOrigin, ValueSource } from '../common/enums';
import { bulkUpdateById, bulkUpsert, chunks } from '../db/bulk';
import { Declaration, IndicatorValue } from './declaration.entity';
import { evaluateDeclaration, type EvaluationResult } from './evaluation';
import {
  assembleEvaluationInputs,
  databaseRows,
  groupBy,
  loadEvaluationInputs,
  type EvaluationRowSource,
  type LoadedDeclaration,
} from './evaluation-inputs';
import {
  STORED_REASON_LENGTH,
  storedEvaluationChanges,
  storedOf,
  type StoredEvaluationChanges,
} from './stored-evaluation';

export interface RecomputeSummary {
  declarations: number;
  valuesChanged: number;
  remunerationsChanged: number;
}

/** Declarations loaded at a time: one import batch, within the IN (…) lists the drivers handle well. */
const LOAD_SLICE = 1_000;
/** Declarations planned at a time: an import batch of up to 10 000 rows in one pass. */
const PLAN_SLICE = 10_000;

export async function recomputeDeclarations(em: EntityManager, ids: readonly number[]): Promise<RecomputeSummary> {
  const unique = [...new Set(ids)];
  const summary: RecomputeSummary = { declarations: 0, valuesChanged: 0, remunerationsChanged: 0 };
  for (const slice of chunks(unique, LOAD_SLICE)) {
    const loaded = await loadEvaluationInputs(em, slice);
    const valueChanges: StoredEvaluationChanges['values'] = [];
    const totalChanges: { id: number; projectedRemunerationCents: number }[] = [];
    for (const [declarationId, entry] of loaded) {
      summary.declarations += 1;
      const changes = storedEvaluationChanges(storedOf(entry), evaluateDeclaration(entry.input));
      valueChanges.push(...changes.values);
      if (changes.projectedRemunerationCents !== null) {
        totalChanges.push({ id: declarationId, projectedRemunerationCents: changes.projectedRemunerationCents });
      }
    }
    await bulkUpdateById(em, IndicatorValue, valueChanges, ['achievement', 'achievementReason']);
    await bulkUpdateById(em, Declaration, totalChanges, ['projectedRemunerationCents']);
    summary.valuesChanged += valueChanges.length;
    summary.remunerationsChanged += totalChanges.length;
  }
  return summary;
}

/** A value to write into a declaration (one row of `indicator_value`, by declaration and indicator). */
export interface PendingValue {
  declarationId: number;
  indicatorId: number;
  professionalId: number;
  campaignId: number;
  data: IndicatorValueData;
  source: ValueSource;
  prefillOrigin: PrefillOrigin | null;
}

/** What the rules make of a declaration once its pending values are written. */
export interface PlannedEvaluation {
  /** The pending values, each with the atteinte it is written with. */
  writes: (PendingValue & { achievement: AchievementStatus; achievementReason: string })[];
  /** The declaration's other stored values whose atteinte changes. */
  values: StoredEvaluationChanges['values'];
  /** The new projected rémunération, or null when the stored one still holds. */
  projectedRemunerationCents: number | null;
}

/** A value row written where none was (or an indicator the rules no longer apply) starts as this. */
const UNDECLARED = { achievement: 'NOT_ACHIEVED' as AchievementStatus, achievementReason: 'Indicateur non déclaré' };

/**
 * Pure: the declaration `entry` (as loaded, before the write) evaluated with `pending` written into it.
 * The end state equals writing the values and then re-evaluating the declaration.
 */
export function planEvaluation(
  entry: LoadedDeclaration,
  pending: readonly PendingValue[],
  evaluate: (input: LoadedDeclaration['input']) => EvaluationResult = evaluateDeclaration,
): PlannedEvaluation {
  const codeOf = new Map(entry.indicators.map((i) => [i.id, i.code]));
  const values = { ...entry.input.values };
  for (const p of pending) {
    const code = codeOf.get(p.indicatorId);
    if (code) values[code] = { data: p.data, source: p.source };
  }
  const evaluation = evaluate({ ...entry.input, values });
  const byCode = new Map(evaluation.indicators.map((e) => [e.indicator.code, e.achievement]));
  const storedRow = new Map(entry.values.map((v) => [v.indicatorId, v]));
  const written = new Set(pending.map((p) => p.indicatorId));
  const writtenRows = new Set(entry.values.filter((v) => written.has(v.indicatorId)).map((v) => v.id));
  const writes = pending.map((p) => {
    const achievement = byCode.get(codeOf.get(p.indicatorId) ?? '');
    const row = storedRow.get(p.indicatorId);
    // An indicator the rules do not apply keeps what its row holds (as a recomputation leaves it).
    const kept = row ? { achievement: row.achievement, achievementReason: row.achievementReason } : UNDECLARED;
    return {
      ...p,
      ...(achievement
        ? { achievement: achievement.status, achievementReason: achievement.reason.slice(0, STORED_REASON_LENGTH) }
        : kept),
    };
  });
  const changes = storedEvaluationChanges(storedOf(entry), evaluation);
  return {
    writes,
    values: changes.values.filter((c) => !writtenRows.has(c.id)),
    projectedRemunerationCents: changes.projectedRemunerationCents,
  };
}

/** The writes of `writeValuesEvaluated`, planned (reads and rules) before any of them is made. */
export interface ValueWritePlan {
  writes: PlannedEvaluation['writes'];
  values: StoredEvaluationChanges['values'];
  totals: { id: number; projectedRemunerationCents: number }[];
  declarations: number;
}

/**
 * Reads and rules only: the evaluation of the declarations of `pending` values (at most one per
 * declaration and indicator), plus of `alsoEvaluate` (declarations just created), as they will be once
 * the values are written. `storedValues` are the declarations' value rows, already read by the caller:
 * they are not read again.
 */
export async function planValueWrites(
  em: EntityManager,
  pending: readonly PendingValue[],
  storedValues: readonly IndicatorValue[],
  alsoEvaluate: readonly number[] = [],
  /** Rows the caller already holds (the référentiel of the run, the batch's declarations…): not read again. */
  preloaded: Partial<EvaluationRowSource> = {},
): Promise<ValueWritePlan> {
  const plan: ValueWritePlan = { writes: [], values: [], totals: [], declarations: 0 };
  const byDeclaration = groupBy(pending, (p) => p.declarationId);
  const storedByDeclaration = groupBy(storedValues, (v) => v.declarationId);
  const ids = [...new Set([...byDeclaration.keys(), ...alsoEvaluate])];
  // The caller's batch at once (its rows are already in memory): one query per input, whatever its size.
  for (const slice of chunks(ids, PLAN_SLICE)) {
    const loaded = await timed('plan: assemble inputs', () =>
      assembleEvaluationInputs(
        {
          ...databaseRows(em),
          ...preloaded,
          values: async (declarationIds) => declarationIds.flatMap((id) => storedByDeclaration.get(id) ?? []),
        },
        slice,
      ),
    );
    const evaluated = performance.now();
    for (const id of slice) {
      const entry = loaded.get(id);
      const own = byDeclaration.get(id) ?? [];
      if (!entry) {
        // A declaration the rules cannot read (no campaign or professional): values written as they come.
        plan.writes.push(...own.map((p) => ({ ...p, ...UNDECLARED })));
        continue;
      }
      plan.declarations += 1;
      const planned = planEvaluation(entry, own);
      plan.writes.push(...planned.writes);
      plan.values.push(...planned.values);
      if (planned.projectedRemunerationCents !== null) {
        plan.totals.push({ id, projectedRemunerationCents: planned.projectedRemunerationCents });
      }
    }
    addPhase('plan: evaluate', performance.now() - evaluated);
  }
  return plan;
}

/** Writes a plan: one multi-row upsert of the values with their atteinte per slice, then the other changes. */
export async function applyValueWritePlan(em: EntityManager, plan: ValueWritePlan): Promise<RecomputeSummary> {
  await timed('write: upsert values', () =>
    bulkUpsert(
      em,
      IndicatorValue,
      plan.writes.map((w) => ({
        declarationId: w.declarationId,
        indicatorId: w.indicatorId,
        professionalId: w.professionalId,
        campaignId: w.campaignId,
        value: w.data,
        source: w.source,
        prefillOrigin: w.prefillOrigin,
        achievement: w.achievement,
        achievementReason: w.achievementReason,
      })),
      ['declarationId', 'indicatorId'],
      ['value', 'source', 'prefillOrigin', 'achievement', 'achievementReason'],
      ['updatedAt'],
    ),
  );
  await timed('write: other atteintes', () =>
    bulkUpdateById(em, IndicatorValue, plan.values, ['achievement', 'achievementReason']),
  );
  await timed('write: rémunérations', () =>
    bulkUpdateById(em, Declaration, plan.totals, ['projectedRemunerationCents']),
  );
  return {
    declarations: plan.declarations,
    valuesChanged: plan.values.length + plan.writes.length,
    remunerationsChanged: plan.totals.length,
  };
}

/** Plans then writes: same end state as writing the values and then `recomputeDeclarations`. */
export async function writeValuesEvaluated(
  em: EntityManager,
  pending: readonly PendingValue[],
  storedValues: readonly IndicatorValue[],
  alsoEvaluate: readonly number[] = [],
): Promise<RecomputeSummary> {
  return applyValueWritePlan(em, await planValueWrites(em, pending, storedValues, alsoEvaluate));
}
