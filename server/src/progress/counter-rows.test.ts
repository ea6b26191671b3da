import { splitCounterRows, type CounterRow } from './progress.service';

const row = (over: Partial<CounterRow>): CounterRow => ({
  kind: 'PROFESSIONAL',
  caisse: null,
  profession: null,
  status: null,
  indicatorId: null,
  n: null,
  projected: null,
  computed: null,
  n1: null,
  n2: null,
  n3: null,
  ...over,
});

describe('the counter statement read back into the dashboard groupings', () => {
  it('spreads a justificatif row over its non-empty age buckets, oldest last', () => {
    const { justificatifs } = splitCounterRows([
      row({
        kind: 'JUSTIFICATIF',
        caisse: '211',
        profession: 'INFIRMIER',
        status: 'RECEIVED',
        n: '2',
        n1: 0,
        n2: '5',
        n3: null,
      }),
    ]);
    expect(justificatifs.map((j) => [j.caisse, j.status, j.bucket, j.n])).toEqual([
      ['211', 'RECEIVED', '0', '2'],
      ['211', 'RECEIVED', '2', '5'],
    ]);
  });

  it('keeps each kind apart: concerned, declarations with amounts, achievements per indicator, the amount paid', () => {
    const split = splitCounterRows([
      row({ kind: 'PROFESSIONAL', caisse: '211', profession: 'INFIRMIER', n: 7 }),
      row({
        kind: 'DECLARATION',
        caisse: '211',
        profession: 'INFIRMIER',
        status: 'TRANSMITTED',
        n: 3,
        projected: '4500',
        computed: 0,
      }),
      row({ kind: 'ACHIEVEMENT', status: 'ACHIEVED', indicatorId: 12, n: '4' }),
      row({ kind: 'PAYMENT', projected: '123456' }),
    ]);
    expect(split.concerned).toEqual([expect.objectContaining({ caisse: '211', profession: 'INFIRMIER', n: '7' })]);
    expect(split.declarations).toEqual([
      expect.objectContaining({ status: 'TRANSMITTED', n: '3', projected: '4500', computed: '0' }),
    ]);
    expect(split.achievements).toEqual([{ indicatorId: '12', achievement: 'ACHIEVED', n: '4' }]);
    expect(split.paidCents).toBe(123456);
  });

  it('reads no payment as nothing paid', () => {
    expect(splitCounterRows([row({ kind: 'PAYMENT', projected: null })]).paidCents).toBe(0);
    expect(splitCounterRows([]).paidCents).toBe(0);
  });
});
