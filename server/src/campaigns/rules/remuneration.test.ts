import type { AchievementStatus, Profession } from '../../common/enums';
import { readReferentielFile } from '../referentiel/load';
import type { IndicatorDefinition, ReferentielFile, RemunerationSettings } from '../referentiel/referentiel.types';
import { campaignApplicability } from './applicability';
import { computeRemuneration, type AssessedIndicator } from './remuneration';
import type { AchievementResult, RemunerationResult } from './types';

const fami2024 = readReferentielFile('fami-2024.json');
const fami2023 = readReferentielFile('fami-2023.json');
const fs2021 = readReferentielFile('forfait-structure-2021.json');
const rosp2019 = readReferentielFile('rosp-2019.json');

type Outcome = AchievementStatus | AchievementResult;

/** Every indicator applicable to the profession, ACHIEVED unless the overrides say otherwise. */
function assessed(
  referentiel: Pick<ReferentielFile, 'campaign' | 'indicators'>,
  profession: Profession,
  overrides: Record<string, Outcome> = {},
): AssessedIndicator[] {
  const professional = { profession, specialty: null, installationYear: null };
  return campaignApplicability(referentiel, professional).applicable.map(({ indicator }) => {
    const outcome = overrides[indicator.code] ?? 'ACHIEVED';
    const achievement = typeof outcome === 'string' ? { status: outcome, reason: `${outcome} (test)` } : outcome;
    return { indicator, achievement };
  });
}

function remuneration(
  referentiel: Pick<ReferentielFile, 'campaign' | 'indicators' | 'remuneration'>,
  profession: Profession,
  overrides: Record<string, Outcome> = {},
): RemunerationResult {
  return computeRemuneration({
    settings: referentiel.remuneration,
    profession,
    assessed: assessed(referentiel, profession, overrides),
  });
}

const amounts = (result: RemunerationResult) => result.lines.map(({ label, amountCents }) => [label, amountCents]);

