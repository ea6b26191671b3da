import { sameJson, stableJson } from './handler';

describe('sameJson', () => {
  const cases: [unknown, unknown][] = [
    [null, null],
    [null, undefined],
    [1, 1],
    [1, '1'],
    [
      { type: 'RATE', numerator: 1, denominator: 2 },
      { denominator: 2, numerator: 1, type: 'RATE' },
    ],
    [
      { type: 'RATE', numerator: 1, denominator: 2 },
      { type: 'RATE', numerator: 1, denominator: 3 },
    ],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: 1, b: null }, { a: 1 }],
    [{ a: null }, { a: undefined }],
    [{ a: [1, { b: true }] }, { a: [1, { b: true }] }],
    [{ a: [1, 2] }, { a: [1, 2, 3] }],
    [{ a: [1, 2] }, { a: { 0: 1, 1: 2 } }],
    [{ value: true }, { value: false }],
    [{}, {}],
    [{}, []],
    [{ a: {} }, { a: null }],
  ];
  it.each(cases)('agrees with stableJson: %j vs %j', (a, b) => {
    expect(sameJson(a, b)).toBe(stableJson(a) === stableJson(b));
    expect(sameJson(b, a)).toBe(stableJson(a) === stableJson(b));
  });
});
