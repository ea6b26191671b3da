import { readReferentielFile } from '../referentiel/load';
import type { IndicatorDefinition, JustificatifTrigger } from '../referentiel/referentiel.types';
import type { JustificatifContext } from './justificatif-requirement';
import type { JustificatifData, RecordedValue } from './types';
import { VALIDATED_MENTION, validatedMention } from './validated-mention';

const fami2024 = readReferentielFile('fami-2024.json');
const indicator = (code: string): IndicatorDefinition => {
  const found = fami2024.indicators.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

const CONVENTION = 'CONVENTION_DENTAIRE_2023';

const software = (
  publisherId: number,
  softwareId: number,
  version: string,
  source: RecordedValue['source'] = 'DECLARED',
): RecordedValue => ({
  data: {
    type: 'SOFTWARE',
    softwareId,
    softwareName: `Logiciel ${softwareId}`,
    version,
    publisherId,
    publisherName: `Éditeur ${publisherId}`,
    dmpCompatible: true,
    lapCertified: false,
  },
  source,
});

const piece = (
  campaignYear: number,
  status: JustificatifData['status'],
  publisherId: number,
  softwareId: number,
  conventionId = CONVENTION,
): JustificatifData => ({ campaignYear, conventionId, family: 'SOFTWARE_DMP', status, publisherId, softwareId });

const context = (
  justificatifs: JustificatifData[],
  trigger: JustificatifTrigger = 'PUBLISHER_CHANGE',
): JustificatifContext => ({
  referenceYear: 2024,
  conventionId: CONVENTION,
  trigger,
  justificatifs,
});

describe('validatedMention « pièce justificative validée par la CPAM » (seed 004 §1.1.4)', () => {
  it.each<[string, RecordedValue | null, JustificatifContext, boolean, string]>([
    [
      'validated in this campaign',
      software(1, 10, '7'),
      context([piece(2024, 'VALIDATED', 1, 10)]),
      true,
      'Pièce justificative validée pour cette campagne',
    ],
    [
      'validated last year, same publisher, new version',
      software(1, 10, '8'),
      context([piece(2023, 'VALIDATED', 1, 10)]),
      true,
      'Pièce justificative validée en 2023, toujours valable (même convention, même éditeur)',
    ],
    [
      'validated last year, other product of the same publisher',
      software(1, 11, '1'),
      context([piece(2023, 'VALIDATED', 1, 10)]),
      true,
      'Pièce justificative validée en 2023, toujours valable (même convention, même éditeur)',
    ],
    [
      'validated last year, other product, setting SOFTWARE_CHANGE',
      software(1, 11, '1'),
      context([piece(2023, 'VALIDATED', 1, 10)], 'SOFTWARE_CHANGE'),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
    [
      'validated last year, publisher changed since',
      software(2, 20, '1'),
      context([piece(2023, 'VALIDATED', 1, 10)]),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
    [
      'validated under the previous convention',
      software(1, 10, '7'),
      context([piece(2022, 'VALIDATED', 1, 10, 'CONVENTION_DENTAIRE_2018')]),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
    [
      'received, not yet checked',
      software(1, 10, '7'),
      context([piece(2024, 'RECEIVED', 1, 10)]),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
    [
      'rejected',
      software(1, 10, '7'),
      context([piece(2024, 'REJECTED', 1, 10)]),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
    [
      'rejected, then validated',
      software(1, 10, '7'),
      context([piece(2024, 'REJECTED', 1, 10), piece(2024, 'VALIDATED', 1, 10)]),
      true,
      'Pièce justificative validée pour cette campagne',
    ],
    [
      'pre-filled this year, validated piece still valid',
      software(1, 10, '7', 'PREFILLED'),
      context([piece(2023, 'VALIDATED', 1, 10)]),
      true,
      'Pièce justificative validée en 2023, toujours valable (même convention, même éditeur)',
    ],
    [
      'nothing declared',
      null,
      context([piece(2023, 'VALIDATED', 1, 10)]),
      false,
      'Aucune pièce justificative validée ne couvre la valeur déclarée',
    ],
  ])('%s → shown %s', (_case, value, ctx, shown, reason) => {
    expect(validatedMention(indicator('LOG_DMP'), value, ctx)).toEqual({
      shown,
      text: shown ? VALIDATED_MENTION : null,
      reason,
    });
  });

  it('is never shown under an indicator without a document', () => {
    const value: RecordedValue = { data: { type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' }, source: 'DECLARED' };
    expect(validatedMention(indicator('MSS'), value, context([]))).toMatchObject({ shown: false, text: null });
  });

  it('uses the wording of the guide', () => {
    expect(VALIDATED_MENTION).toBe('pièce justificative validée par la CPAM');
  });
});
