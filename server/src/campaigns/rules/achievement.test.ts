import type { CampaignStatus, ValueSource } from '../../common/enums';
import { readReferentielFile } from '../referentiel/load';
import type { IndicatorDefinition, ReferentielFile } from '../referentiel/referentiel.types';
import { assessAchievement, countsForPayment, passesGate, type AchievementInput } from './achievement';
import type { AchievementResult, IndicatorValueData, JustificatifData, RecordedValue } from './types';

const fami2024 = readReferentielFile('fami-2024.json');
const fami2023 = readReferentielFile('fami-2023.json');
const fs2020 = readReferentielFile('forfait-structure-2020.json');
const fs2021 = readReferentielFile('forfait-structure-2021.json');
const rosp2019 = readReferentielFile('rosp-2019.json');

function indicatorOf(referentiel: ReferentielFile, code: string): IndicatorDefinition {
  const found = referentiel.indicators.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} in ${referentiel.campaign.label}`);
  return found;
}

const value = (data: IndicatorValueData, source: ValueSource = 'DECLARED'): RecordedValue => ({ data, source });
const rate = (numerator: number, denominator: number) => value({ type: 'RATE', numerator, denominator }, 'COMPUTED');
const messaging = (
  messagingType: 'MSSANTE_PERSONAL' | 'APICRYPT_V1' | 'APICRYPT_V2' | 'OTHER_NOT_LISTED',
  source: ValueSource = 'DECLARED',
) => value({ type: 'MESSAGING', messagingType }, source);
const software = (dmpCompatible: boolean, lapCertified: boolean) =>
  value({
    type: 'SOFTWARE',
    softwareId: 10,
    softwareName: 'OdontoPro',
    version: '7.1',
    publisherId: 1,
    publisherName: 'Odonto Éditions',
    dmpCompatible,
    lapCertified,
  });
const allerVers = (count: number | undefined, text: string) =>
  value(count === undefined ? { type: 'TEXT', text } : { type: 'TEXT', text, count });

const assess = (
  referentiel: ReferentielFile,
  code: string,
  recorded: RecordedValue | null,
  extra: Partial<AchievementInput> = {},
) =>
  assessAchievement({ indicator: indicatorOf(referentiel, code), value: recorded, campaignStatus: 'OPEN', ...extra });

describe('assessAchievement — value rules', () => {
  it.each<[string, ReferentielFile, string, RecordedValue | null, AchievementResult]>([
    [
      'FSE rate shown as on amelipro',
      fami2024,
      'TX_FSE',
      rate(11, 13),
      { status: 'ACHIEVED', reason: 'Taux de FSE atteint : 84,62 %' },
    ],
    [
      'FSE rate exactly 70 % (inclusive)',
      fami2024,
      'TX_FSE',
      rate(700, 1000),
      { status: 'ACHIEVED', reason: 'Taux de FSE atteint : 70,00 %' },
    ],
    [
      'FSE rate just below 70 %',
      fami2024,
      'TX_FSE',
      rate(699, 1000),
      { status: 'NOT_ACHIEVED', reason: 'Taux de FSE non atteint (69,90 % < 70 %)' },
    ],
    [
      'FSE rate 65 %',
      fami2024,
      'TX_FSE',
      rate(65, 100),
      { status: 'NOT_ACHIEVED', reason: 'Taux de FSE non atteint (65,00 % < 70 %)' },
    ],
    [
      'no act billed',
      fami2024,
      'TX_FSE',
      rate(0, 0),
      { status: 'NOT_ACHIEVED', reason: 'Taux de FSE non calculable : aucun acte sur la période' },
    ],
    [
      'médecins: exactly two thirds is not above two thirds',
      fs2021,
      'TX_FSE',
      rate(2, 3),
      { status: 'NOT_ACHIEVED', reason: 'Taux de FSE non atteint (66,67 % ≤ 66,67 %)' },
    ],
    [
      'médecins: 67 %',
      fs2021,
      'TX_FSE',
      rate(67, 100),
      { status: 'ACHIEVED', reason: 'Taux de FSE atteint : 67,00 %' },
    ],
    [
      'MSSanté pre-filled',
      fami2024,
      'MSS',
      messaging('MSSANTE_PERSONAL', 'PREFILLED'),
      { status: 'ACHIEVED', reason: 'Messagerie MSSanté personnelle (valeur pré-remplie)' },
    ],
    [
      'Apicrypt V2 interoperable',
      fami2024,
      'MSS',
      messaging('APICRYPT_V2'),
      { status: 'ACHIEVED', reason: 'Apicrypt V2 interopérable MSSanté (valeur déclarée)' },
    ],
    [
      'Apicrypt V1 since 2021 (seed 002)',
      fs2021,
      'MSS',
      messaging('APICRYPT_V1'),
      {
        status: 'NOT_ACHIEVED',
        reason:
          "Apicrypt V1 ne permet plus de valider l'indicateur : seule Apicrypt V2, ouverte avec l'interopérabilité avec l'Espace de Confiance MSSanté, est acceptée",
      },
    ],
    [
      'Apicrypt V1 in 2020, before the change',
      fs2020,
      'MSS',
      messaging('APICRYPT_V1'),
      { status: 'ACHIEVED', reason: 'Apicrypt V1 (valeur déclarée)' },
    ],
    [
      'a messaging outside the MSSanté trust space',
      fami2024,
      'MSS',
      messaging('OTHER_NOT_LISTED'),
      {
        status: 'NOT_ACHIEVED',
        reason: 'Autre messagerie (hors espace de confiance MSSanté) : messagerie non acceptée pour cet indicateur',
      },
    ],
    [
      '"aller vers" with 3 interventions and the places',
      fami2024,
      'ALLER_VERS',
      allerVers(3, 'Établissement pénitentiaire de Fresnes'),
      { status: 'ACHIEVED', reason: '3 interventions déclarées ; lieux : Établissement pénitentiaire de Fresnes' },
    ],
    [
      '"aller vers" with 2 interventions',
      fami2024,
      'ALLER_VERS',
      allerVers(2, 'EHPAD Les Tilleuls'),
      { status: 'NOT_ACHIEVED', reason: '2 intervention(s) déclarée(s) : au moins 3 sont requises' },
    ],
    [
      '"aller vers" without the places',
      fami2024,
      'ALLER_VERS',
      allerVers(4, '   '),
      { status: 'NOT_ACHIEVED', reason: "Lieux d'intervention non renseignés : champ obligatoire" },
    ],
    [
      '"aller vers" without a count',
      fami2024,
      'ALLER_VERS',
      allerVers(undefined, 'École REP+ Jean Jaurès'),
      { status: 'NOT_ACHIEVED', reason: "Nombre d'interventions non renseigné (au moins 3 requises)" },
    ],
    [
      'software compatible DMP',
      fami2024,
      'LOG_DMP',
      software(true, false),
      { status: 'ACHIEVED', reason: 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP' },
    ],
    [
      'software not compatible DMP',
      fami2024,
      'LOG_DMP',
      software(false, false),
      { status: 'NOT_ACHIEVED', reason: 'Logiciel OdontoPro 7.1 (Odonto Éditions) non compatible DMP' },
    ],
    [
      'médecins: software without certified LAP',
      fs2021,
      'LOG_LAP_DMP',
      software(true, false),
      {
        status: 'NOT_ACHIEVED',
        reason: "Logiciel OdontoPro 7.1 (Odonto Éditions) sans logiciel d'aide à la prescription (LAP) certifié HAS",
      },
    ],
    [
      'médecins: software with certified LAP',
      fs2021,
      'LOG_LAP_DMP',
      software(true, true),
      { status: 'ACHIEVED', reason: 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP, avec LAP certifié HAS' },
    ],
    [
      'coordinated care in a CPTS',
      fami2024,
      'PEC',
      value({ type: 'CHOICE', code: 'CPTS' }),
      { status: 'ACHIEVED', reason: 'Réponse déclarée : communauté professionnelle territoriale de santé (CPTS)' },
    ],
    [
      'a quality group does not count (seed 004 §1.6)',
      fami2024,
      'PEC',
      value({ type: 'CHOICE', code: 'GROUPE_QUALITE' }),
      {
        status: 'NOT_ACHIEVED',
        reason: 'La participation à un groupe qualité ne valide pas la prise en charge coordonnée',
      },
    ],
    [
      'student hosted',
      fami2024,
      'ETUDIANT',
      value({ type: 'BOOLEAN', value: true }),
      { status: 'ACHIEVED', reason: 'Déclaré : oui' },
    ],
    [
      'no student',
      fami2024,
      'ETUDIANT',
      value({ type: 'BOOLEAN', value: false }),
      { status: 'NOT_ACHIEVED', reason: 'Déclaré : non' },
    ],
    [
      'SESAM-Vitale compliant',
      fami2024,
      'CDC_SV',
      value({ type: 'BOOLEAN', value: true }, 'COMPUTED'),
      { status: 'ACHIEVED', reason: "Mesuré par l'Assurance Maladie : oui" },
    ],
    ['nothing declared', fami2024, 'ETUDIANT', null, { status: 'NOT_ACHIEVED', reason: 'Indicateur non déclaré' }],
    [
      'nothing computed',
      fami2024,
      'TX_FSE',
      null,
      { status: 'NOT_ACHIEVED', reason: "Indicateur non calculé : aucune donnée de l'Assurance Maladie" },
    ],
    [
      'a value of the wrong type',
      fami2024,
      'TX_FSE',
      value({ type: 'BOOLEAN', value: true }),
      { status: 'NOT_ACHIEVED', reason: "Valeur de type BOOLEAN incohérente avec l'indicateur (type RATE)" },
    ],
    [
      'ROSP rate without threshold: declared',
      rosp2019,
      'ROSP_IMC_ENFANTS',
      value({ type: 'RATE', numerator: 45, denominator: 60 }),
      { status: 'ACHIEVED', reason: 'IMC des moins de 16 ans déclaré : 75,00 % (aucun seuil fixé par le référentiel)' },
    ],
  ])('%s', (_case, referentiel, code, recorded, expected) => {
    expect(assess(referentiel, code, recorded)).toEqual(expected);
  });

  it('waives the LAP for an exempted specialty', () => {
    expect(assess(fs2021, 'LOG_LAP_DMP', software(true, false), { waived: ['LAP'] })).toEqual({
      status: 'ACHIEVED',
      reason: 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP, LAP non exigé pour la spécialité',
    });
  });
});

describe('assessAchievement — neutralised indicators', () => {
  it('FSE rate 2020 for médecins counts as achieved whatever the rate (seed 000)', () => {
    expect(assess(fs2020, 'TX_FSE', rate(40, 100))).toEqual({
      status: 'NEUTRALISED',
      reason:
        "Indicateur neutralisé pour l'année 2020 pour l'ensemble des médecins (contexte sanitaire) : considéré comme atteint pour le calcul de la rémunération",
    });
  });

  it('messaging type FAMI 2023 is neutralised even when not declared (seed 001)', () => {
    expect(assess(fami2023, 'MSS', null).status).toBe('NEUTRALISED');
  });

  describe('NOT_REQUIRED (e.g. coordinated care suspended in 2022)', () => {
    const base = indicatorOf(fami2023, 'PEC_SOCLE');
    const indicator: IndicatorDefinition = {
      ...base,
      neutralised: { reason: 'Critère suspendu pour 2022 : non exigé', effect: 'NOT_REQUIRED' },
    };
    it.each<[string, RecordedValue | null, AchievementResult]>([
      [
        'not met',
        value({ type: 'CHOICE', code: 'AUCUNE' }),
        {
          status: 'NEUTRALISED',
          reason: 'Critère suspendu pour 2022 : non exigé ; Aucune démarche de prise en charge coordonnée déclarée',
        },
      ],
      [
        'not declared',
        null,
        { status: 'NEUTRALISED', reason: 'Critère suspendu pour 2022 : non exigé ; Indicateur non déclaré' },
      ],
      [
        'met anyway',
        value({ type: 'CHOICE', code: 'MSP' }),
        {
          status: 'ACHIEVED',
          reason:
            'Réponse déclarée : maison de santé pluriprofessionnelle (MSP) (indicateur neutralisé cette année, non exigé)',
        },
      ],
    ])('%s', (_case, recorded, expected) => {
      expect(assessAchievement({ indicator, value: recorded, campaignStatus: 'OPEN' })).toEqual(expected);
    });

    it('met but waiting for a piece: set aside rather than blocking the gate', () => {
      const result = assessAchievement({
        indicator,
        value: value({ type: 'CHOICE', code: 'MSP' }),
        campaignStatus: 'OPEN',
        justificatif: { required: true, state: 'RECEIVED' },
      });
      expect(result).toEqual({
        status: 'NEUTRALISED',
        reason: 'Critère suspendu pour 2022 : non exigé ; Justificatif reçu, en attente de vérification par la CPAM',
      });
    });
  });
});

describe('assessAchievement — software declared by hand and its justificatif', () => {
  const declaredSoftware = software(true, false);
  type State = NonNullable<AchievementInput['justificatif']>['state'];

  it.each<[CampaignStatus, boolean, State, AchievementResult['status'], string]>([
    [
      'OPEN',
      true,
      'AWAITED',
      'PENDING_JUSTIFICATIF',
      "Justificatif attendu : l'indicateur ne sera validé qu'après réception et validation de la pièce par la CPAM",
    ],
    ['OPEN', true, 'RECEIVED', 'PENDING_JUSTIFICATIF', 'Justificatif reçu, en attente de vérification par la CPAM'],
    [
      'OPEN',
      true,
      'REJECTED',
      'PENDING_JUSTIFICATIF',
      'Justificatif rejeté ; un nouvel envoi est attendu avant la clôture de la campagne',
    ],
    [
      'CLOSED',
      true,
      'AWAITED',
      'PENDING_JUSTIFICATIF',
      "Justificatif attendu avant le calcul de la campagne : l'indicateur ne sera validé qu'après réception et validation de la pièce par la CPAM",
    ],
    [
      'CLOSED',
      true,
      'REJECTED',
      'PENDING_JUSTIFICATIF',
      'Justificatif rejeté ; un nouvel envoi est attendu avant le calcul de la campagne',
    ],
    [
      'UPCOMING',
      true,
      'AWAITED',
      'PENDING_JUSTIFICATIF',
      "Justificatif attendu : l'indicateur ne sera validé qu'après réception et validation de la pièce par la CPAM",
    ],
    [
      'COMPUTED',
      true,
      'AWAITED',
      'NOT_ACHIEVED',
      'Justificatif non validé au calcul de la campagne (aucun justificatif reçu) : indicateur non atteint',
    ],
    [
      'COMPUTED',
      true,
      'RECEIVED',
      'NOT_ACHIEVED',
      'Justificatif non validé au calcul de la campagne (justificatif reçu mais non vérifié) : indicateur non atteint',
    ],
    [
      'COMPUTED',
      true,
      'REJECTED',
      'NOT_ACHIEVED',
      'Justificatif non validé au calcul de la campagne (dernier justificatif rejeté) : indicateur non atteint',
    ],
    [
      'PAID',
      true,
      'AWAITED',
      'NOT_ACHIEVED',
      'Justificatif non validé au calcul de la campagne (aucun justificatif reçu) : indicateur non atteint',
    ],
    ['OPEN', true, 'VALIDATED', 'ACHIEVED', 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP'],
    ['CLOSED', true, 'VALIDATED', 'ACHIEVED', 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP'],
    ['CLOSED', false, 'STILL_VALID', 'ACHIEVED', 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP'],
    ['CLOSED', false, 'NOT_REQUIRED', 'ACHIEVED', 'Logiciel OdontoPro 7.1 (Odonto Éditions) compatible DMP'],
  ])('campaign %s, required %s, justificatif %s → %s', (campaignStatus, required, state, status, reason) => {
    expect(
      assess(fami2024, 'LOG_DMP', declaredSoftware, { campaignStatus, justificatif: { required, state } }),
    ).toEqual({
      status,
      reason,
    });
  });

  const rejectedPiece: JustificatifData = {
    campaignYear: 2024,
    conventionId: 'CONVENTION_DENTAIRE_2023',
    family: 'SOFTWARE_DMP',
    status: 'REJECTED',
    publisherId: 1,
    softwareId: 10,
    publisherName: 'Odonto Éditions',
    decidedOn: '2025-03-12',
    rejectionReasons: ['ACQUISITION_DATE_MISSING', 'OTHER_PROFESSIONAL'],
  };

  it.each<[CampaignStatus, AchievementResult['status'], string]>([
    [
      'OPEN',
      'PENDING_JUSTIFICATIF',
      "Justificatif rejeté le 12/03/2025 : date d'acquisition absente, document au nom d'un autre professionnel ; un nouvel envoi est attendu avant la clôture de la campagne",
    ],
    [
      'CLOSED',
      'PENDING_JUSTIFICATIF',
      "Justificatif rejeté le 12/03/2025 : date d'acquisition absente, document au nom d'un autre professionnel ; un nouvel envoi est attendu avant le calcul de la campagne",
    ],
    [
      'COMPUTED',
      'NOT_ACHIEVED',
      "Justificatif non validé au calcul de la campagne (dernier justificatif rejeté le 12/03/2025 : date d'acquisition absente, document au nom d'un autre professionnel) : indicateur non atteint",
    ],
  ])('a rejected piece, campaign %s: the atteinte says the date and motifs (%s)', (campaignStatus, status, reason) => {
    expect(
      assess(fami2024, 'LOG_DMP', declaredSoftware, {
        campaignStatus,
        justificatif: { required: true, state: 'REJECTED', rejected: rejectedPiece },
      }),
    ).toEqual({ status, reason });
  });

  it('judges the software before the piece: a non DMP-compatible software fails whatever the piece', () => {
    const result = assess(fami2024, 'LOG_DMP', software(false, false), {
      justificatif: { required: true, state: 'VALIDATED' },
    });
    expect(result.status).toBe('NOT_ACHIEVED');
  });
});

describe('what an atteinte means for payment', () => {
  const counting = indicatorOf(fs2020, 'TX_FSE');
  const notRequired: IndicatorDefinition = {
    ...indicatorOf(fami2023, 'PEC_SOCLE'),
    neutralised: { reason: 'suspendu', effect: 'NOT_REQUIRED' },
  };
  const plain = indicatorOf(fami2024, 'PEC');

  it.each<[string, IndicatorDefinition, AchievementResult['status'], boolean, boolean]>([
    ['achieved', plain, 'ACHIEVED', true, true],
    ['not achieved', plain, 'NOT_ACHIEVED', false, false],
    ['pending justificatif', plain, 'PENDING_JUSTIFICATIF', false, false],
    ['neutralised, counts as achieved', counting, 'NEUTRALISED', true, true],
    ['neutralised, not required', notRequired, 'NEUTRALISED', false, true],
  ])('%s: paid %s, lets the gate through %s', (_case, indicator, status, paid, gate) => {
    const achievement = { status, reason: '' };
    expect(countsForPayment(indicator, achievement)).toBe(paid);
    expect(passesGate(achievement)).toBe(gate);
  });
});
