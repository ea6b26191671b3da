import { ADELI_PATTERN, AM_NUMBER_PATTERN, RPPS_PATTERN, parseSearchQuery } from '../professionals/identifiers';
import { ADELI_PROFESSIONS, MAX_SEED_ID, adeliNumber, amNumber, rppsNumber } from './identifiers';

const DEPARTEMENTS = ['21', '75', '2A', '2B', '971', '976', '01'];

describe('seed identifiers', () => {
  it('formats the N° AM as 9 characters: the département (2A/2B for Corsica) then 7 digits', () => {
    expect(amNumber('21', 1)).toMatch(/^21\d{7}$/);
    expect(amNumber('2A', 1)).toMatch(/^2A\d{7}$/);
    expect(amNumber('971', 1)).toMatch(/^97\d{7}$/);
    for (const d of DEPARTEMENTS) expect(amNumber(d, 123_456)).toMatch(AM_NUMBER_PATTERN);
  });

  it('formats RPPS as 11 digits starting with 10, ADELI as 9 digits (20 for Corsica)', () => {
    expect(rppsNumber(1)).toMatch(/^10\d{9}$/);
    expect(rppsNumber(MAX_SEED_ID)).toMatch(RPPS_PATTERN);
    expect(adeliNumber('2B', 5)).toMatch(/^20\d{7}$/);
    for (const d of DEPARTEMENTS) expect(adeliNumber(d, 987_654)).toMatch(ADELI_PATTERN);
    expect(ADELI_PROFESSIONS).not.toContain('MEDECIN_GENERALISTE');
  });

  it('never gives two professionals the same number (first 200 000 ids, and near the top of the range)', () => {
    const ids = [
      ...Array.from({ length: 200_000 }, (_, i) => i + 1),
      ...Array.from({ length: 1000 }, (_, i) => MAX_SEED_ID - i),
    ];
    for (const make of [(id: number) => amNumber('21', id), rppsNumber, (id: number) => adeliNumber('21', id)]) {
      expect(new Set(ids.map(make)).size).toBe(ids.length);
    }
  });

  it('does not number consecutive professionals consecutively', () => {
    const a = Number(amNumber('21', 1).slice(2));
    const b = Number(amNumber('21', 2).slice(2));
    expect(Math.abs(a - b)).toBeGreaterThan(1000);
  });

  it('never gives a professional the same N° AM and ADELI', () => {
    const same = Array.from({ length: 100_000 }, (_, i) => i + 1).filter(
      (id) => adeliNumber('21', id) === amNumber('21', id),
    );
    expect(same).toEqual([]);
  });

  it('yields numbers the search box recognises', () => {
    expect(parseSearchQuery(rppsNumber(42))).toMatchObject({ kind: 'IDENTIFIER', candidates: ['RPPS'] });
    expect(parseSearchQuery(amNumber('2A', 42))).toMatchObject({ kind: 'IDENTIFIER', candidates: ['AM_NUMBER'] });
    expect(parseSearchQuery(adeliNumber('21', 42))).toMatchObject({ kind: 'IDENTIFIER' });
  });

  it('refuses ids outside the range it can keep unique', () => {
    expect(() => amNumber('21', 0)).toThrow(RangeError);
    expect(() => rppsNumber(MAX_SEED_ID + 1)).toThrow(RangeError);
  });
});
