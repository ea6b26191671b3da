/** Plausible indicator values by value type, so that atteinte varies across the demo (pure, seeded). */
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData, RecordedValue } from '../campaigns/rules/types';
import type { MessagingType, PrefillOrigin, Profession } from '../common/enums';
import type { Prng } from './prng';

export interface CatalogueEntry {
  softwareId: number;
  softwareName: string;
  version: string;
  publisherId: number;
  publisherName: string;
  dmpCompatible: boolean;
  lapCertified: boolean;
  /** Professions that use it in the demo (from the seed catalogue); empty: any. */
  professions: Profession[];
}

export interface GeneratedValue extends RecordedValue {
  prefillOrigin: PrefillOrigin | null;
}

/**
 * RANDOM: what a population looks like (some values missing, some below target). ACHIEVING: a value that
 * meets the criterion, pre-filled where the indicator can be (the showcase professionals' background).
 * NOT_STARTED: only what national systems filled in before the window.
 */
export type ValueMode = 'RANDOM' | 'ACHIEVING' | 'NOT_STARTED';

/** What the software indicator carries: the catalogue entry without the demo-only fields. */
export function softwareData(software: CatalogueEntry): IndicatorValueData {
  const { softwareId, softwareName, version, publisherId, publisherName, dmpCompatible, lapCertified } = software;
  return {
    type: 'SOFTWARE',
    softwareId,
    softwareName,
    version,
    publisherId,
    publisherName,
    dmpCompatible,
    lapCertified,
  };
}

const PLACES = [
  'École REP+ Jean-Moulin',
  'EHPAD Les Tilleuls',
  'Foyer d’hébergement Saint-Martin',
  'Centre pénitentiaire',
  'USPC du centre hospitalier',
  'Collège REP Marie-Curie',
  'Centre d’hébergement d’urgence',
];

export function generateValue(
  prng: Prng,
  indicator: IndicatorDefinition,
  software: CatalogueEntry,
  mode: ValueMode,
): GeneratedValue | null {
  const origin = indicator.prefillOrigin ?? null;
  const achieving = mode === 'ACHIEVING';
  if (indicator.kind === 'COMPUTED') {
    const data: IndicatorValueData =
      indicator.valueType === 'RATE'
        ? rate(prng, achieving ? 0 : 0.1)
        : { type: 'BOOLEAN', value: achieving || prng.chance(0.92) };
    return { data, source: 'COMPUTED', prefillOrigin: origin };
  }
  const prefilled = indicator.kind === 'DECLARATIVE_PREFILLED' && (achieving || prng.chance(0.7));
  if (!prefilled && (mode === 'NOT_STARTED' || (!achieving && prng.chance(0.07)))) return null;
  const data = achieving ? achievingData(prng, indicator, software) : randomData(prng, indicator, software, prefilled);
  return data ? { data, source: prefilled ? 'PREFILLED' : 'DECLARED', prefillOrigin: prefilled ? origin : null } : null;
}

/** A télétransmission rate; `belowShare` of them under 70 %. */
export function rate(prng: Prng, belowShare: number): IndicatorValueData {
  const denominator = prng.int(400, 3000);
  const share = prng.chance(belowShare) ? 0.45 + prng.next() * 0.2 : 0.72 + prng.next() * 0.27;
  return { type: 'RATE', numerator: Math.round(denominator * share), denominator };
}

function achievingData(prng: Prng, indicator: IndicatorDefinition, software: CatalogueEntry): IndicatorValueData {
  switch (indicator.valueType) {
    case 'SOFTWARE':
      return softwareData(software);
    case 'MESSAGING':
      return { type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' };
    case 'BOOLEAN':
      return { type: 'BOOLEAN', value: true };
    case 'CHOICE': {
      const choice = (indicator.choices ?? []).find((c) => c.achieves) ?? indicator.choices?.[0];
      return { type: 'CHOICE', code: choice?.code ?? '' };
    }
    case 'TEXT':
      return { type: 'TEXT', text: `${PLACES[1]}, ${PLACES[0]}`, count: 4 };
    case 'RATE': {
      const denominator = prng.int(80, 300);
      return { type: 'RATE', numerator: Math.round(denominator * 0.8), denominator };
    }
  }
}

function randomData(
  prng: Prng,
  indicator: IndicatorDefinition,
  software: CatalogueEntry,
  prefilled: boolean,
): IndicatorValueData | null {
  switch (indicator.valueType) {
    case 'SOFTWARE':
      return softwareData(software);
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
      // Aller vers: some declare too few interventions, some forget the places (mandatory).
      const count = prng.int(1, 6);
      const text = prng.chance(0.1)
        ? ''
        : [...new Set(Array.from({ length: Math.min(count, 3) }, () => prng.pick(PLACES)))].join(', ');
      return { type: 'TEXT', text, count };
    }
    case 'RATE': {
      const denominator = prng.int(50, 400);
      return { type: 'RATE', numerator: prng.int(Math.round(denominator * 0.3), denominator), denominator };
    }
  }
}
