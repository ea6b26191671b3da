/**
 * The control draw: a pure, reproducible stratified sample of indicators achieved on honour.
 *
 * Every unit of the population (one professional's achieved indicator) gets a rank from a seeded hash of
 * (seed, stratum, professional): the stratum's sample is its units of smallest rank. That is a seeded
 * shuffle that depends on nothing but the population and the seed — not on the order the rows were read,
 * nor on the other strata — so the same population and the same seed always give the same sample, and a
 * unit added to one stratum never changes another stratum's draw.
 */
import type { Profession } from '../common/enums';

export interface PopulationUnit {
  professionalId: number;
  caisseCode: string;
  profession: Profession;
  indicatorCode: string;
}

/** Either a rate in percent applied to every stratum, or a total size spread over the strata. */
export type SampleSpec = { ratePercent: number } | { size: number };

export interface DrawInput {
  population: readonly PopulationUnit[];
  seed: string;
  spec: SampleSpec;
  /** Caisses the draw may sample (null: every caisse — the national superviseur). */
  caisses: readonly string[] | null;
  /** `professionalId:indicatorCode` already controlled for this campaign: never drawn again. */
  excluded: ReadonlySet<string>;
}

export interface StratumCount {
  profession: Profession;
  indicatorCode: string;
  population: number;
  excluded: number;
  sampled: number;
}

export type DrawResult =
  | { ok: true; populationCount: number; excludedCount: number; strata: StratumCount[]; sample: PopulationUnit[] }
  | { ok: false; reason: string; populationCount: number };

export const unitKey = (professionalId: number, indicatorCode: string) => `${professionalId}:${indicatorCode}`;

