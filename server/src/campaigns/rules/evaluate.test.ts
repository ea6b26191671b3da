/**
 * The worked examples of shared/domain/public-facts.md §3 and the edge cases of the campaign rules,
 * end to end from the shipped référentiel files. Two examples concern campaigns without a shipped file
 * (MK 2024, IDE 2022): their référentiel is built below from the FAMI 2023 indicators and validated by
 * the loader like a shipped file.
 */
import type { CampaignStatus, Profession, ValueSource } from '../../common/enums';
import { parseReferentiel, readReferentielFile } from '../referentiel/load';
import type { IndicatorDefinition, ReferentielFile } from '../referentiel/referentiel.types';
import { evaluateDeclaration, type DeclarationEvaluation, type DeclarationEvaluationInput } from './evaluate';
import type { IndicatorValueData, JustificatifData, ProfessionalData, RecordedValue } from './types';

const fami2024 = readReferentielFile('fami-2024.json');
const fami2023 = readReferentielFile('fami-2023.json');
const fs2020 = readReferentielFile('forfait-structure-2020.json');

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const value = (data: IndicatorValueData, source: ValueSource = 'DECLARED'): RecordedValue => ({ data, source });
const yes = value({ type: 'BOOLEAN', value: true });
const no = value({ type: 'BOOLEAN', value: false });
const computedYes = value({ type: 'BOOLEAN', value: true }, 'COMPUTED');
const fseRate = (numerator: number, denominator: number) => value({ type: 'RATE', numerator, denominator }, 'COMPUTED');
const mssPrefilled = value({ type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' }, 'PREFILLED');
const coordinated = value({ type: 'CHOICE', code: 'CPTS' });
const noCoordination = value({ type: 'CHOICE', code: 'AUCUNE' });
const fresnes = value({ type: 'TEXT', text: 'Établissement pénitentiaire de Fresnes', count: 3 });

const ODONTO = { publisherId: 1, publisherName: 'Odonto Éditions' };
const CABINET = { publisherId: 2, publisherName: 'Cabinet Logiciels' };
const software = (
  product: { publisherId: number; publisherName: string },
  softwareId: number,
  version: string,
  source: ValueSource = 'DECLARED',
) =>
  value(
    {
      type: 'SOFTWARE',
      ...product,
      softwareId,
      softwareName: `Logiciel ${softwareId}`,
      version,
      dmpCompatible: true,
      lapCertified: true,
    },
    source,
  );

const piece = (
  campaignYear: number,
  status: JustificatifData['status'],
  publisherId: number,
  softwareId: number,
  family = 'SOFTWARE_DMP',
  conventionId = 'CONVENTION_DENTAIRE_2023',
): JustificatifData => ({ campaignYear, conventionId, family, status, publisherId, softwareId });

const professional = (profession: Profession, installationYear: number | null = 2015): ProfessionalData => ({
  profession,
  specialty: null,
  installationYear,
});

// ---------------------------------------------------------------------------------------------
// Evaluation helpers
// ---------------------------------------------------------------------------------------------

interface Case {
  referentiel: ReferentielFile;
  who: ProfessionalData;
  values: Record<string, RecordedValue | null>;
  status?: CampaignStatus;
  justificatifs?: JustificatifData[];
}

const evaluate = ({ referentiel, who, values, status = 'OPEN', justificatifs = [] }: Case): DeclarationEvaluation => {
  const input: DeclarationEvaluationInput = {
    referentiel,
    campaignStatus: status,
    professional: who,
    values,
    justificatifs,
    firstDeclarationYearByFamily: { SOFTWARE_DMP: 2019 },
  };
  return evaluateDeclaration(input);
};

const achievementOf = (evaluation: DeclarationEvaluation, code: string) =>
  evaluation.indicators.find(({ indicator }) => indicator.code === code)?.achievement;
const evaluationOf = (evaluation: DeclarationEvaluation, code: string) =>
  evaluation.indicators.find(({ indicator }) => indicator.code === code);
const lineOf = (evaluation: DeclarationEvaluation, code: string) =>
  evaluation.remuneration.lines.find((line) => line.indicatorCode === code);

/** A dentist 2024 meeting the five socles from pre-filled and computed data, with coordinated care. */
const dentist2024 = (overrides: Record<string, RecordedValue | null> = {}) => ({
  LOG_DMP: software(ODONTO, 10, '7.1', 'PREFILLED'),
  CDC_SV: computedYes,
  HORAIRES: yes,
  TX_FSE: fseRate(90, 100),
  MSS: mssPrefilled,
  PEC: coordinated,
  ALLER_VERS: fresnes,
  ETUDIANT: no,
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// Référentiels of campaigns without a shipped file (public-facts §3.2)
// ---------------------------------------------------------------------------------------------

function fami2023Indicator(code: string): IndicatorDefinition {
  const found = fami2023.indicators.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code}`);
  const { neutralised: _neutralised, professions: _professions, amountByProfession: _byProfession, ...rest } = found;
  return rest;
}

function paramedical(
  year: number,
  profession: Profession,
  gateCents: number,
  pec: IndicatorDefinition,
): ReferentielFile {
  const file: ReferentielFile = {
    ...fami2023,
    referentielVersion: 'fixture',
    campaign: {
      ...fami2023.campaign,
      referenceYear: year,
      label: `Fixture FAMI ${year}`,
      professions: [profession],
      conventions: { [profession]: `CONVENTION_${profession}` },
      sources: ['public-facts §3.2'],
    },
    settings: { ...fami2023.settings, appreciationDate: `${year}-12-31` },
    remuneration: { unit: 'CENTS', gateAmount: { known: true, cents: gateCents }, gateLabel: 'Socle' },
    indicators: [
      ...['LOG_DMP', 'CDC_SV', 'SCOR', 'TX_FSE', 'MSS'].map(fami2023Indicator),
      pec,
      { ...fami2023Indicator('VIDEO'), amount: { known: true, cents: 35000 } },
      { ...fami2023Indicator('CONNECT'), amount: { known: true, cents: 17500 } },
    ],
  };
  return parseReferentiel(JSON.stringify(file), `fami-${year}.fixture.json`);
}

/** MK 2024: 5 socles 490 €, coordinated care +100 € if socle, video 350 €, connected devices 175 € [P46]. */
const mk2024 = paramedical(2024, 'MASSEUR_KINESITHERAPEUTE', 49000, fami2023Indicator('PEC'));

/** IDE 2022: PEC inside a 590 € socle, suspended that year: its 100 € share is paid only if met [P32][P43]. */
const ide2022 = paramedical(2022, 'INFIRMIER', 59000, {
  ...fami2023Indicator('PEC_SOCLE'),
  amount: { known: true, cents: 10000 },
  neutralised: {
    reason: 'Critère de coordination exceptionnellement suspendu en 2022 : non exigé',
    effect: 'NOT_REQUIRED',
  },
});

const paramedicalValues = (overrides: Record<string, RecordedValue | null> = {}) => ({
  LOG_DMP: software(ODONTO, 10, '7.1', 'PREFILLED'),
  CDC_SV: computedYes,
  SCOR: computedYes,
  TX_FSE: fseRate(95, 100),
  MSS: mssPrefilled,
  PEC: coordinated,
  PEC_SOCLE: coordinated,
  VIDEO: yes,
  CONNECT: yes,
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// Worked examples
// ---------------------------------------------------------------------------------------------

describe('worked examples of public-facts §3', () => {
  it.each<[string, Case, number]>([
    [
      'dentist 2024: 5 socles + coordinated care + aller vers, no student → 890 €',
      { referentiel: fami2024, who: professional('CHIRURGIEN_DENTISTE'), values: dentist2024() },
      89000,
    ],
    [
      'dentist 2024: FSE rate 65 %, coordinated care, aller vers and student → 650 €',
      {
        referentiel: fami2024,
        who: professional('CHIRURGIEN_DENTISTE'),
        values: dentist2024({ TX_FSE: fseRate(65, 100), ETUDIANT: yes }),
      },
      65000,
    ],
    [
      'dentist 2024: software declared by hand, justificatif never received, campaign computed → independents only',
      {
        referentiel: fami2024,
        who: professional('CHIRURGIEN_DENTISTE'),
        values: dentist2024({ LOG_DMP: software(ODONTO, 10, '7.1'), ETUDIANT: yes }),
        status: 'COMPUTED',
      },
      65000,
    ],
    [
      'MK 2024, every item → 1 115 €',
      { referentiel: mk2024, who: professional('MASSEUR_KINESITHERAPEUTE'), values: paramedicalValues() },
      111500,
    ],
    [
      'IDE 2022: 5 socles, no coordinated care (neutralised), video → 840 €',
      {
        referentiel: ide2022,
        who: professional('INFIRMIER'),
        values: paramedicalValues({ PEC_SOCLE: noCoordination, CONNECT: no }),
      },
      84000,
    ],
    [
      'orthophoniste 2023: 5 socles, no coordinated care → 490 €',
      {
        referentiel: fami2023,
        who: professional('ORTHOPHONISTE'),
        values: paramedicalValues({ PEC: noCoordination, VIDEO: no, CONNECT: no }),
      },
      49000,
    ],
    [
      'forfait structure 2020: volet 1 (FSE rate neutralised) + SNP + video → 3 360 €',
      {
        referentiel: fs2020,
        who: professional('MEDECIN_GENERALISTE'),
        values: {
          LOG_LAP_DMP: software(ODONTO, 10, '4.2', 'PREFILLED'),
          MSS: mssPrefilled,
          HORAIRES: value({ type: 'BOOLEAN', value: true }, 'PREFILLED'),
          CDC_SV: computedYes,
          TX_FSE: fseRate(40, 100),
          CODAGE: no,
          PEC: no,
          SERVICES: no,
          ETUDIANTS: no,
          VIDEO: yes,
          CONNECT: no,
          SNP: yes,
        },
      },
      336000,
    ],
    [
      'forfait structure 2020: MSS missing → 0 € even with SNP declared',
      {
        referentiel: fs2020,
        who: professional('MEDECIN_SPECIALISTE'),
        values: {
          LOG_LAP_DMP: software(ODONTO, 10, '4.2', 'PREFILLED'),
          MSS: null,
          HORAIRES: yes,
          CDC_SV: computedYes,
          TX_FSE: fseRate(90, 100),
          VIDEO: yes,
          SNP: yes,
        },
      },
      0,
    ],
  ])('%s', (_case, input, totalCents) => {
    const { remuneration } = evaluate(input);
    expect(remuneration.totalCents).toBe(totalCents);
    expect(remuneration.complete).toBe(true);
  });

  it('dentist 650 €: the socle line names the failing rate', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: professional('CHIRURGIEN_DENTISTE'),
      values: dentist2024({ TX_FSE: fseRate(65, 100), ETUDIANT: yes }),
    });
    expect(evaluation.remuneration.lines[0]?.reason).toBe(
      'Socle non atteint : taux de FSE non atteint (65,00 % < 70 %)',
    );
    expect(lineOf(evaluation, 'PEC')?.reason).toBe('Non versé : socle non atteint (indicateur en échec : taux de FSE)');
  });

  it('dentist with the justificatif never received: pending while open, not achieved once closed', () => {
    const values = dentist2024({ LOG_DMP: software(ODONTO, 10, '7.1') });
    const open = evaluate({ referentiel: fami2024, who: professional('CHIRURGIEN_DENTISTE'), values });
    expect(achievementOf(open, 'LOG_DMP')?.status).toBe('PENDING_JUSTIFICATIF');
    expect(open.remuneration.totalCents).toBe(30000);

    const closed = evaluate({
      referentiel: fami2024,
      who: professional('CHIRURGIEN_DENTISTE'),
      values,
      status: 'COMPUTED',
    });
    expect(achievementOf(closed, 'LOG_DMP')).toEqual({
      status: 'NOT_ACHIEVED',
      reason: 'Justificatif non validé au calcul de la campagne (aucun justificatif reçu) : indicateur non atteint',
    });
    expect(closed.remuneration.lines[0]?.reason).toBe(
      'Socle non atteint : logiciel métier compatible DMP (justificatif non validé au calcul de la campagne (aucun justificatif reçu) : indicateur non atteint)',
    );
  });

  it('IDE 2022 explains the withheld coordination share', () => {
    const evaluation = evaluate({
      referentiel: ide2022,
      who: professional('INFIRMIER'),
      values: paramedicalValues({ PEC_SOCLE: noCoordination, CONNECT: no }),
    });
    expect(achievementOf(evaluation, 'PEC_SOCLE')?.status).toBe('NEUTRALISED');
    expect(evaluation.remuneration.lines[0]).toMatchObject({ amountCents: 49000 });
  });

  it('forfait structure 2020 counts the neutralised FSE rate as met, whatever the rate', () => {
    const evaluation = evaluate({
      referentiel: fs2020,
      who: professional('MEDECIN_GENERALISTE'),
      values: { TX_FSE: fseRate(10, 100) },
    });
    expect(achievementOf(evaluation, 'TX_FSE')?.status).toBe('NEUTRALISED');
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------------------------

describe('edge cases', () => {
  const dentist = professional('CHIRURGIEN_DENTISTE');

  it.each<[string, RecordedValue, JustificatifData[], object, boolean]>([
    [
      'version change from the publisher of last year’s validated piece: nothing to send, mention shown',
      software(ODONTO, 10, '8.0'),
      [piece(2023, 'VALIDATED', 1, 10)],
      { status: 'ACHIEVED' },
      true,
    ],
    [
      'publisher change: a new piece is awaited',
      software(CABINET, 20, '3.2'),
      [piece(2023, 'VALIDATED', 1, 10)],
      { status: 'PENDING_JUSTIFICATIF' },
      false,
    ],
    [
      'publisher change, new piece validated',
      software(CABINET, 20, '3.2'),
      [piece(2023, 'VALIDATED', 1, 10), piece(2024, 'VALIDATED', 2, 20)],
      { status: 'ACHIEVED' },
      true,
    ],
  ])('%s', (_case, declared, justificatifs, achievement, mention) => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ LOG_DMP: declared }),
      justificatifs,
    });
    expect(achievementOf(evaluation, 'LOG_DMP')).toMatchObject(achievement);
    expect(evaluationOf(evaluation, 'LOG_DMP')?.mention.shown).toBe(mention);
  });

  it('justificatif rejected, sent again, then validated', () => {
    const values = dentist2024({ LOG_DMP: software(CABINET, 20, '3.2') });
    const steps: [JustificatifData[], string, number][] = [
      [[piece(2024, 'RECEIVED', 2, 20)], 'PENDING_JUSTIFICATIF', 30000],
      [[piece(2024, 'REJECTED', 2, 20)], 'PENDING_JUSTIFICATIF', 30000],
      [[piece(2024, 'REJECTED', 2, 20), piece(2024, 'RECEIVED', 2, 20)], 'PENDING_JUSTIFICATIF', 30000],
      [[piece(2024, 'REJECTED', 2, 20), piece(2024, 'VALIDATED', 2, 20)], 'ACHIEVED', 89000],
    ];
    for (const [justificatifs, status, total] of steps) {
      const evaluation = evaluate({ referentiel: fami2024, who: dentist, values, justificatifs });
      expect(achievementOf(evaluation, 'LOG_DMP')?.status).toBe(status);
      expect(evaluation.remuneration.totalCents).toBe(total);
    }
    const done = evaluate({
      referentiel: fami2024,
      who: dentist,
      values,
      justificatifs: [piece(2024, 'REJECTED', 2, 20), piece(2024, 'VALIDATED', 2, 20)],
    });
    expect(evaluationOf(done, 'LOG_DMP')?.mention.text).toBe('pièce justificative validée par la CPAM');
  });

  it('campaign closed but not computed: a received justificatif still awaits its check', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ LOG_DMP: software(CABINET, 20, '3.2') }),
      justificatifs: [piece(2024, 'RECEIVED', 2, 20)],
      status: 'CLOSED',
    });
    expect(achievementOf(evaluation, 'LOG_DMP')?.status).toBe('PENDING_JUSTIFICATIF');
  });

  it('campaign computed with a justificatif still awaiting its check: not achieved', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ LOG_DMP: software(CABINET, 20, '3.2') }),
      justificatifs: [piece(2024, 'RECEIVED', 2, 20)],
      status: 'COMPUTED',
    });
    expect(achievementOf(evaluation, 'LOG_DMP')).toEqual({
      status: 'NOT_ACHIEVED',
      reason:
        'Justificatif non validé au calcul de la campagne (justificatif reçu mais non vérifié) : indicateur non atteint',
    });
    expect(evaluation.remuneration.totalCents).toBe(30000);
  });

  it('one mandatory indicator missing: no socle, no complement either', () => {
    const evaluation = evaluate({ referentiel: fami2024, who: dentist, values: dentist2024({ MSS: null }) });
    expect(achievementOf(evaluation, 'MSS')).toEqual({ status: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' });
    expect(evaluation.remuneration.lines.map((line) => [line.label, line.amountCents])).toEqual([
      ['Socle : 5 indicateurs obligatoires', 0],
      ['Prise en charge coordonnée', 0],
      ['Aller vers', 30000],
      ["Accueil d'un étudiant stagiaire", 0],
    ]);
    expect(evaluation.remuneration.lines[0]?.reason).toBe(
      'Socle non atteint : messagerie sécurisée de santé (indicateur non déclaré)',
    );
  });

  it('Apicrypt V1 declared: the messaging socle fails', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ MSS: value({ type: 'MESSAGING', messagingType: 'APICRYPT_V1' }) }),
    });
    expect(achievementOf(evaluation, 'MSS')?.status).toBe('NOT_ACHIEVED');
    expect(evaluation.remuneration.totalCents).toBe(30000);
  });

  it('neutralised messaging (FAMI 2023): the socle passes without any messaging', () => {
    const evaluation = evaluate({
      referentiel: fami2023,
      who: professional('MASSEUR_KINESITHERAPEUTE'),
      values: paramedicalValues({ MSS: null }),
    });
    expect(achievementOf(evaluation, 'MSS')?.status).toBe('NEUTRALISED');
    expect(evaluation.remuneration.totalCents).toBe(59000);
  });

  it('indicators not applicable to the profession are left out, with their reason', () => {
    const evaluation = evaluate({
      referentiel: fami2023,
      who: professional('MASSEUR_KINESITHERAPEUTE'),
      values: paramedicalValues({ HORAIRES: yes }),
    });
    expect(evaluation.indicators.map(({ indicator }) => indicator.code)).not.toContain('HORAIRES');
    expect(evaluation.notApplicable.find(({ indicator }) => indicator.code === 'HORAIRES')?.reason).toBe(
      'Indicateur non applicable à la profession Masseur-kinésithérapeute (réservé à : chirurgien-dentiste)',
    );
    expect(evaluation.remuneration.lines.map((line) => line.indicatorCode)).not.toContain('VIDEO');
  });

  it('honour-attested values are flagged for a contrôle a posteriori, pre-filled ones are not', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ MSS: value({ type: 'MESSAGING', messagingType: 'MSSANTE_ORGANISATIONAL' }) }),
    });
    const flagged = evaluation.indicators.filter(({ justificatif }) => justificatif.controlAPosteriori);
    expect(flagged.map(({ indicator }) => indicator.code)).toEqual([
      'HORAIRES',
      'MSS',
      'PEC',
      'ALLER_VERS',
      'ETUDIANT',
    ]);
  });

  it('uses the convention of the professional’s profession for earlier pieces', () => {
    const evaluation = evaluate({
      referentiel: fami2024,
      who: dentist,
      values: dentist2024({ LOG_DMP: software(ODONTO, 10, '7.1') }),
      justificatifs: [piece(2022, 'VALIDATED', 1, 10, 'SOFTWARE_DMP', 'CONVENTION_DENTAIRE_2018')],
    });
    expect(evaluationOf(evaluation, 'LOG_DMP')?.justificatif).toMatchObject({ required: true, state: 'AWAITED' });
  });
});
