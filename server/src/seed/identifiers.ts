/**
 * Synthetic identifiers in the formats of public-facts §6, unique by construction: each is a fixed
 * prefix followed by a bijective scramble of the professional's id, so that consecutive professionals
 * do not get consecutive numbers and no two professionals share one (up to 10 million ids).
 * No check key: none is confirmed by a public source.
 */
import type { Profession } from '../common/enums';

export const MAX_SEED_ID = 9_999_999;

/** x ↦ (a·x + b) mod m is a bijection of [0, m) when a is coprime with m (a odd and not a multiple of 5). */
function scramble(id: number, multiplier: number, offset: number, modulus: number): number {
  if (!Number.isInteger(id) || id < 1 || id > MAX_SEED_ID) throw new RangeError(`id ${id} hors de [1, ${MAX_SEED_ID}]`);
  // multiplier · id stays below 2^53 for the multipliers used here: the arithmetic is exact.
  return (multiplier * id + offset) % modulus;
}

/** The 2 characters of the département: '21', '75', '2A', '2B'; '97' for the overseas (971, 972…). */
export function departementPrefix(departement: string): string {
  return departement.slice(0, 2);
}

/** N° AM: 9 characters, the département (2A/2B for Corsica) then 7 digits. */
export function amNumber(departement: string, id: number): string {
  return `${departementPrefix(departement)}${String(scramble(id, 3_456_789, 1_234_567, 10_000_000)).padStart(7, '0')}`;
}

/** RPPS: 11 digits starting with 10, as issued today. */
export function rppsNumber(id: number): string {
  return `10${String(scramble(id, 387_420_489, 100_000_007, 1_000_000_000)).padStart(9, '0')}`;
}

/** Professions that still carry an ADELI number beside the RPPS in the demo (paramedical professions). */
export const ADELI_PROFESSIONS: readonly Profession[] = [
  'INFIRMIER',
  'MASSEUR_KINESITHERAPEUTE',
  'SAGE_FEMME',
  'ORTHOPHONISTE',
  'ORTHOPTISTE',
  'PEDICURE_PODOLOGUE',
];

/**
 * ADELI: 9 digits, the département in digits (20 for Corsica) then 7 digits. Its scramble differs from
 * the N° AM's so that a professional's two numbers never coincide (the two maps differ by an even
 * multiple of the id and an odd offset).
 */
export function adeliNumber(departement: string, id: number): string {
  const prefix = departementPrefix(departement).replace(/[AB]$/, '0');
  return `${prefix}${String(scramble(id, 7_654_321, 2_345_678, 10_000_000)).padStart(7, '0')}`;
}
