/**
 * The showcase professionals: written first (professionals #1… of caisse 211, then of 751), each shows
 * one rule of the campaigns with a known outcome, so that a demo, a test or a screenshot can rely on
 * them. Campaigns a scenario does not name get an ordinary declaration where every indicator is met.
 */
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { AchievementStatus, DeclarationStatus, Profession, RejectionReason } from '../common/enums';

/** What became of the pieces the campaign asked for. */
export type PieceOutcome =
  | 'NONE'
  | 'RECEIVED'
  | 'RECEIVED_ASSIGNED'
  | 'VALIDATED'
  | 'REJECTED'
  | 'REJECTED_THEN_VALIDATED'
  | 'REJECTED_THEN_RECEIVED';

/** null: not declared. `data` omitted: the generator's value for that source (e.g. the scripted software). */
export type ValueScript = null | { source: 'PREFILLED' | 'DECLARED' | 'COMPUTED'; data?: IndicatorValueData };

export interface CampaignScript {
  status?: DeclarationStatus;
  /** [software, version] from the catalogue; kept for the following campaigns. */
  software?: [string, string];
  /** By indicator code; the other indicators get a value that meets them. */
  values?: Record<string, ValueScript>;
  pieces?: PieceOutcome;
  rejection?: RejectionReason[];
}

export interface Expectation {
  /** `${scheme}-${referenceYear}`. */
  campaign: string;
  indicator: string;
  achievement: AchievementStatus;
  reason: RegExp;
}

export interface Scenario {
  key: string;
  /** French: what the case shows, for docs/demo-data.md. */
  title: string;
  caisseCode: '211' | '751';
  commune: number;
  firstName: string;
  lastName: string;
  profession: Profession;
  specialty?: string;
  /** Installation month, 'YYYY-MM'. */
  installed: string;
  usesAmelipro?: boolean;
  campaigns: Record<string, CampaignScript>;
  contact?: string;
  expect: Expectation[];
}

const rate = (numerator: number, denominator: number): ValueScript => ({
  source: 'COMPUTED',
  data: { type: 'RATE', numerator, denominator },
});
const messaging = (messagingType: 'APICRYPT_V1'): ValueScript => ({
  source: 'DECLARED',
  data: { type: 'MESSAGING', messagingType },
});
const DECLARED = { source: 'DECLARED' } as const;
const PREFILLED = { source: 'PREFILLED' } as const;

