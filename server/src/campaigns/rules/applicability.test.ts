import type { Profession } from '../../common/enums';
import { readReferentielFile } from '../referentiel/load';
import type { ReferentielFile } from '../referentiel/referentiel.types';
import { campaignApplicability, exemptionKey, indicatorApplicability } from './applicability';
import type { ProfessionalData } from './types';

const fami2023 = readReferentielFile('fami-2023.json');
const fami2024 = readReferentielFile('fami-2024.json');
const fs2021 = readReferentielFile('forfait-structure-2021.json');

const professional = (profession: Profession, specialty: string | null = null): ProfessionalData => ({
  profession,
  specialty,
  installationYear: null,
});

const codes = (referentiel: ReferentielFile, who: ProfessionalData) =>
  campaignApplicability(referentiel, who).applicable.map(({ indicator }) => indicator.code);

/** The same file with the LAP exemption naming one specialty, as amelipro would configure it. */
function withLapExemption(specialty: string): ReferentielFile {
  const indicators = fs2021.indicators.map((indicator) =>
    indicator.exemptions
      ? {
          ...indicator,
          exemptions: indicator.exemptions.map((exemption) => ({ ...exemption, specialties: [specialty] })),
        }
      : indicator,
  );
  return { ...fs2021, indicators };
}

describe('campaignApplicability — FAMI 2023 indicators per profession (seed 001)', () => {
  it.each<[Profession, string[]]>([
    ['MASSEUR_KINESITHERAPEUTE', ['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS', 'PEC']],
    ['SAGE_FEMME', ['LOG_DMP', 'CDC_SV', 'TX_FSE', 'MSS', 'PEC_SOCLE', 'VIDEO', 'CONNECT']],
    ['ORTHOPHONISTE', ['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS', 'PEC', 'VIDEO', 'CONNECT']],
    ['CHIRURGIEN_DENTISTE', ['LOG_DMP', 'CDC_SV', 'HORAIRES', 'TX_FSE', 'MSS', 'PEC_SOCLE']],
    ['INFIRMIER', ['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS', 'PEC_SOCLE', 'VIDEO', 'CONNECT']],
    ['PEDICURE_PODOLOGUE', ['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS', 'PEC_SOCLE']],
    ['ORTHOPTISTE', ['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS', 'PEC_SOCLE', 'VIDEO', 'CONNECT']],
  ])('%s answers %j', (profession, expected) => {
    expect(codes(fami2023, professional(profession))).toEqual(expected);
  });

  it.each<[Profession, string[]]>([
    ['MASSEUR_KINESITHERAPEUTE', ['LOG_DMP', 'MSS', 'PEC']],
    ['SAGE_FEMME', ['LOG_DMP', 'MSS', 'PEC_SOCLE', 'VIDEO', 'CONNECT']],
    ['CHIRURGIEN_DENTISTE', ['LOG_DMP', 'HORAIRES', 'MSS', 'PEC_SOCLE']],
  ])('%s declares only the non-computed ones: %j', (profession, expected) => {
    const { applicable } = campaignApplicability(fami2023, professional(profession));
    expect(applicable.filter((result) => result.toDeclare).map(({ indicator }) => indicator.code)).toEqual(expected);
  });
});

describe('indicators that do not apply say why', () => {
  it.each([
    [
      'opening hours for an orthophoniste',
      fami2023,
      'HORAIRES',
      professional('ORTHOPHONISTE'),
      'Indicateur non applicable à la profession Orthophoniste (réservé à : chirurgien-dentiste)',
    ],
    [
      'video equipment for a kiné',
      fami2023,
      'VIDEO',
      professional('MASSEUR_KINESITHERAPEUTE'),
      'Indicateur non applicable à la profession Masseur-kinésithérapeute (réservé à : sage-femme, orthophoniste, infirmier, orthoptiste)',
    ],
    [
      'SCOR for a dentist',
      fami2023,
      'SCOR',
      professional('CHIRURGIEN_DENTISTE'),
      'Indicateur non applicable à la profession Chirurgien-dentiste (réservé à : infirmier, masseur-kinésithérapeute, orthophoniste, orthoptiste, pédicure-podologue)',
    ],
    [
      'a dentists-only campaign for an infirmier',
      fami2024,
      'LOG_DMP',
      professional('INFIRMIER'),
      'La campagne « FAMI 2024 – chirurgiens-dentistes » ne concerne pas la profession Infirmier',
    ],
    [
      'the forfait structure for a sage-femme',
      fs2021,
      'SNP',
      professional('SAGE_FEMME'),
      'La campagne « Forfait structure 2021 – médecins » ne concerne pas la profession Sage-femme',
    ],
  ])('%s', (_case, referentiel, code, who, reason) => {
    const indicator = referentiel.indicators.find((candidate) => candidate.code === code);
    if (!indicator) throw new Error(`no ${code}`);
    expect(indicatorApplicability(referentiel.campaign, indicator, who)).toMatchObject({
      applicable: false,
      toDeclare: false,
      reason,
    });
  });

  it('lists the non-applicable ones of a campaign', () => {
    const { notApplicable } = campaignApplicability(fami2023, professional('MASSEUR_KINESITHERAPEUTE'));
    expect(notApplicable.map(({ indicator }) => indicator.code)).toEqual(['HORAIRES', 'PEC_SOCLE', 'VIDEO', 'CONNECT']);
  });

  it('filters by specialty when an indicator names specialties', () => {
    const base = fs2021.indicators[0];
    if (!base) throw new Error('empty référentiel');
    const indicator = { ...base, specialties: ['cardiologie'] };
    expect(
      indicatorApplicability(fs2021.campaign, indicator, professional('MEDECIN_SPECIALISTE', 'cardiologie')),
    ).toMatchObject({
      applicable: true,
    });
    expect(indicatorApplicability(fs2021.campaign, indicator, professional('MEDECIN_GENERALISTE'))).toMatchObject({
      applicable: false,
      reason: 'Indicateur non applicable à la spécialité « aucune spécialité » (réservé à : cardiologie)',
    });
  });
});