/** Every result keeps integer cents and lines that add up to the total. */
function expectConsistent(result: RemunerationResult) {
  for (const line of result.lines) expect(Number.isInteger(line.amountCents)).toBe(true);
  expect(result.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(result.totalCents);
  for (const line of result.lines) expect(line.reason.length).toBeGreaterThan(0);
}

describe('computeRemuneration — FAMI 2024 chirurgiens-dentistes (seed 004 §3)', () => {
  it.each<[string, Record<string, Outcome>, number]>([
    ['everything achieved: the 1 240 € maximum', {}, 124000],
    ['no student', { ETUDIANT: 'NOT_ACHIEVED' }, 89000],
    ['socle failed: only the independent indicators', { TX_FSE: 'NOT_ACHIEVED' }, 65000],
    [
      'socle failed and no independent indicator',
      { MSS: 'NOT_ACHIEVED', ALLER_VERS: 'NOT_ACHIEVED', ETUDIANT: 'NOT_ACHIEVED' },
      0,
    ],
    ['socle only', { PEC: 'NOT_ACHIEVED', ALLER_VERS: 'NOT_ACHIEVED', ETUDIANT: 'NOT_ACHIEVED' }, 49000],
    ['a justificatif still pending keeps the socle closed', { LOG_DMP: 'PENDING_JUSTIFICATIF' }, 65000],
  ])('%s → %i cents', (_case, overrides, total) => {
    const result = remuneration(fami2024, 'CHIRURGIEN_DENTISTE', overrides);
    expect(result.totalCents).toBe(total);
    expect(result.complete).toBe(true);
    expectConsistent(result);
  });

  it('explains a failed socle with the failing indicator and holds back the complement', () => {
    const result = remuneration(fami2024, 'CHIRURGIEN_DENTISTE', {
      TX_FSE: { status: 'NOT_ACHIEVED', reason: 'Taux de FSE non atteint (65,00 % < 70 %)' },
      MSS: { status: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' },
    });
    expect(result.lines).toEqual([
      {
        label: 'Socle : 5 indicateurs obligatoires',
        amountCents: 0,
        amountKnown: true,
        reason:
          'Socle non atteint : taux de FSE non atteint (65,00 % < 70 %) ; messagerie sécurisée de santé (indicateur non déclaré)',
      },
      {
        label: 'Prise en charge coordonnée',
        indicatorCode: 'PEC',
        amountCents: 0,
        amountKnown: true,
        reason: 'Non versé : socle non atteint (indicateurs en échec : taux de FSE, messagerie sécurisée de santé)',
      },
      {
        label: 'Aller vers',
        indicatorCode: 'ALLER_VERS',
        amountCents: 30000,
        amountKnown: true,
        reason: 'Indicateur atteint (indépendant du socle) : 300,00 €',
      },
      {
        label: "Accueil d'un étudiant stagiaire",
        indicatorCode: 'ETUDIANT',
        amountCents: 35000,
        amountKnown: true,
        reason: 'Indicateur atteint (indépendant du socle) : 350,00 €',
      },
    ]);
  });

  it('says what the socle paid', () => {
    const [gate] = remuneration(fami2024, 'CHIRURGIEN_DENTISTE').lines;
    expect(gate).toEqual({
      label: 'Socle : 5 indicateurs obligatoires',
      amountCents: 49000,
      amountKnown: true,
      reason: 'Socle atteint (5 indicateurs) : 490,00 €',
    });
  });

  it('gives a not-achieved complement its own reason', () => {
    const result = remuneration(fami2024, 'CHIRURGIEN_DENTISTE', {
      PEC: { status: 'NOT_ACHIEVED', reason: 'Aucune démarche de prise en charge coordonnée déclarée' },
    });
    expect(result.lines[1]?.reason).toBe('Non versé : aucune démarche de prise en charge coordonnée déclarée');
  });

  it('caps the total at the campaign maximum', () => {
    const capped = {
      ...fami2024,
      remuneration: { ...fami2024.remuneration, maximum: { known: true as const, cents: 100000 } },
    };
    const result = remuneration(capped, 'CHIRURGIEN_DENTISTE');
    expect(result.totalCents).toBe(100000);
    expect(result.lines.at(-1)).toEqual({
      label: 'Plafond',
      amountCents: -24000,
      amountKnown: true,
      reason: 'Écrêtement au plafond de 1 000,00 €',
    });
    expectConsistent(result);
  });
});

describe('computeRemuneration — forfait structure 2021 in points (public-facts §3.3)', () => {
  const volet2Declined = {
    CODAGE: 'NOT_ACHIEVED',
    PEC: 'NOT_ACHIEVED',
    SERVICES: 'NOT_ACHIEVED',
    ETUDIANTS: 'NOT_ACHIEVED',
    CONNECT: 'NOT_ACHIEVED',
  } as const;

  it('pays (280 + 150 + 50) points × 7 € when volet 1, SNP and video are achieved', () => {
    const result = remuneration(fs2021, 'MEDECIN_GENERALISTE', volet2Declined);
    expect(result.totalCents).toBe(336000);
    expect(result.complete).toBe(true);
    expect(result.lines[0]?.reason).toBe('Volet 1 atteint (5 indicateurs) : 1 960,00 €');
    const snp = result.lines.find((line) => line.indicatorCode === 'SNP');
    expect(snp?.reason).toBe('Indicateur atteint : 150 points × 7,00 € = 1 050,00 €');
    expectConsistent(result);
  });

  it('pays nothing of volet 2 when volet 1 fails', () => {
    const result = remuneration(fs2021, 'MEDECIN_SPECIALISTE', { ...volet2Declined, HORAIRES: 'NOT_ACHIEVED' });
    expect(result.totalCents).toBe(0);
    expect(result.lines.find((line) => line.indicatorCode === 'SNP')?.reason).toBe(
      "Non versé : volet 1 non atteint (indicateur en échec : horaires dans l'annuaire santé)",
    );
  });

  it('keeps an achieved indicator of unknown points as a line and marks the result incomplete', () => {
    const result = remuneration(fs2021, 'MEDECIN_GENERALISTE', { ...volet2Declined, CODAGE: 'ACHIEVED' });
    const codage = result.lines.find((line) => line.indicatorCode === 'CODAGE');
    expect(codage).toMatchObject({ amountCents: 0, amountKnown: false });
    expect(codage?.reason).toMatch(/^Indicateur atteint ; montant non connu : points non confirmés par les sources/);
    expect(result.complete).toBe(false);
    expect(result.totalCents).toBe(336000);
  });
});

describe('computeRemuneration — FAMI 2023 amounts per profession', () => {
  it.each<[Profession, number, boolean]>([
    ['INFIRMIER', 59000 + 35000 + 17500, true],
    ['SAGE_FEMME', 35000 + 17500, false],
    ['MASSEUR_KINESITHERAPEUTE', 49000 + 10000, true],
    ['ORTHOPHONISTE', 49000 + 10000, false],
    ['ORTHOPTISTE', 0, false],
    ['CHIRURGIEN_DENTISTE', 0, false],
  ])('%s with everything achieved: %i cents known, complete %s', (profession, total, complete) => {
    const result = remuneration(fami2023, profession);
    expect(result.totalCents).toBe(total);
    expect(result.complete).toBe(complete);
    expectConsistent(result);
  });

  it('says why an unknown socle amount is not paid', () => {
    const [gate] = remuneration(fami2023, 'ORTHOPTISTE', { MSS: 'NEUTRALISED' }).lines;
    expect(gate).toMatchObject({ amountCents: 0, amountKnown: false });
    expect(gate?.reason).toBe(
      'Socle atteint (6 indicateurs ; neutralisé : messagerie sécurisée de santé) ; montant non connu : non confirmé pour 2023 : 590 € pour 6 indicateurs obligatoires en 2022 [P44]',
    );
  });

  it('does not hold the socle back for a neutralised indicator counted as achieved', () => {
    const result = remuneration(fami2023, 'MASSEUR_KINESITHERAPEUTE', {
      MSS: { status: 'NEUTRALISED', reason: 'neutralisé' },
    });
    expect(amounts(result)).toEqual([
      ['Socle : indicateurs obligatoires', 49000],
      ['Prise en charge coordonnée', 10000],
    ]);
  });
});

describe('computeRemuneration — a gate indicator neutralised NOT_REQUIRED (IDE 2022, public-facts §3.2 variant B)', () => {
  const settings: RemunerationSettings = {
    unit: 'CENTS',
    gateAmount: { known: true, cents: 59000 },
    gateLabel: 'Socle : 6 indicateurs obligatoires',
  };
  const pecSuspended = (indicator: IndicatorDefinition): IndicatorDefinition =>
    indicator.code === 'PEC_SOCLE'
      ? {
          ...indicator,
          amount: { known: true, cents: 10000 },
          neutralised: { reason: 'Critère de coordination suspendu en 2022', effect: 'NOT_REQUIRED' },
        }
      : indicator;
  const ide2022 = { ...fami2023, remuneration: settings, indicators: fami2023.indicators.map(pecSuspended) };

  it.each<[string, Outcome, number]>([
    ['PEC not met: its 100 € share is withheld', 'NEUTRALISED', 49000],
    ['PEC met anyway: the full 590 €', 'ACHIEVED', 59000],
  ])('%s', (_case, pec, gate) => {
    const result = remuneration(ide2022, 'INFIRMIER', { PEC_SOCLE: pec, CONNECT: 'NOT_ACHIEVED' });
    expect(result.lines[0]?.amountCents).toBe(gate);
    expect(result.totalCents).toBe(gate + 35000);
  });

  it('explains the withheld share', () => {
    const result = remuneration(ide2022, 'INFIRMIER', { PEC_SOCLE: 'NEUTRALISED', MSS: 'ACHIEVED' });
    expect(result.lines[0]?.reason).toBe(
      'Socle atteint (6 indicateurs ; neutralisé : prise en charge coordonnée) : 490,00 € ; part de prise en charge coordonnée (100,00 €) non versée : indicateur neutralisé et non atteint',
    );
  });
});

describe('computeRemuneration — a scheme without gate (ROSP 2019)', () => {
  it('has no gate line and reports the unknown ROSP amounts', () => {
    const result = remuneration(rosp2019, 'MEDECIN_GENERALISTE');
    expect(result.lines.map((line) => line.indicatorCode)).toEqual(['ROSP_IMC_ENFANTS', 'ROSP_DECLARATIF_2']);
    expect(result.lines.every((line) => !line.amountKnown)).toBe(true);
    expect(result).toMatchObject({ totalCents: 0, complete: false });
  });
});
