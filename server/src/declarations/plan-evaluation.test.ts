/**
 * planEvaluation: a declaration evaluated with the values about to be written. Each case states what a
 * write followed by a recomputation would store; the evaluator is a stand-in that reads its input.
 */
import type { EvaluationResult } from './evaluation';
import type { LoadedDeclaration } from './evaluation-inputs';
import { planEvaluation, type PendingValue } from './recompute-batch';

type Input = LoadedDeclaration['input'];

/** The rules, reduced to: an indicator with a value is achieved (reason names the value), else not. */
function fakeRules(applicable: string[], centsPerAchieved = 10_000) {
  const seen: Input[] = [];
  const evaluate = (input: Input) => {
    seen.push(input);
    const indicators = applicable.map((code) => {
      const value = input.values[code];
      return {
        indicator: { code },
        achievement: value
          ? { status: 'ACHIEVED', reason: `Valeur ${JSON.stringify(value.data)} (${value.source}).` }
          : { status: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' },
      };
    });
    const achieved = indicators.filter((i) => i.achievement.status === 'ACHIEVED').length;
    return { indicators, remuneration: { totalCents: achieved * centsPerAchieved } } as unknown as EvaluationResult;
  };
  return { evaluate, seen };
}

function entry(
  values: { id: number; indicatorId: number; achievement: string; reason: string; data?: unknown }[],
  total: number,
) {
  const indicators = [
    { id: 1, code: 'RATE_FSE' },
    { id: 2, code: 'SESAM' },
    { id: 3, code: 'HORAIRES' },
  ];
  const byCode: Input['values'] = {};
  for (const v of values) {
    const code = indicators.find((i) => i.id === v.indicatorId)!.code;
    if (v.data !== undefined) byCode[code] = { data: v.data, source: 'PREFILLED' } as Input['values'][string];
  }
  return {
    declaration: { id: 7, projectedRemunerationCents: total },
    indicators,
    values: values.map((v) => ({
      id: v.id,
      indicatorId: v.indicatorId,
      achievement: v.achievement,
      achievementReason: v.reason,
    })),
    input: { values: byCode },
  } as unknown as LoadedDeclaration;
}

const pending = (indicatorId: number, value: boolean): PendingValue => ({
  declarationId: 7,
  indicatorId,
  professionalId: 3,
  campaignId: 5,
  data: { type: 'BOOLEAN', value },
  source: 'PREFILLED',
  prefillOrigin: 'BILLING_FLOWS',
});

describe('planEvaluation', () => {
  it('writes each pending value with the atteinte the rules give once it is written', () => {
    const rules = fakeRules(['RATE_FSE', 'SESAM']);
    const loaded = entry(
      [
        { id: 10, indicatorId: 1, achievement: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' },
        { id: 11, indicatorId: 2, achievement: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' },
      ],
      0,
    );
    const plan = planEvaluation(loaded, [pending(2, true)], rules.evaluate);
    expect(plan.writes).toEqual([
      {
        ...pending(2, true),
        achievement: 'ACHIEVED',
        achievementReason: 'Valeur {"type":"BOOLEAN","value":true} (PREFILLED).',
      },
    ]);
    // The written row is not updated a second time; the other one still holds; the total moves.
    expect(plan.values).toEqual([]);
    expect(plan.projectedRemunerationCents).toBe(10_000);
    // The rules saw the pending value; the loaded declaration is left as it was read.
    expect(rules.seen[0]!.values.SESAM).toEqual({ data: { type: 'BOOLEAN', value: true }, source: 'PREFILLED' });
    expect(loaded.input.values.SESAM).toBeUndefined();
  });

  it.each([
    [
      'a stored row of an indicator the rules no longer apply keeps its atteinte',
      true,
      'PENDING_JUSTIFICATIF',
      'Ancien.',
    ],
    ['a new row of such an indicator starts as not declared', false, 'NOT_ACHIEVED', 'Indicateur non déclaré'],
  ])('%s', (_, stored, achievement, reason) => {
    const rules = fakeRules(['RATE_FSE']);
    const loaded = entry(
      stored ? [{ id: 12, indicatorId: 3, achievement: 'PENDING_JUSTIFICATIF', reason: 'Ancien.' }] : [],
      0,
    );
    const plan = planEvaluation(loaded, [pending(3, true)], rules.evaluate);
    expect(plan.writes).toEqual([{ ...pending(3, true), achievement, achievementReason: reason }]);
    expect(plan.projectedRemunerationCents).toBeNull();
  });

  it('reports the other stored values whose atteinte moves, and nothing when the total holds', () => {
    const rules = fakeRules(['RATE_FSE', 'SESAM']);
    const loaded = entry(
      [
        {
          id: 10,
          indicatorId: 1,
          achievement: 'NOT_ACHIEVED',
          reason: 'Ancienne raison',
          data: { type: 'BOOLEAN', value: false },
        },
        { id: 11, indicatorId: 2, achievement: 'ACHIEVED', reason: 'x' },
      ],
      20_000,
    );
    const plan = planEvaluation(loaded, [pending(2, false)], rules.evaluate);
    expect(plan.values).toEqual([
      { id: 10, achievement: 'ACHIEVED', achievementReason: 'Valeur {"type":"BOOLEAN","value":false} (PREFILLED).' },
    ]);
    expect(plan.writes.map((w) => w.achievement)).toEqual(['ACHIEVED']);
    expect(plan.projectedRemunerationCents).toBeNull();
  });
});
