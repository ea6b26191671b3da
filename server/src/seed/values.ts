/** Plausible indicator values by value type, so that atteinte varies across the demo (pure, seeded). */
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData, RecordedValue } from '../campaigns/rules/types';
import type { MessagingType, PrefillOrigin } from '../common/enums';
import type { Prng } from './prng';

export interface CatalogueEntry {
  softwareId: number;
  softwareName: string;
  version: string;
  publisherId: number;
  publisherName: string;
  dmpCompatible: boolean;
  lapCertified: boolean;
}

export interface GeneratedValue extends RecordedValue {
  prefillOrigin: PrefillOrigin | null;
}

const PLACES = [
  'École REP+ Jean-Moulin',
  'EHPAD Les Tilleuls',
  'Foyer d’hébergement Saint-Martin',
  'Centre pénitentiaire',
  'USPC du centre hospitalier',
];

/** `declaring` is false for a declaration not started: only pre-filled and computed values exist then. */
export function generateValue(
  prng: Prng,
  indicator: IndicatorDefinition,
  software: CatalogueEntry,
  declaring: boolean,
): GeneratedValue | null {
  const origin = indicator.prefillOrigin ?? null;
  if (indicator.kind === 'COMPUTED') {
    const data: IndicatorValueData =
      indicator.valueType === 'RATE' ? rate(prng) : { type: 'BOOLEAN', value: prng.chance(0.92) };
    return { data, source: 'COMPUTED', prefillOrigin: origin };
  }
  const prefilled = indicator.kind === 'DECLARATIVE_PREFILLED' && prng.chance(0.7);
  if (!prefilled && (!declaring || prng.chance(0.07))) return null;
  const source = prefilled ? 'PREFILLED' : 'DECLARED';
  const data = declaredData(prng, indicator, software, prefilled);
  return data ? { data, source, prefillOrigin: prefilled ? origin : null } : null;
}

function rate(prng: Prng): IndicatorValueData {
  const denominator = prng.int(400, 3000);
  // About one in ten below the 70 % threshold.
  const share = prng.chance(0.1) ? 0.45 + prng.next() * 0.24 : 0.71 + prng.next() * 0.28;
  return { type: 'RATE', numerator: Math.round(denominator * share), denominator };
}

function declaredData(
  prng: Prng,
  indicator: IndicatorDefinition,
  software: CatalogueEntry,
  prefilled: boolean,
): IndicatorValueData | null {
  switch (indicator.valueType) {
    case 'SOFTWARE':
      return { type: 'SOFTWARE', ...software };
    case 'MESSAGING': {
      const messagingType: MessagingType = prefilled
        ? prng.weighted([
            ['MSSANTE_PERSONAL', 8],
            ['MSSANTE_ORGANISATIONAL', 2],
          ] as const)
        : prng.weighted([
            ['MSSANTE_ORGANISATIONAL', 3],
            ['APICRYPT_V2', 3],
            ['APICRYPT_V1', 2],
            ['OTHER_NOT_LISTED', 1],
          ] as const);
      return { type: 'MESSAGING', messagingType };
    }
    case 'BOOLEAN':
      return { type: 'BOOLEAN', value: prng.chance(0.72) };
    case 'CHOICE': {
      const choices = indicator.choices ?? [];
      if (choices.length === 0) return null;
      const achieving = choices.filter((c) => c.achieves);
      const pool = achieving.length && prng.chance(0.7) ? achieving : choices;
      return { type: 'CHOICE', code: prng.pick(pool).code };
    }
    case 'TEXT': {
      const count = prng.int(1, 6);
      const text = prng.chance(0.1)
        ? ''
        : Array.from({ length: Math.min(count, 3) }, () => prng.pick(PLACES)).join(', ');
      return { type: 'TEXT', text, count };
    }
    case 'RATE': {
      const denominator = prng.int(50, 400);
      return { type: 'RATE', numerator: prng.int(0, denominator), denominator };
    }
  }
}
