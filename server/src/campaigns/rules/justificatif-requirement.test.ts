import type { CampaignStatus, ValueSource } from '../../common/enums';
import { readReferentielFile } from '../referentiel/load';
import type { IndicatorDefinition, JustificatifTrigger } from '../referentiel/referentiel.types';
import { justificatifRequirement, type JustificatifContext } from './justificatif-requirement';
import type { JustificatifData, ProfessionalData, RecordedValue } from './types';

const fami2024 = readReferentielFile('fami-2024.json');
const indicator = (code: string): IndicatorDefinition => {
  const found = fami2024.indicators.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

const CONVENTION = 'CONVENTION_DENTAIRE_2023';
const ODONTO = { publisherId: 1, publisherName: 'Odonto Éditions' };
const CABINET = { publisherId: 2, publisherName: 'Cabinet Logiciels' };

const odontoPro = (version = '7.1') => ({ ...ODONTO, softwareId: 10, softwareName: 'OdontoPro', version });
const odontoCloud = { ...ODONTO, softwareId: 11, softwareName: 'OdontoCloud', version: '1.0' };
const dentiSuite = { ...CABINET, softwareId: 20, softwareName: 'DentiSuite', version: '3.2' };

type Software = ReturnType<typeof odontoPro>;

const software = (product: Software, source: ValueSource = 'DECLARED'): RecordedValue => ({
  data: { type: 'SOFTWARE', ...product, dmpCompatible: true, lapCertified: false },
  source,
});

const piece = (
  campaignYear: number,
  status: JustificatifData['status'],
  product: Software | null,
  conventionId = CONVENTION,
  decision: Pick<JustificatifData, 'decidedOn' | 'rejectionReasons'> = {},
): JustificatifData => ({
  campaignYear,
  conventionId,
  family: 'SOFTWARE_DMP',
  status,
  publisherId: product?.publisherId ?? null,
  softwareId: product?.softwareId ?? null,
  publisherName: product?.publisherName ?? null,
  ...decision,
});

const dentist: ProfessionalData = { profession: 'CHIRURGIEN_DENTISTE', specialty: null, installationYear: 2010 };

const context = (
  justificatifs: JustificatifData[],
  trigger: JustificatifTrigger = 'PUBLISHER_CHANGE',
  firstDeclarationYear: number | null = 2019,
  campaignStatus: CampaignStatus = 'OPEN',
): JustificatifContext => ({
  referenceYear: 2024,
  conventionId: CONVENTION,
  trigger,
  justificatifs,
  firstDeclarationYear,
  campaignStatus,
});

const REJECTED_ON_12_MARCH = { decidedOn: '2024-03-12', rejectionReasons: ['ACQUISITION_DATE_MISSING' as const] };

describe('justificatifRequirement — software indicator (seed 004 §1.1.3–1.1.4)', () => {
  it.each<[string, RecordedValue | null, JustificatifContext, ProfessionalData, object]>([
    [
      'pre-filled from the DMP traces',
      software(odontoPro(), 'PREFILLED'),
      context([]),
      dentist,
      {
        required: false,
        state: 'NOT_REQUIRED',
        reason: 'Valeur pré-remplie (traces du DMP) : aucun justificatif à fournir',
      },
    ],
    [
      'not declared',
      null,
      context([]),
      dentist,
      { required: false, state: 'NOT_REQUIRED', reason: 'Indicateur non déclaré : aucun justificatif attendu' },
    ],
    [
      'declared by hand the first year',
      software(odontoPro()),
      context([], 'PUBLISHER_CHANGE', null),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason: "Première année de déclaration de l'indicateur : justificatif requis ; justificatif non reçu",
      },
    ],
    [
      'declared by hand after installing in the year (seed 003)',
      software(odontoPro()),
      context([]),
      { ...dentist, installationYear: 2024 },
      {
        required: true,
        state: 'AWAITED',
        reason: "Installation dans l'année : justificatif requis ; justificatif non reçu",
      },
    ],
    [
      'declared by hand, not pre-filled, after earlier pre-filled years',
      software(odontoPro()),
      context([]),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason: 'Valeur déclarée manuellement (non pré-remplie) : justificatif requis ; justificatif non reçu',
      },
    ],
    [
      'the same software as the piece validated last year',
      software(odontoPro()),
      context([piece(2023, 'VALIDATED', odontoPro())]),
      dentist,
      {
        required: false,
        state: 'STILL_VALID',
        reason: 'Justificatif validé en 2023 toujours valable pour la durée de la convention : aucun nouvel envoi',
      },
    ],
    [
      'a version change from the same publisher',
      software(odontoPro('8.0')),
      context([piece(2023, 'VALIDATED', odontoPro('7.1'))]),
      dentist,
      { required: false, state: 'STILL_VALID' },
    ],
    [
      'another product of the same publisher',
      software(odontoCloud),
      context([piece(2023, 'VALIDATED', odontoPro())]),
      dentist,
      {
        required: false,
        state: 'STILL_VALID',
        reason:
          'Changement de logiciel ou de version chez le même éditeur : le justificatif validé en 2023 reste valable',
      },
    ],
    [
      'another product of the same publisher when the setting is SOFTWARE_CHANGE',
      software(odontoCloud),
      context([piece(2023, 'VALIDATED', odontoPro())], 'SOFTWARE_CHANGE'),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason:
          'Changement de logiciel selon la règle de la campagne (OdontoCloud déclaré) : un nouveau justificatif est requis ; justificatif non reçu',
      },
    ],
    [
      'a publisher change',
      software(dentiSuite),
      context([piece(2023, 'VALIDATED', odontoPro())]),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason:
          "Changement d'éditeur (Odonto Éditions sur le justificatif validé en 2023, Cabinet Logiciels déclaré) : un nouveau justificatif est requis ; justificatif non reçu",
      },
    ],
    [
      'a publisher change whose earlier publisher is unknown',
      software(dentiSuite),
      context([{ ...piece(2023, 'VALIDATED', odontoPro()), publisherName: null }]),
      dentist,
      {
        reason:
          "Changement d'éditeur (autre éditeur sur le justificatif validé en 2023, Cabinet Logiciels déclaré) : un nouveau justificatif est requis ; justificatif non reçu",
      },
    ],
    [
      'a publisher change, the new piece validated: the requirement says it is satisfied',
      software(dentiSuite),
      context([
        piece(2023, 'VALIDATED', odontoPro()),
        piece(2024, 'VALIDATED', dentiSuite, CONVENTION, { decidedOn: '2024-03-12' }),
      ]),
      dentist,
      {
        required: true,
        state: 'VALIDATED',
        reason:
          "Changement d'éditeur (Odonto Éditions sur le justificatif validé en 2023, Cabinet Logiciels déclaré) : justificatif requis — fourni et validé le 12/03/2024",
      },
    ],
    [
      'a publisher change after the computation, no piece received: nothing is awaited any more',
      software(dentiSuite),
      context([piece(2023, 'VALIDATED', odontoPro())], 'PUBLISHER_CHANGE', 2019, 'COMPUTED'),
      dentist,
      {
        reason:
          "Changement d'éditeur (Odonto Éditions sur le justificatif validé en 2023, Cabinet Logiciels déclaré) : un nouveau justificatif était requis ; justificatif non reçu au calcul de la campagne",
      },
    ],
    [
      'a piece validated under the previous convention',
      software(odontoPro()),
      context([piece(2022, 'VALIDATED', odontoPro(), 'CONVENTION_DENTAIRE_2018')]),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason:
          "Le justificatif validé en 2022 relevait d'une autre convention : un nouveau justificatif est requis ; justificatif non reçu",
      },
    ],
    [
      'the last validated piece, not an older one, when the publisher changed back',
      software(odontoPro()),
      context([piece(2021, 'VALIDATED', odontoPro()), piece(2023, 'VALIDATED', dentiSuite)]),
      dentist,
      { required: true, state: 'AWAITED' },
    ],
    [
      'a piece received and not yet checked',
      software(dentiSuite),
      context([piece(2024, 'RECEIVED', dentiSuite)]),
      dentist,
      { required: true, state: 'RECEIVED', validatedBy: null },
    ],
    [
      'a piece rejected',
      software(dentiSuite),
      context([piece(2024, 'REJECTED', dentiSuite)]),
      dentist,
      { required: true, state: 'REJECTED' },
    ],
    [
      'a piece rejected, campaign open: its date and motifs, a new piece before the close',
      software(dentiSuite),
      context([piece(2024, 'REJECTED', dentiSuite, CONVENTION, REJECTED_ON_12_MARCH)]),
      dentist,
      {
        state: 'REJECTED',
        reason:
          "Valeur déclarée manuellement (non pré-remplie) : justificatif requis ; justificatif rejeté le 12/03/2024 : date d'acquisition absente ; un nouvel envoi est attendu avant la clôture de la campagne",
      },
    ],
    [
      'two rejections: the last one speaks, with every motif',
      software(dentiSuite),
      context(
        [
          piece(2024, 'REJECTED', dentiSuite, CONVENTION, REJECTED_ON_12_MARCH),
          piece(2024, 'REJECTED', dentiSuite, CONVENTION, {
            decidedOn: '2024-04-02',
            rejectionReasons: ['NOT_NOMINATIVE', 'LAP_NOT_CERTIFIED'],
          }),
        ],
        'PUBLISHER_CHANGE',
        2019,
        'CLOSED',
      ),
      dentist,
      {
        state: 'REJECTED',
        reason:
          'Valeur déclarée manuellement (non pré-remplie) : justificatif requis ; justificatif rejeté le 02/04/2024 : justificatif non nominatif, LAP non certifié HAS ; un nouvel envoi est attendu avant le calcul de la campagne',
      },
    ],
    [
      'a piece rejected, campaign computed: the rejection, no invitation',
      software(dentiSuite),
      context(
        [piece(2024, 'REJECTED', dentiSuite, CONVENTION, REJECTED_ON_12_MARCH)],
        'PUBLISHER_CHANGE',
        2019,
        'PAID',
      ),
      dentist,
      {
        state: 'REJECTED',
        reason:
          "Valeur déclarée manuellement (non pré-remplie) : justificatif requis ; justificatif rejeté le 12/03/2024 : date d'acquisition absente ; non remplacé au calcul de la campagne",
      },
    ],
    [
      'a piece rejected, then sent again',
      software(dentiSuite),
      context([piece(2024, 'REJECTED', dentiSuite), piece(2024, 'RECEIVED', dentiSuite)]),
      dentist,
      { required: true, state: 'RECEIVED' },
    ],
    [
      'a piece rejected, sent again and validated',
      software(dentiSuite),
      context([piece(2024, 'REJECTED', dentiSuite), piece(2024, 'VALIDATED', dentiSuite)]),
      dentist,
      {
        required: true,
        state: 'VALIDATED',
        reason: 'Valeur déclarée manuellement (non pré-remplie) : justificatif requis — fourni et validé par la CPAM',
      },
    ],
    [
      'a piece validated this campaign for another publisher than the one now declared',
      software(odontoPro()),
      context([piece(2024, 'VALIDATED', dentiSuite)]),
      dentist,
      {
        required: true,
        state: 'AWAITED',
        reason:
          'Le justificatif validé pour cette campagne porte sur un autre éditeur (Cabinet Logiciels, Odonto Éditions déclaré) : un nouveau justificatif est requis ; justificatif non reçu',
      },
    ],
    [
      'a piece validated this campaign for another product of the same publisher (SOFTWARE_CHANGE)',
      software(odontoCloud),
      context([piece(2024, 'VALIDATED', odontoPro())], 'SOFTWARE_CHANGE'),
      dentist,
      {
        reason:
          'Le justificatif validé pour cette campagne porte sur un autre éditeur ou logiciel que celui déclaré : un nouveau justificatif est requis ; justificatif non reçu',
      },
    ],
    [
      'pieces of another family',
      software(odontoPro()),
      context([{ ...piece(2023, 'VALIDATED', odontoPro()), family: 'SOFTWARE_LAP_DMP' }]),
      dentist,
      { required: true, state: 'AWAITED' },
    ],
  ])('%s', (_case, value, ctx, who, expected) => {
    expect(justificatifRequirement(indicator('LOG_DMP'), value, who, ctx)).toMatchObject({
      controlAPosteriori: false,
      ...expected,
    });
  });

  it('names the validated piece that covers the value', () => {
    const validated = piece(2023, 'VALIDATED', odontoPro());
    const result = justificatifRequirement(
      indicator('LOG_DMP'),
      software(odontoPro('9')),
      dentist,
      context([validated]),
    );
    expect(result.validatedBy).toBe(validated);
  });
});

