import type { EvaluationResult } from './evaluation';
import { STORED_REASON_LENGTH, storedEvaluationChanges, type StoredEvaluation } from './stored-evaluation';

/** Only the parts of an evaluation that the comparison reads. */
function evaluation(totalCents: number, achievements: Record<string, { status: string; reason: string }>) {
  return {
    indicators: Object.entries(achievements).map(([code, achievement]) => ({ indicator: { code }, achievement })),
    remuneration: { totalCents },
  } as unknown as EvaluationResult;
}

const stored: StoredEvaluation = {
  projectedRemunerationCents: 46_000,
  indicators: [
    { id: 1, code: 'MSSANTE' },
    { id: 2, code: 'DMP' },
    { id: 3, code: 'RETIRED' },
  ],
  values: [
    { id: 10, indicatorId: 1, achievement: 'ACHIEVED', achievementReason: 'Messagerie MSSanté renseignée.' },
    { id: 11, indicatorId: 2, achievement: 'PENDING_JUSTIFICATIF', achievementReason: 'En attente.' },
    { id: 12, indicatorId: 3, achievement: 'NOT_ACHIEVED', achievementReason: 'Ancien.' },
  ],
};

describe('storedEvaluationChanges', () => {
  it('reports nothing when the stored atteintes and total still hold', () => {
    const changes = storedEvaluationChanges(
      stored,
      evaluation(46_000, {
        MSSANTE: { status: 'ACHIEVED', reason: 'Messagerie MSSanté renseignée.' },
        DMP: { status: 'PENDING_JUSTIFICATIF', reason: 'En attente.' },
      }),
    );
    expect(changes).toEqual({ values: [], projectedRemunerationCents: null });
  });

  it('reports the values whose status or reason changed, and the new total', () => {
    const changes = storedEvaluationChanges(
      stored,
      evaluation(52_000, {
        MSSANTE: { status: 'ACHIEVED', reason: 'Autre motif.' },
        DMP: { status: 'ACHIEVED', reason: 'Pièce justificative validée par la CPAM.' },
      }),
    );
    expect(changes).toEqual({
      values: [
        { id: 10, achievement: 'ACHIEVED', achievementReason: 'Autre motif.' },
        { id: 11, achievement: 'ACHIEVED', achievementReason: 'Pièce justificative validée par la CPAM.' },
      ],
      projectedRemunerationCents: 52_000,
    });
  });

  it('leaves the values of indicators the evaluation no longer lists', () => {
    const changes = storedEvaluationChanges(stored, evaluation(46_000, {}));
    expect(changes.values).toEqual([]);
  });

  it('compares and stores reasons cut to the column width', () => {
    const long = 'x'.repeat(STORED_REASON_LENGTH + 50);
    const cut = long.slice(0, STORED_REASON_LENGTH);
    const first = storedEvaluationChanges(stored, evaluation(46_000, { DMP: { status: 'ACHIEVED', reason: long } }));
    expect(first.values).toEqual([{ id: 11, achievement: 'ACHIEVED', achievementReason: cut }]);
    const again = storedEvaluationChanges(
      { ...stored, values: [{ id: 11, indicatorId: 2, achievement: 'ACHIEVED', achievementReason: cut }] },
      evaluation(46_000, { DMP: { status: 'ACHIEVED', reason: long } }),
    );
    expect(again.values).toEqual([]);
  });
});
