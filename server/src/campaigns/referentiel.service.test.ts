import { readReferentielFile } from './referentiel/load';
import { campaignStatusOn } from './referentiel.service';

describe('campaignStatusOn', () => {
  const fami2024 = readReferentielFile('fami-2024.json'); // window 2025-01-13 → 2025-03-03
  it.each([
    ['2024-12-31', 'UPCOMING'],
    ['2025-01-12', 'UPCOMING'],
    ['2025-01-13', 'OPEN'],
    ['2025-02-10', 'OPEN'],
    ['2025-03-03', 'OPEN'],
    ['2025-03-04', 'CLOSED'],
    ['2026-11-22', 'CLOSED'],
  ])('on %s the FAMI 2024 campaign is %s', (today, status) => {
    expect(campaignStatusOn(fami2024, today)).toBe(status);
  });

  it('keeps the window open until the extended closing date, not the planned one', () => {
    const fs2020 = readReferentielFile('forfait-structure-2020.json'); // planned 2021-01-31, extended to 2021-02-07
    expect(fs2020.campaign.window.plannedClosesOn).toBe('2021-01-31');
    expect(campaignStatusOn(fs2020, '2021-02-01')).toBe('OPEN');
    expect(campaignStatusOn(fs2020, '2021-02-07')).toBe('OPEN');
    expect(campaignStatusOn(fs2020, '2021-02-08')).toBe('CLOSED');
  });

  it('never answers COMPUTED or PAID: those are set by the operations that compute and pay', () => {
    expect(campaignStatusOn(readReferentielFile('forfait-structure-2019.json'), '2030-01-01')).toBe('CLOSED');
  });
});