describe('exemptions (forfait structure 2021: LAP not required without a software offer, seed 002)', () => {
  const referentiel = withLapExemption('specialite-sans-offre-lap');

  it.each([
    ['a specialty without software offer', professional('MEDECIN_SPECIALISTE', 'specialite-sans-offre-lap'), ['LAP']],
    ['another specialty', professional('MEDECIN_SPECIALISTE', 'cardiologie'), []],
    ['a généraliste', professional('MEDECIN_GENERALISTE'), []],
  ])('%s has waived %j', (_case, who, waived) => {
    const [software] = campaignApplicability(referentiel, who).applicable;
    expect(software?.indicator.code).toBe('LOG_LAP_DMP');
    expect(software?.waived).toEqual(waived);
  });

  it.each<[string, string[], string | null, string | null, string[]]>([
    ['the code is listed', ['SM02', 'SM05'], 'anesthésie', 'SM02', ['LAP']],
    ['the code is listed, in lower case', ['sm02'], null, 'SM02', ['LAP']],
    ['another code: the label does not count once a code is known', ['SM05', 'anesthésie'], 'anesthésie', 'SM02', []],
    ['no code: the label decides, accents and case aside', ['Anesthesie'], 'anesthésie', null, ['LAP']],
    ['no code, another label', ['SM02'], 'cardiologie', null, []],
    ['neither code nor label', ['SM02'], null, null, []],
    ['an empty list exempts no one', [], 'anesthésie', 'SM02', []],
  ])('matches on the Annuaire Santé specialty code: %s', (_case, list, specialty, specialtyCode, waived) => {
    const file: ReferentielFile = {
      ...fs2021,
      indicators: fs2021.indicators.map((indicator) =>
        indicator.exemptions
          ? { ...indicator, exemptions: indicator.exemptions.map((e) => ({ ...e, specialties: list })) }
          : indicator,
      ),
    };
    const who: ProfessionalData = {
      profession: 'MEDECIN_SPECIALISTE',
      specialty,
      specialtyCode,
      installationYear: null,
    };
    const [software] = campaignApplicability(file, who).applicable;
    expect(software?.indicator.code).toBe('LOG_LAP_DMP');
    expect(software?.waived).toEqual(waived);
  });

  it('gives the exemption reason next to the applicability', () => {
    const [software] = campaignApplicability(
      referentiel,
      professional('MEDECIN_SPECIALISTE', 'specialite-sans-offre-lap'),
    ).applicable;
    expect(software?.reason).toMatch(/^Indicateur à déclarer ; LAP certifié non exigé : la spécialité ne dispose pas/);
  });

  describe('by specialty code (TRE_R01, from the Annuaire Santé), the label only without a code', () => {
    const byCode = withLapExemption('SM04');
    const who = (specialty: string | null, specialtyCode: string | null): ProfessionalData => ({
      ...professional('MEDECIN_SPECIALISTE', specialty),
      specialtyCode,
    });

    it.each<[string, ReferentielFile, ProfessionalData, string[]]>([
      ['the code listed', byCode, who('Anesthésie-réanimation', 'SM04'), ['LAP']],
      ['the code listed, written in lower case by the import', byCode, who('Anesthésie-réanimation', 'sm04'), ['LAP']],
      ['another code', byCode, who('Cardiologie', 'SM05'), []],
      [
        'another code whose label is listed: the code decides',
        withLapExemption('Cardiologie'),
        who('Cardiologie', 'SM05'),
        [],
      ],
      ['no code, the label listed', withLapExemption('Cardiologie'), who('Cardiologie', null), ['LAP']],
      ['no code, an empty code', withLapExemption('Cardiologie'), who('Cardiologie', '  '), ['LAP']],
      ['no code, another label', byCode, who('Cardiologie', null), []],
      ['neither code nor label', byCode, who(null, null), []],
      ['the list empty (as shipped)', fs2021, who('Anesthésie-réanimation', 'SM04'), []],
    ])('%s: waived %j', (_case, referentiel, professionalData, waived) => {
      const [software] = campaignApplicability(referentiel, professionalData).applicable;
      expect(software?.indicator.code).toBe('LOG_LAP_DMP');
      expect(software?.waived).toEqual(waived);
    });

    it.each<[string | null, string | null, string | null]>([
      ['Cardiologie', 'SM05', 'SM05'],
      ['Cardiologie', ' sm05 ', 'SM05'],
      ['Cardiologie', null, 'Cardiologie'],
      [null, null, null],
    ])('professional (%j, code %j) is named %j by the lists', (specialty, specialtyCode, key) => {
      expect(exemptionKey({ specialty, specialtyCode })).toBe(key);
    });
  });

  it('ships the exemption with an empty specialty list: the sources do not publish it', () => {
    expect(fs2021.indicators[0]?.exemptions).toEqual([expect.objectContaining({ what: 'LAP', specialties: [] })]);
  });

  it('marks computed indicators as measured by the Assurance Maladie', () => {
    const txFse = campaignApplicability(fs2021, professional('MEDECIN_GENERALISTE')).applicable.find(
      ({ indicator }) => indicator.code === 'TX_FSE',
    );
    expect(txFse).toMatchObject({
      applicable: true,
      toDeclare: false,
      reason: "Indicateur calculé par l'Assurance Maladie",
    });
  });
});
