/**
 * The mention « pièce justificative validée par la CPAM » shown under an indicator (seed 004 §1.1.4):
 * its piece was validated in this campaign, or is still valid from an earlier campaign of the same
 * convention for the same publisher.
 */
import type { IndicatorDefinition } from '../referentiel/referentiel.types';
import { findJustificatifCover, type JustificatifContext } from './justificatif-requirement';
import type { RecordedValue } from './types';

export const VALIDATED_MENTION = 'pièce justificative validée par la CPAM';

export interface ValidatedMention {
  shown: boolean;
  text: string | null;
  reason: string;
}

export function validatedMention(
  indicator: IndicatorDefinition,
  value: RecordedValue | null,
  context: JustificatifContext,
): ValidatedMention {
  if (indicator.justificatif.policy !== 'DOCUMENT') {
    return { shown: false, text: null, reason: 'Indicateur sans pièce justificative : pas de mention' };
  }
  const cover = findJustificatifCover(indicator, value, context);
  if (!cover) {
    return { shown: false, text: null, reason: 'Aucune pièce justificative validée ne couvre la valeur déclarée' };
  }
  const year = cover.justificatif.campaignYear;
  const reason =
    cover.origin === 'THIS_CAMPAIGN'
      ? 'Pièce justificative validée pour cette campagne'
      : `Pièce justificative validée en ${year}, toujours valable (même convention, même éditeur)`;
  return { shown: true, text: VALIDATED_MENTION, reason };
}