/** cyrb53: a fast, well-mixed 53-bit string hash; with the seed in the string it acts as a seeded PRNG. */
export function seededRank(seed: string, stratum: string, professionalId: number): number {
  const text = `${seed}\u0000${stratum}\u0000${professionalId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const stratumKey = (unit: Pick<PopulationUnit, 'profession' | 'indicatorCode'>) =>
  `${unit.profession}|${unit.indicatorCode}`;

/** Largest-remainder allocation of `size` over the strata, proportional to their sizes; ties by key. */
function allocate(size: number, strata: { key: string; available: number }[]): Map<string, number> {
  const total = strata.reduce((sum, s) => sum + s.available, 0);
  const shares = strata.map((s) => {
    const exact = total === 0 ? 0 : (size * s.available) / total;
    return { key: s.key, available: s.available, count: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = size - shares.reduce((sum, s) => sum + s.count, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : 1));
  for (const share of byRemainder) {
    if (left === 0) break;
    if (share.count < share.available) {
      share.count += 1;
      left -= 1;
    }
  }
  return new Map(shares.map((s) => [s.key, s.count]));
}

/** At the rate: round(rate × stratum), at least one unit of a stratum that has any. */
const atRate = (ratePercent: number, available: number) =>
  available === 0 ? 0 : Math.min(available, Math.max(1, Math.round((ratePercent * available) / 100)));

export function validateSpec(spec: SampleSpec): string | null {
  if ('ratePercent' in spec) {
    if (!Number.isFinite(spec.ratePercent) || spec.ratePercent <= 0 || spec.ratePercent > 100)
      return 'Le taux de contrôle doit être compris entre 0 et 100 %.';
    return null;
  }
  if (!Number.isInteger(spec.size) || spec.size < 1) return "La taille de l'échantillon doit être un entier positif.";
  return null;
}

export interface StratumPopulation {
  profession: Profession;
  indicatorCode: string;
  /** Units in scope, excluded ones included. */
  population: number;
  excluded: number;
}

export type AllocationResult =
  | { ok: true; populationCount: number; excludedCount: number; strata: StratumCount[] }
  | { ok: false; reason: string; populationCount: number };

/**
 * How many units each stratum gives, from the strata's counts alone: the preview computes it from counts
 * read in SQL, the draw from the units themselves, and both agree by construction.
 */
export function allocateStrata(strata: readonly StratumPopulation[], spec: SampleSpec): AllocationResult {
  const sorted = [...strata].sort((a, b) => (stratumKey(a) < stratumKey(b) ? -1 : 1));
  const populationCount = sorted.reduce((sum, s) => sum + s.population, 0);
  const excludedCount = sorted.reduce((sum, s) => sum + s.excluded, 0);
  const available = populationCount - excludedCount;
  const invalid = validateSpec(spec);
  if (invalid) return { ok: false, reason: invalid, populationCount };
  if (available === 0) {
    return {
      ok: false,
      reason: 'Aucun indicateur contrôlable dans ce périmètre (atteints sur attestation et non encore contrôlés).',
      populationCount,
    };
  }
  let counts: Map<string, number>;
  if ('size' in spec) {
    if (spec.size > available) {
      const excludedNote = excludedCount > 0 ? ` (${excludedCount} déjà contrôlés exclus)` : '';
      return {
        ok: false,
        reason: `Échantillon demandé (${spec.size}) supérieur à la population contrôlable (${available}${excludedNote}) : aucun plan créé.`,
        populationCount,
      };
    }
    counts = allocate(
      spec.size,
      sorted.map((s) => ({ key: stratumKey(s), available: s.population - s.excluded })),
    );
  } else {
    counts = new Map(sorted.map((s) => [stratumKey(s), atRate(spec.ratePercent, s.population - s.excluded)]));
  }
  return {
    ok: true,
    populationCount,
    excludedCount,
    strata: sorted.map((s) => ({ ...s, sampled: counts.get(stratumKey(s)) ?? 0 })),
  };
}

export function drawSample(input: DrawInput): DrawResult {
  const strata = new Map<
    string,
    { profession: Profession; indicatorCode: string; units: PopulationUnit[]; excluded: number }
  >();
  for (const unit of input.population) {
    if (input.caisses !== null && !input.caisses.includes(unit.caisseCode)) continue;
    const key = stratumKey(unit);
    let stratum = strata.get(key);
    if (!stratum) {
      stratum = { profession: unit.profession, indicatorCode: unit.indicatorCode, units: [], excluded: 0 };
      strata.set(key, stratum);
    }
    if (input.excluded.has(unitKey(unit.professionalId, unit.indicatorCode))) stratum.excluded += 1;
    else stratum.units.push(unit);
  }
  const allocation = allocateStrata(
    [...strata.values()].map((s) => ({
      profession: s.profession,
      indicatorCode: s.indicatorCode,
      population: s.units.length + s.excluded,
      excluded: s.excluded,
    })),
    input.spec,
  );
  if (!allocation.ok) return allocation;

  const sample: PopulationUnit[] = [];
  for (const counted of allocation.strata) {
    const key = stratumKey(counted);
    const ranked = strata
      .get(key)!
      .units.map((unit) => ({ unit, rank: seededRank(input.seed, key, unit.professionalId) }))
      .sort((a, b) => a.rank - b.rank || a.unit.professionalId - b.unit.professionalId);
    for (let i = 0; i < counted.sampled; i++) sample.push(ranked[i]!.unit);
  }
  return { ...allocation, sample };
}

/** One case per sampled professional, with the indicators drawn for them, in a stable order. */
export function groupByProfessional(
  sample: readonly PopulationUnit[],
): { unit: PopulationUnit; indicatorCodes: string[] }[] {
  const byProfessional = new Map<number, { unit: PopulationUnit; indicatorCodes: string[] }>();
  for (const unit of sample) {
    const entry = byProfessional.get(unit.professionalId);
    if (entry) entry.indicatorCodes.push(unit.indicatorCode);
    else byProfessional.set(unit.professionalId, { unit, indicatorCodes: [unit.indicatorCode] });
  }
  return [...byProfessional.values()]
    .map((e) => ({ ...e, indicatorCodes: [...e.indicatorCodes].sort() }))
    .sort((a, b) => a.unit.professionalId - b.unit.professionalId);
}
