/**
 * The indu on the FAMI 2024 dentist amounts (public-facts §3.1): socle 490 €, PEC 100 € only with the socle,
 * aller vers 300 €, étudiant 350 €, maximum 1 240 €.
 */
import { readReferentielFile } from '../campaigns/referentiel/load';
import { evaluateDeclaration, type DeclarationEvaluationInput } from '../campaigns/rules/evaluate';
import type { RecordedValue } from '../campaigns/rules/types';
import { computeIndu } from './indu';

const fami2024 = readReferentielFile('fami-2024.json');
const declared = (data: RecordedValue['data'], source: RecordedValue['source'] = 'DECLARED'): RecordedValue => ({
  data,
  source,
});

const ALL_DECLARED: DeclarationEvaluationInput['values'] = {
  LOG_DMP: declared(
    {
      type: 'SOFTWARE',
      softwareId: 1,
      softwareName: 'Dentalia',
      version: '4',
      publisherId: 1,
      publisherName: 'Odonto',
      dmpCompatible: true,
      lapCertified: false,
    },
    'PREFILLED',
  ),
  CDC_SV: declared({ type: 'BOOLEAN', value: true }, 'COMPUTED'),
  HORAIRES: declared({ type: 'BOOLEAN', value: true }),
  TX_FSE: declared({ type: 'RATE', numerator: 90, denominator: 100 }, 'COMPUTED'),
  MSS: declared({ type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' }, 'PREFILLED'),
  PEC: declared({ type: 'CHOICE', code: 'CPTS' }),
  ALLER_VERS: declared({ type: 'TEXT', text: 'EHPAD des Tilleuls', count: 3 }),
  ETUDIANT: declared({ type: 'BOOLEAN', value: true }),
};

function remuneration(findings: Record<string, string> = {}, values = ALL_DECLARED) {
  return evaluateDeclaration({
    referentiel: fami2024,
    campaignStatus: 'PAID',
    professional: { profession: 'CHIRURGIEN_DENTISTE', specialty: null, installationYear: 2010 },
    values,
    // LOG_DMP pre-filled needs no piece; a validated one keeps the test independent of that rule.
    justificatifs: [
      {
        campaignYear: 2024,
        conventionId: fami2024.campaign.conventions.CHIRURGIEN_DENTISTE ?? null,
        family: 'SOFTWARE_DMP',
        status: 'VALIDATED',
        publisherId: 1,
        softwareId: 1,
      },
    ],
    controlFindings: findings,
  }).remuneration;
}

const control = (code: string) => `Contrôle a posteriori n° 7 : ${code} non conforme`;

describe('computeIndu on FAMI 2024 dentists', () => {
  const full = remuneration();

  it('starts from the full 1 240 €', () => {
    expect(full.totalCents).toBe(124000);
  });

  it.each([
    // [indicators found non-compliant, indu in cents, lines' indicator codes (null = the socle line)]
    [['ETUDIANT'], 35000, ['ETUDIANT']],
    [['ALLER_VERS'], 30000, ['ALLER_VERS']],
    [['PEC'], 10000, ['PEC']],
    // Losing a mandatory indicator loses the socle AND the coordination bonus: 490 + 100.
    [['MSS'], 59000, [null, 'PEC']],
    [['HORAIRES'], 59000, [null, 'PEC']],
    [['MSS', 'ETUDIANT'], 94000, [null, 'PEC', 'ETUDIANT']],
    [['HORAIRES', 'MSS', 'PEC', 'ALLER_VERS', 'ETUDIANT'], 124000, [null, 'PEC', 'ALLER_VERS', 'ETUDIANT']],
  ])('non-compliant %j → indu %i cents', (codes, induCents, lineCodes) => {
    const due = remuneration(Object.fromEntries(codes.map((c) => [c, control(c)])));
    const indu = computeIndu(full, due, full.totalCents);
    expect(indu.totalCents).toBe(induCents);
    expect(indu.lines.map((l) => l.indicatorCode)).toEqual(lineCodes);
    expect(indu.lines.reduce((sum, l) => sum + l.induCents, 0)).toBe(induCents);
    expect(indu.dueCents).toBe(124000 - induCents);
  });

  it('names the control in the reasons of the lines it changes', () => {
    const due = remuneration({ MSS: control('MSS') });
    const indu = computeIndu(full, due, full.totalCents);
    expect(indu.lines[0]).toEqual({
      label: 'Socle : 5 indicateurs obligatoires',
      indicatorCode: null,
      paidCents: 49000,
      dueCents: 0,
      induCents: 49000,
      reason: expect.stringContaining('(contrôle a posteriori n° 7 : MSS non conforme)'),
    });
    expect(indu.lines[1]!.reason).toBe(
      'Versé 100,00 €, dû 0,00 € : non versé : socle non atteint (indicateur en échec : messagerie sécurisée de santé)',
    );
    expect(indu.reason).toBe('Indu de 590,00 € : versé 1 240,00 €, dû 650,00 €');
  });

  it('has no indu when nothing was paid yet: the rémunération is lowered instead', () => {
    const due = remuneration({ ETUDIANT: control('ETUDIANT') });
    const indu = computeIndu(full, due, 0);
    expect(indu).toMatchObject({ totalCents: 0, lines: [], dueCents: 89000 });
    expect(indu.reason).toContain("pas d'indu");
  });

  it('states the difference when the amount sent differs from the computed rémunération', () => {
    const due = remuneration({ ETUDIANT: control('ETUDIANT') });
    const indu = computeIndu(full, due, 89000 + 35000 - 10000);
    expect(indu.totalCents).toBe(25000);
    expect(indu.lines.map((l) => l.induCents)).toEqual([35000, -10000]);
  });

  it('recovers nothing when less was sent than is due', () => {
    const due = remuneration({ ETUDIANT: control('ETUDIANT') });
    expect(computeIndu(full, due, 50000).totalCents).toBe(0);
  });
});
