import { formatValue, ratePercent } from './value-format';

describe('formatValue', () => {
  it.each([
    [{ type: 'BOOLEAN', value: true } as const, 'Oui'],
    [{ type: 'BOOLEAN', value: false } as const, 'Non'],
    [{ type: 'MESSAGING', messagingType: 'APICRYPT_V1' } as const, 'Apicrypt V1'],
    [{ type: 'RATE', numerator: 1100, denominator: 1300 } as const, '84,62 % (1100 / 1300)'],
    [{ type: 'RATE', numerator: 0, denominator: 0 } as const, 'Aucun acte facturé'],
    [{ type: 'TEXT', text: 'École REP+ Dijon', count: 3 } as const, '3 — École REP+ Dijon'],
  ])('formats %j', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  it('formats software with its publisher', () => {
    expect(
      formatValue({
        type: 'SOFTWARE',
        softwareId: 1,
        softwareName: 'Dentalia',
        version: '4.2',
        publisherId: 2,
        publisherName: 'Éditions Santé',
        dmpCompatible: true,
        lapCertified: false,
      }),
    ).toBe('Dentalia 4.2 (Éditions Santé)');
  });

  it('labels a choice from the référentiel', () => {
    expect(
      formatValue(
        { type: 'CHOICE', code: 'MSP' },
        { choices: [{ code: 'MSP', label: 'Maison de santé', achieves: true }] },
      ),
    ).toBe('Maison de santé');
  });
});

describe('ratePercent', () => {
  it('rounds to two decimals as amelipro displays it (84.62 %)', () => {
    expect(ratePercent(1100, 1300)).toBe(84.62);
  });
  it('is null without acts', () => {
    expect(ratePercent(0, 0)).toBeNull();
  });
});