describe('justificatifRequirement — indicators without a document', () => {
  const declared = (data: RecordedValue['data']): RecordedValue => ({ data, source: 'DECLARED' });

  it.each<[string, string, RecordedValue | null, object]>([
    [
      'a computed rate',
      'TX_FSE',
      { data: { type: 'RATE', numerator: 9, denominator: 10 }, source: 'COMPUTED' },
      {
        state: 'NOT_REQUIRED',
        controlAPosteriori: false,
        reason: "Indicateur calculé par l'Assurance Maladie : aucun justificatif",
      },
    ],
    [
      'messaging declared by hand',
      'MSS',
      declared({ type: 'MESSAGING', messagingType: 'MSSANTE_ORGANISATIONAL' }),
      {
        state: 'NOT_REQUIRED',
        controlAPosteriori: true,
        reason:
          "Attestation sur l'honneur : aucune pièce à envoyer, le professionnel conserve ses justificatifs pour un contrôle a posteriori",
      },
    ],
    [
      'messaging pre-filled from the MSSanté directory',
      'MSS',
      { data: { type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' }, source: 'PREFILLED' },
      {
        state: 'NOT_REQUIRED',
        controlAPosteriori: false,
        reason: 'Valeur pré-remplie (annuaire national MSSanté) : aucun justificatif à fournir',
      },
    ],
    ['coordinated care', 'PEC', declared({ type: 'CHOICE', code: 'CPTS' }), { controlAPosteriori: true }],
    ['"aller vers"', 'ALLER_VERS', declared({ type: 'TEXT', text: 'EHPAD', count: 3 }), { controlAPosteriori: true }],
    ['hosting a student', 'ETUDIANT', declared({ type: 'BOOLEAN', value: true }), { controlAPosteriori: true }],
    ['opening hours', 'HORAIRES', declared({ type: 'BOOLEAN', value: true }), { controlAPosteriori: true }],
  ])('%s needs none', (_case, code, value, expected) => {
    expect(justificatifRequirement(indicator(code), value, dentist, context([]))).toMatchObject({
      required: false,
      validatedBy: null,
      ...expected,
    });
  });
});
