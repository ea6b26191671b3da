import { Prng } from './prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('differs for another seed and stays in [0, 1)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => new Prng(i).next());
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('draws integers within bounds and by weight', () => {
    const prng = new Prng(7);
    const ints = Array.from({ length: 500 }, () => prng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 1000 }, () =>
      prng.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    expect(picks.filter((p) => p === 'a').length).toBeGreaterThan(800);
  });
});
