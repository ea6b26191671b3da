/**
 * Re-evaluates many declarations at once (imports): inputs loaded in a fixed number of queries, the
 * rules run in memory, and the changed atteintes and rémunérations written as grouped updates (one
 * statement per distinct result, not one per row).
 */
import type { EntityManager } from 'typeorm';
import { chunks } from '../imports/bulk';
import { Declaration, IndicatorValue } from './declaration.entity';
import { evaluateDeclaration } from './evaluation';
import { loadEvaluationInputs } from './evaluation-inputs';

export interface RecomputeSummary {
  declarations: number;
  valuesChanged: number;
  remunerationsChanged: number;
}

/**
 * Declarations loaded at a time: loadEvaluationInputs matches rows to declarations by scanning lists,
 * so its cost grows with the square of the slice; 250 measured best.
 */
const LOAD_SLICE = 250;

export async function recomputeDeclarations(em: EntityManager, ids: readonly number[]): Promise<RecomputeSummary> {
  const unique = [...new Set(ids)];
  const summary: RecomputeSummary = { declarations: 0, valuesChanged: 0, remunerationsChanged: 0 };
  for (const slice of chunks(unique, LOAD_SLICE)) {
    const loaded = await loadEvaluationInputs(em, slice);
    // achievement + reason → value ids; total → declaration ids.
    const valueGroups = new Map<
      string,
      { achievement: IndicatorValue['achievement']; reason: string; ids: number[] }
    >();
    const totalGroups = new Map<number, number[]>();
    for (const [declarationId, entry] of loaded) {
      summary.declarations += 1;
      const evaluation = evaluateDeclaration(entry.input);
      const byCode = new Map(evaluation.indicators.map((e) => [e.indicator.code, e]));
      const codeById = new Map(entry.indicators.map((i) => [i.id, i.code]));
      for (const row of entry.values) {
        const result = byCode.get(codeById.get(row.indicatorId) ?? '');
        if (!result) continue;
        const reason = result.achievement.reason.slice(0, 400);
        if (row.achievement === result.achievement.status && row.achievementReason === reason) continue;
        const key = `${result.achievement.status}\u0000${reason}`;
        let group = valueGroups.get(key);
        if (!group) {
          group = { achievement: result.achievement.status, reason, ids: [] };
          valueGroups.set(key, group);
        }
        group.ids.push(row.id);
      }
      const total = evaluation.remuneration.totalCents;
      if (entry.declaration.projectedRemunerationCents !== total) {
        const group = totalGroups.get(total) ?? [];
        group.push(declarationId);
        totalGroups.set(total, group);
      }
    }
    for (const group of valueGroups.values()) {
      for (const idSlice of chunks(group.ids)) {
        await em
          .createQueryBuilder()
          .update(IndicatorValue)
          .set({ achievement: group.achievement, achievementReason: group.reason })
          .where('id IN (:...ids)', { ids: idSlice })
          .execute();
      }
      summary.valuesChanged += group.ids.length;
    }
    for (const [total, declarationIds] of totalGroups) {
      for (const idSlice of chunks(declarationIds)) {
        await em
          .createQueryBuilder()
          .update(Declaration)
          .set({ projectedRemunerationCents: total })
          .where('id IN (:...ids)', { ids: idSlice })
          .execute();
      }
      summary.remunerationsChanged += declarationIds.length;
    }
  }
  return summary;
}
