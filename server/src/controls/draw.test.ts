import type { Profession } from '../common/enums';
import { drawSample, groupByProfessional, unitKey, type DrawInput, type PopulationUnit } from './draw';

/** n professionals of one profession and caisse, each with the given indicators achieved on honour. */
function population(
  n: number,
  profession: Profession,
  indicatorCodes: string[],
  caisseCode = '211',
  firstId = 1,
): PopulationUnit[] {
  return Array.from({ length: n }, (_, i) =>
    indicatorCodes.map((indicatorCode) => ({ professionalId: firstId + i, caisseCode, profession, indicatorCode })),
  ).flat();
}

const dentists = population(100, 'CHIRURGIEN_DENTISTE', ['MSS', 'PEC']);
const nurses = population(40, 'INFIRMIER', ['MSS'], '211', 1000);
const lyon = population(60, 'CHIRURGIEN_DENTISTE', ['MSS'], '691', 5000);
const everyone = [...dentists, ...nurses, ...lyon];

const draw = (overrides: Partial<DrawInput>) =>
  drawSample({
    population: everyone,
    seed: 'contrôle-2024',
    spec: { size: 20 },
    caisses: null,
    excluded: new Set(),
    ...overrides,
  });

const ids = (units: PopulationUnit[]) => units.map((u) => unitKey(u.professionalId, u.indicatorCode)).sort();

describe('drawSample', () => {
  it('is reproducible: the same population and seed give the same sample, whatever the rows’ order', () => {
    const first = draw({});
    const shuffled = draw({ population: [...everyone].reverse() });
    expect(first.ok && shuffled.ok).toBe(true);
    if (!first.ok || !shuffled.ok) return;
    expect(ids(shuffled.sample)).toEqual(ids(first.sample));
    expect(first.sample).toHaveLength(20);
  });

  it('gives another sample for another seed', () => {
    const a = draw({ seed: 'a' });
    const b = draw({ seed: 'b' });
    if (!a.ok || !b.ok) throw new Error('draw failed');
    expect(ids(a.sample)).not.toEqual(ids(b.sample));
  });

  it('stratifies by profession × indicator, a size spread in proportion (largest remainder)', () => {
    const result = draw({ spec: { size: 30 } });
    if (!result.ok) throw new Error(result.reason);
    // Strata: dentists MSS 160 (100 + 60 Lyon), dentists PEC 100, nurses MSS 40 → 300 units.
    expect(result.strata).toEqual([
      { profession: 'CHIRURGIEN_DENTISTE', indicatorCode: 'MSS', population: 160, excluded: 0, sampled: 16 },
      { profession: 'CHIRURGIEN_DENTISTE', indicatorCode: 'PEC', population: 100, excluded: 0, sampled: 10 },
      { profession: 'INFIRMIER', indicatorCode: 'MSS', population: 40, excluded: 0, sampled: 4 },
    ]);
    for (const stratum of result.strata) {
      const drawn = result.sample.filter(
        (u) => u.profession === stratum.profession && u.indicatorCode === stratum.indicatorCode,
      );
      expect(drawn).toHaveLength(stratum.sampled);
    }
  });

  it('at a rate, takes round(rate × stratum) and at least one unit of each stratum', () => {
    const result = draw({ spec: { ratePercent: 5 }, caisses: ['211'] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.strata.map((s) => [s.indicatorCode, s.profession, s.sampled])).toEqual([
      ['MSS', 'CHIRURGIEN_DENTISTE', 5],
      ['PEC', 'CHIRURGIEN_DENTISTE', 5],
      ['MSS', 'INFIRMIER', 2],
    ]);
    const tiny = draw({ population: population(3, 'SAGE_FEMME', ['MSS']), spec: { ratePercent: 1 } });
    expect(tiny.ok && tiny.sample.length).toBe(1);
  });

  it('never samples outside the caisse scope', () => {
    const result = draw({ caisses: ['691'], spec: { size: 60 } });
    if (!result.ok) throw new Error(result.reason);
    expect(result.populationCount).toBe(60);
    expect(result.sample.every((u) => u.caisseCode === '691')).toBe(true);
    const none = draw({ caisses: ['999'] });
    expect(none).toMatchObject({ ok: false, populationCount: 0 });
  });

  it('excludes professionals already controlled for the same indicator, and only for it', () => {
    const excluded = new Set(
      population(100, 'CHIRURGIEN_DENTISTE', ['MSS']).map((u) => unitKey(u.professionalId, 'MSS')),
    );
    const result = draw({ excluded, caisses: ['211'], spec: { size: 140 } });
    if (!result.ok) throw new Error(result.reason);
    expect(result.excludedCount).toBe(100);
    expect(result.sample.some((u) => u.indicatorCode === 'MSS' && u.profession === 'CHIRURGIEN_DENTISTE')).toBe(false);
    expect(result.sample.filter((u) => u.indicatorCode === 'PEC')).toHaveLength(100);
    // The remaining strata keep their draw: exclusions elsewhere do not reshuffle them.
    const without = draw({ caisses: ['211'], spec: { ratePercent: 100 } });
    if (!without.ok) throw new Error(without.reason);
    expect(ids(result.sample.filter((u) => u.profession === 'INFIRMIER'))).toEqual(
      ids(without.sample.filter((u) => u.profession === 'INFIRMIER')),
    );
  });

  it('refuses more than the population, saying how many are available', () => {
    const result = draw({ caisses: ['211'], spec: { size: 241 } });
    expect(result).toEqual({
      ok: false,
      populationCount: 240,
      reason: 'Échantillon demandé (241) supérieur à la population contrôlable (240) : aucun plan créé.',
    });
  });

  it.each([
    [{ size: 0 }, "La taille de l'échantillon doit être un entier positif."],
    [{ size: 2.5 }, "La taille de l'échantillon doit être un entier positif."],
    [{ ratePercent: 0 }, 'Le taux de contrôle doit être compris entre 0 et 100 %.'],
    [{ ratePercent: 101 }, 'Le taux de contrôle doit être compris entre 0 et 100 %.'],
  ])('rejects the specification %j', (spec, reason) => {
    expect(draw({ spec })).toMatchObject({ ok: false, reason });
  });

  it('groups the sample into one case per professional with its indicators', () => {
    const result = draw({ caisses: ['211'], spec: { ratePercent: 100 } });
    if (!result.ok) throw new Error(result.reason);
    const cases = groupByProfessional(result.sample);
    expect(cases).toHaveLength(140);
    expect(cases[0]).toMatchObject({ unit: { professionalId: 1 }, indicatorCodes: ['MSS', 'PEC'] });
    expect(cases.find((c) => c.unit.professionalId === 1000)?.indicatorCodes).toEqual(['MSS']);
  });
});