export const SCENARIOS: Scenario[] = [
  {
    key: 'changement-editeur',
    title: "Changement d'éditeur : un nouveau justificatif est attendu (reçu, à vérifier, campagne close)",
    caisseCode: '211',
    commune: 0,
    firstName: 'Éloïse',
    lastName: 'Lefèvre',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2012-09',
    campaigns: {
      'FAMI-2023': { software: ['Dentalia', '4.2'], values: { LOG_DMP: DECLARED }, pieces: 'VALIDATED' },
      'FAMI-2024': { software: ['DentiCloud', '3.0'], values: { LOG_DMP: DECLARED }, pieces: 'RECEIVED' },
    },
    contact: 'Changement d’éditeur : facture DentiCloud envoyée',
    expect: [
      { campaign: 'FAMI-2023', indicator: 'LOG_DMP', achievement: 'ACHIEVED', reason: /Dentalia 4\.2/ },
      { campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'PENDING_JUSTIFICATIF', reason: /reçu/ },
    ],
  },
  {
    key: 'changement-version',
    title: 'Changement de version chez le même éditeur : le justificatif validé en 2023 reste valable',
    caisseCode: '211',
    commune: 1,
    firstName: 'Noël',
    lastName: 'Gaëtan',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2009-03',
    campaigns: {
      'FAMI-2023': { software: ['Dentalia', '4.1'], values: { LOG_DMP: DECLARED }, pieces: 'VALIDATED' },
      'FAMI-2024': { software: ['Dentalia', '5.0'], values: { LOG_DMP: DECLARED } },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'ACHIEVED', reason: /Dentalia 5\.0/ }],
  },
  {
    key: 'installation-annee',
    title: "Installation dans l'année (première déclaration) : justificatif reçu, pris en charge par la conseillère",
    caisseCode: '211',
    commune: 0,
    firstName: 'Maëlle',
    lastName: 'Bréhier',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2024-03',
    campaigns: {
      'FAMI-2024': { software: ['DentiCloud', '3.0'], values: { LOG_DMP: DECLARED }, pieces: 'RECEIVED_ASSIGNED' },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'PENDING_JUSTIFICATIF', reason: /reçu/ }],
  },
  {
    key: 'taux-fse-aller-vers',
    title: 'Logiciel pré-rempli (aucun justificatif) ; taux de FSE à 62 % ; « aller vers » sans lieux',
    caisseCode: '211',
    commune: 2,
    firstName: 'Benoît',
    lastName: 'Mathé',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2001-06',
    campaigns: {
      'FAMI-2024': {
        software: ['Dentalia', '5.0'],
        values: {
          LOG_DMP: PREFILLED,
          TX_FSE: rate(620, 1000),
          ALLER_VERS: { source: 'DECLARED', data: { type: 'TEXT', text: '', count: 4 } },
        },
      },
    },
    expect: [
      { campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'ACHIEVED', reason: /Dentalia 5\.0/ },
      { campaign: 'FAMI-2024', indicator: 'TX_FSE', achievement: 'NOT_ACHIEVED', reason: /62/ },
      { campaign: 'FAMI-2024', indicator: 'ALLER_VERS', achievement: 'NOT_ACHIEVED', reason: /Lieux/ },
    ],
  },
  {
    key: 'rejet-puis-validation',
    title: 'Justificatif rejeté (mention « DMP compatible » absente), renvoyé puis validé',
    caisseCode: '211',
    commune: 0,
    firstName: 'Anaïs',
    lastName: 'Perrière',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2016-01',
    campaigns: {
      'FAMI-2024': {
        software: ['Dentalia', '4.2'],
        values: { LOG_DMP: DECLARED },
        pieces: 'REJECTED_THEN_VALIDATED',
        rejection: ['DMP_MENTION_MISSING'],
      },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'ACHIEVED', reason: /Dentalia 4\.2/ }],
  },
  {
    key: 'rejet-en-attente',
    title: 'Justificatif rejeté (non nominatif, sans date d’acquisition) : un nouvel envoi est attendu',
    caisseCode: '211',
    commune: 4,
    firstName: 'Loïc',
    lastName: 'Désiré',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2019-05',
    campaigns: {
      'FAMI-2024': {
        software: ['DentiCloud', '2.1'],
        values: { LOG_DMP: DECLARED },
        pieces: 'REJECTED',
        rejection: ['NOT_NOMINATIVE', 'ACQUISITION_DATE_MISSING'],
      },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'PENDING_JUSTIFICATIF', reason: /rejeté/ }],
  },
  {
    key: 'justificatif-jamais-recu',
    title: 'Logiciel déclaré à la main, justificatif jamais reçu : en attente à la clôture',
    caisseCode: '211',
    commune: 0,
    firstName: 'Chloé',
    lastName: 'Ménard',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2022-04',
    campaigns: {
      'FAMI-2024': { software: ['Dentalia', '5.0'], values: { LOG_DMP: DECLARED }, pieces: 'NONE' },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'LOG_DMP', achievement: 'PENDING_JUSTIFICATIF', reason: /attendu/ }],
  },
  {
    key: 'messagerie-neutralisee',
    title: 'FAMI 2023 : type de messagerie neutralisé (Apicrypt V1 déclaré, compté comme atteint)',
    caisseCode: '211',
    commune: 3,
    firstName: 'Thérèse',
    lastName: 'Noël',
    profession: 'INFIRMIER',
    installed: '2011-02',
    campaigns: { 'FAMI-2023': { software: ['SoinsLib', '2.0'], values: { MSS: messaging('APICRYPT_V1') } } },
    expect: [{ campaign: 'FAMI-2023', indicator: 'MSS', achievement: 'NEUTRALISED', reason: /neutralis/i }],
  },
  {
    key: 'apicrypt-v1',
    title: 'Apicrypt V1 : acceptée en 2019 et 2020, plus en 2021 ; taux de FSE neutralisé en 2020',
    caisseCode: '211',
    commune: 0,
    firstName: 'Jérôme',
    lastName: 'Légaré',
    profession: 'MEDECIN_GENERALISTE',
    installed: '2008-10',
    campaigns: {
      'FORFAIT_STRUCTURE-2019': { software: ['CabinetPlus', '7.0'], values: { MSS: messaging('APICRYPT_V1') } },
      'FORFAIT_STRUCTURE-2020': { values: { MSS: messaging('APICRYPT_V1'), TX_FSE: rate(580, 1000) } },
      'FORFAIT_STRUCTURE-2021': { values: { MSS: messaging('APICRYPT_V1') } },
    },
    expect: [
      { campaign: 'FORFAIT_STRUCTURE-2019', indicator: 'MSS', achievement: 'ACHIEVED', reason: /Apicrypt/ },
      { campaign: 'FORFAIT_STRUCTURE-2020', indicator: 'TX_FSE', achievement: 'NEUTRALISED', reason: /./ },
      { campaign: 'FORFAIT_STRUCTURE-2021', indicator: 'MSS', achievement: 'NOT_ACHIEVED', reason: /Apicrypt V1/ },
    ],
  },
  {
    key: 'medecin-version-puis-editeur',
    title: "Cardiologue : changement de version en 2020 (rien à renvoyer), d'éditeur en 2021 (pièce reçue)",
    caisseCode: '211',
    commune: 0,
    firstName: 'Hélène',
    lastName: 'Côté',
    profession: 'MEDECIN_SPECIALISTE',
    specialty: 'cardiologie',
    installed: '2014-04',
    campaigns: {
      'FORFAIT_STRUCTURE-2019': {
        software: ['CabinetPlus', '7.0'],
        values: { LOG_LAP_DMP: DECLARED },
        pieces: 'VALIDATED',
      },
      'FORFAIT_STRUCTURE-2020': { software: ['CabinetPlus', '7.1'], values: { LOG_LAP_DMP: DECLARED } },
      'FORFAIT_STRUCTURE-2021': {
        software: ['Médiplan', '12.0'],
        values: { LOG_LAP_DMP: DECLARED },
        pieces: 'RECEIVED',
      },
    },
    expect: [
      { campaign: 'FORFAIT_STRUCTURE-2020', indicator: 'LOG_LAP_DMP', achievement: 'ACHIEVED', reason: /7\.1/ },
      {
        campaign: 'FORFAIT_STRUCTURE-2021',
        indicator: 'LOG_LAP_DMP',
        achievement: 'PENDING_JUSTIFICATIF',
        reason: /reçu/,
      },
    ],
  },
  {
    key: 'papier-logiciel-non-dmp',
    title: 'Déclaration papier saisie par la CPAM ; logiciel non compatible DMP',
    caisseCode: '211',
    commune: 5,
    firstName: 'Gaëtan',
    lastName: 'Bérard',
    profession: 'MASSEUR_KINESITHERAPEUTE',
    installed: '2005-09',
    usesAmelipro: false,
    campaigns: {
      'FAMI-2023': { software: ['Kinésoft', '3.4'], values: { LOG_DMP: DECLARED }, pieces: 'NONE' },
    },
    expect: [
      { campaign: 'FAMI-2023', indicator: 'LOG_DMP', achievement: 'NOT_ACHIEVED', reason: /non compatible DMP/ },
    ],
  },
  {
    key: 'groupe-qualite',
    title: 'Prise en charge coordonnée : un groupe qualité ne valide pas l’indicateur',
    caisseCode: '751',
    commune: 0,
    firstName: 'Adèle',
    lastName: 'Hénaff',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2015-10',
    campaigns: {
      'FAMI-2024': {
        software: ['DentiCloud', '3.0'],
        values: { PEC: { source: 'DECLARED', data: { type: 'CHOICE', code: 'GROUPE_QUALITE' } } },
      },
    },
    expect: [{ campaign: 'FAMI-2024', indicator: 'PEC', achievement: 'NOT_ACHIEVED', reason: /./ }],
  },
  {
    key: 'declaration-commencee',
    title: 'Déclaration commencée, jamais transmise',
    caisseCode: '751',
    commune: 1,
    firstName: 'Zoé',
    lastName: 'Aubé',
    profession: 'SAGE_FEMME',
    installed: '2018-02',
    campaigns: { 'FAMI-2023': { software: ['SoinsLib', '2.0'], status: 'STARTED' } },
    expect: [],
  },
  {
    key: 'declaration-non-commencee',
    title: 'Déclaration non commencée : seules les valeurs pré-remplies et calculées existent',
    caisseCode: '751',
    commune: 2,
    firstName: 'Raphaël',
    lastName: 'Clément',
    profession: 'CHIRURGIEN_DENTISTE',
    installed: '2020-11',
    campaigns: { 'FAMI-2024': { software: ['Dentalia', '5.0'], status: 'NOT_STARTED' } },
    expect: [{ campaign: 'FAMI-2024', indicator: 'HORAIRES', achievement: 'NOT_ACHIEVED', reason: /non déclaré/ }],
  },
];
