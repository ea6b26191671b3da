/** French display of an indicator value for agents (pure). */
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { MessagingType } from '../common/enums';
import { assertUnreachable } from '../common/errors';

export const MESSAGING_LABELS: Record<MessagingType, string> = {
  MSSANTE_PERSONAL: 'MSSanté — boîte personnelle',
  MSSANTE_ORGANISATIONAL: 'MSSanté — boîte organisationnelle',
  APICRYPT_V2: 'Apicrypt V2 (interopérable MSSanté)',
  APICRYPT_V1: 'Apicrypt V1',
  OTHER_NOT_LISTED: 'Autre messagerie (hors annuaire MSSanté)',
};

/** « 84,62 % » as amelipro shows rates. */
export const formatPercent = (rate: number) => `${rate.toFixed(2).replace('.', ',')} %`;

export function ratePercent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 100;
}

export function formatValue(data: IndicatorValueData, indicator?: Pick<IndicatorDefinition, 'choices'>): string {
  switch (data.type) {
    case 'BOOLEAN':
      return data.value ? 'Oui' : 'Non';
    case 'CHOICE':
      return indicator?.choices?.find((c) => c.code === data.code)?.label ?? data.code;
    case 'SOFTWARE':
      return `${data.softwareName} ${data.version} (${data.publisherName})`;
    case 'MESSAGING':
      return MESSAGING_LABELS[data.messagingType];
    case 'RATE': {
      const rate = ratePercent(data.numerator, data.denominator);
      return rate === null ? 'Aucun acte facturé' : `${formatPercent(rate)} (${data.numerator} / ${data.denominator})`;
    }
    case 'TEXT':
      return data.count !== undefined ? `${data.count} — ${data.text}` : data.text;
    default:
      return assertUnreachable(data);
  }
}
