/**
 * Re-evaluates many declarations at once (imports): inputs loaded in a fixed number of queries, the
 * rules run in memory, and only the changed atteintes and rémunérations written, each kind in one
 * multi-row UPDATE per slice.
 */
import type { EntityManager } from 'typeorm';
import { bulkUpdateById, chunks } from '../db/bulk';
import { Declaration, IndicatorValue } from './declaration.entity';
import { evaluateDeclaration } from './evaluation';
import { loadEvaluationInputs } from './evaluation-inputs';
import { storedEvaluationChanges, storedOf, type StoredEvaluationChanges } from './stored-evaluation';

export interface RecomputeSummary {
  declarations: number;
  valuesChanged: number;
  remunerationsChanged: number;
}

/** Declarations loaded at a time: one import batch, within the IN (…) lists the drivers handle well. */
const LOAD_SLICE = 1_000;

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
