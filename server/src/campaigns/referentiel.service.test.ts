import { readReferentielFile } from './referentiel/load';
import { campaignStatusOn } from './referentiel.service';

describe('campaignStatusOn', () => {
  const fami2024 = readReferentielFile('fami-2024.json'); // window 2025-01-13 → 2025-03-03
  it.each([
    ['2025-01-12', 'UPCOMING'],
    ['2025-01-13', 'OPEN'],
    ['2025-03-03', 'OPEN'],
    ['2025-03-04', 'CLOSED'],
    ['2026-11-22', 'CLOSED'],
  ])('on %s the campaign is %s', (today, status) => {
    expect(campaignStatusOn(fami2024, today)).toBe(status);
  });
});
