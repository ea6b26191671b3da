/**
 * Declarations transmitted on amelipro (or on paper), one row per professional × indicator × transmission.
 * Rows with the same professional, campaign and timestamp form one transmission; the declaration's
 * summary and current values are rebuilt from all its transmissions (the latest one holding an
 * indicator gives its value).
 */
import { In } from 'typeorm';
import type { Indicator } from '../../campaigns/indicator.entity';
import type { IndicatorValueData } from '../../campaigns/rules/types';
import { DECLARATION_CHANNELS, MESSAGING_TYPES, type DeclarationChannel, type Scheme } from '../../common/enums';
import { Declaration, DeclarationTransmission } from '../../declarations/declaration.entity';
import { bulkInsert, bulkUpsert, chunks } from '../../db/bulk';
import {
  amNumber,
  bool,
  campaignYear,
  instant,
  integer,
  maxLength,
  oneOf,
  optional,
  quote,
  reject,
  required,
  RowError,
  scheme,
  type RawRow,
} from '../fields';
import {
  attempt,
  checkConcerned,
  checkProfessional,
  declarationKey,
  ensureDeclarations,
  professionalsByAmNumber,
  sameValue,
  stableJson,
  valuesOf,
  writeValues,
  type KindHandler,
  type Outcome,
  type ValueWrite,
} from '../handler';
import { findCampaignRef, indicatorApplies, lookupSoftware, type CampaignRef, type ReferenceData } from '../reference';
import { softwareValue } from '../../software/software-value';

export interface DeclarationRow {
  amNumber: string;
  year: number;
  scheme: Scheme;
  ref: CampaignRef;
  transmittedAt: Date;
  channel: DeclarationChannel;
  honourAttestation: boolean;
  conditionsAcknowledged: boolean;
  indicator: Indicator;
  data: IndicatorValueData;
}

function value(row: RawRow, indicator: Indicator, reference: ReferenceData): IndicatorValueData {
  const definition = indicator.definition;
  if (definition.kind === 'COMPUTED' || definition.valueType === 'RATE') {
    reject('indicator_code', `${indicator.code} est calculé par l'Assurance Maladie : il ne se déclare pas.`);
  }
  switch (definition.valueType) {
    case 'BOOLEAN':
      return { type: 'BOOLEAN', value: bool('value', required(row, 'value')) };
    case 'CHOICE': {
      const code = required(row, 'value');
      if (!definition.choices?.some((c) => c.code === code)) {
        reject(
          'value',
          `Choix inconnu pour ${indicator.code} : ${quote(code)} (attendu : ${(definition.choices ?? []).map((c) => c.code).join(', ')}).`,
        );
      }
      return { type: 'CHOICE', code };
    }
    case 'MESSAGING':
      return {
        type: 'MESSAGING',
        messagingType: oneOf('value', required(row, 'value'), MESSAGING_TYPES, 'Type de messagerie'),
      };
    case 'TEXT': {
      const text = maxLength('value', optional(row, 'value') ?? '', 1000);
      const count = optional(row, 'count');
      return count === null
        ? { type: 'TEXT', text }
        : { type: 'TEXT', text, count: integer('count', count, 0, 100_000, "Nombre d'interventions") };
    }
    case 'SOFTWARE': {
      const found = lookupSoftware(
        reference,
        required(row, 'publisher'),
        required(row, 'software'),
        required(row, 'version'),
        { publisher: 'publisher', software: 'software', version: 'version' },
      );
      return softwareValue(found);
    }
    default:
      return reject('indicator_code', `Type de valeur non pris en charge : ${definition.valueType}.`);
  }
}

function parse(row: RawRow, reference: ReferenceData): DeclarationRow {
  const am = amNumber(row);
  const year = campaignYear(row);
  const sch = scheme(row);
  const ref = findCampaignRef(reference, year, sch);
  const transmittedAt = instant('transmitted_at', required(row, 'transmitted_at'));
  if (transmittedAt.getTime() > Date.now() + 60_000) {
    reject('transmitted_at', `Transmission datée dans le futur : ${transmittedAt.toISOString()}.`);
  }
  const code = required(row, 'indicator_code').toUpperCase();
  const indicator = ref.byCode.get(code);
  if (!indicator)
    reject('indicator_code', `Indicateur inconnu pour la campagne ${ref.campaign.label} : ${quote(code)}.`);
  return {
    amNumber: am,
    year,
    scheme: sch,
    ref,
    transmittedAt,
    channel: oneOf('channel', required(row, 'channel'), DECLARATION_CHANNELS, 'Canal'),
    honourAttestation: bool('honour_attestation', required(row, 'honour_attestation')),
    conditionsAcknowledged: bool('conditions_acknowledged', required(row, 'conditions_acknowledged')),
    indicator: indicator!,
    data: value(row, indicator!, reference),
  };
}

const groupKey = (d: DeclarationRow) => `${d.amNumber}|${d.year}|${d.scheme}|${d.transmittedAt.getTime()}`;

type Transmission = Pick<
  DeclarationTransmission,
  'transmittedAt' | 'channel' | 'honourAttestation' | 'conditionsAcknowledged' | 'values'
> & { id?: number; changed?: boolean };

export const DECLARATIONS: KindHandler<DeclarationRow> = {
  kind: 'DECLARATIONS',
  needsCatalogue: true,
  columns: [
    { name: 'am_number', required: true },
    { name: 'campaign_year', required: true },
    { name: 'scheme', required: true },
    { name: 'transmitted_at', required: true },
    { name: 'channel', required: true },
    { name: 'honour_attestation', required: true },
    { name: 'conditions_acknowledged', required: true },
    { name: 'indicator_code', required: true },
    { name: 'value', required: true },
    { name: 'count', required: false },
    { name: 'publisher', required: false },
    { name: 'software', required: false },
    { name: 'version', required: false },
  ],
  parse,
  key: (d) => `${groupKey(d)}|${d.indicator.code}`,
  group: groupKey,
  async apply(em, rows, ctx) {
    const professionals = await professionalsByAmNumber(
      em,
      rows.map((r) => r.data.amNumber),
    );
    const firstOfGroup = new Map<string, { line: number; data: DeclarationRow }>();
    const checked = rows.map((r) =>
      attempt(() => {
        const professional = checkProfessional(professionals, r.data.amNumber, ctx);
        const { ref, indicator } = r.data;
        checkConcerned(ref, professional);
        if (
          ref.campaign.status === 'COMPUTED' ||
          ref.campaign.status === 'PAID' ||
          ref.campaign.computeRunId !== null
        ) {
          reject('campaign_year', `La campagne ${ref.campaign.label} est calculée : ses déclarations sont figées.`);
        }
        if (ref.campaign.status === 'UPCOMING') {
          reject('campaign_year', `La campagne ${ref.campaign.label} n'est pas encore ouverte.`);
        }
        if (!indicatorApplies(indicator, professional.profession)) {
          reject('indicator_code', `L'indicateur ${indicator.code} ne concerne pas la profession du professionnel.`);
        }
        const group = groupKey(r.data);
        const first = firstOfGroup.get(group);
        if (!first) firstOfGroup.set(group, r);
        else if (
          first.data.channel !== r.data.channel ||
          first.data.honourAttestation !== r.data.honourAttestation ||
          first.data.conditionsAcknowledged !== r.data.conditionsAcknowledged
        ) {
          reject(
            'channel',
            `Même transmission que la ligne ${first.line} mais canal, attestation sur l'honneur ou conditions différents.`,
          );
        }
        return { professional, ref, row: r.data };
      }),
    );
    const ok = checked.filter((c): c is Exclude<typeof c, RowError> => !(c instanceof RowError));
    const { declarations, created } = await ensureDeclarations(em, ok);
    const declarationOf = (c: (typeof ok)[number]) =>
      declarations.get(declarationKey(c.professional.id, c.ref.campaign.id))!;

    // Every transmission of the declarations concerned, by declaration.
    const transmissions = new Map<number, Transmission[]>();
    const ids = [...new Set(ok.map((c) => declarationOf(c).id))];
    for (const slice of chunks(ids)) {
      const found = await em.getRepository(DeclarationTransmission).findBy({ declarationId: In(slice) });
      for (const t of found) {
        const list = transmissions.get(t.declarationId) ?? [];
        list.push(t);
        transmissions.set(t.declarationId, list);
      }
    }
    const inserted: (Transmission & { declarationId: number })[] = [];
    const affected = new Set<number>();
    const outcomes: Outcome[] = checked.map((c) => {
      if (c instanceof RowError) return c;
      const declaration = declarationOf(c);
      const list = transmissions.get(declaration.id) ?? [];
      transmissions.set(declaration.id, list);
      const at = c.row.transmittedAt.getTime();
      const transmission = list.find((t) => t.transmittedAt.getTime() === at);
      const flags = {
        channel: c.row.channel,
        honourAttestation: c.row.honourAttestation,
        conditionsAcknowledged: c.row.conditionsAcknowledged,
      };
      const code = c.row.indicator.code;
      if (!transmission) {
        const fresh = { declarationId: declaration.id, transmittedAt: c.row.transmittedAt, ...flags, values: {} };
        list.push(fresh);
        inserted.push(fresh);
        fresh.values = { [code]: c.row.data };
        affected.add(declaration.id);
        return 'inserted';
      }
      const flagsChanged =
        transmission.channel !== flags.channel ||
        transmission.honourAttestation !== flags.honourAttestation ||
        transmission.conditionsAcknowledged !== flags.conditionsAcknowledged;
      const previous = transmission.values[code];
      if (!flagsChanged && previous && stableJson(previous) === stableJson(c.row.data)) return 'unchanged';
      Object.assign(transmission, flags);
      transmission.values = { ...transmission.values, [code]: c.row.data };
      if (transmission.id !== undefined) transmission.changed = true;
      affected.add(declaration.id);
      return previous ? 'updated' : 'inserted';
    });

    await bulkInsert(
      em,
      DeclarationTransmission,
      inserted.map((t) => ({
        declarationId: t.declarationId,
        transmittedAt: t.transmittedAt,
        channel: t.channel,
        enteredByAgentId: null,
        honourAttestation: t.honourAttestation,
        conditionsAcknowledged: t.conditionsAcknowledged,
        values: t.values,
      })),
    );
    for (const list of transmissions.values()) {
      for (const t of list) {
        if (!t.changed || t.id === undefined) continue;
        await em.getRepository(DeclarationTransmission).update(
          { id: t.id },
          {
            channel: t.channel,
            honourAttestation: t.honourAttestation,
            conditionsAcknowledged: t.conditionsAcknowledged,
            values: t.values,
          },
        );
      }
    }

    // Summary and current values of each affected declaration, from all its transmissions.
    const affectedDeclarations = [...declarations.values()].filter((d) => affected.has(d.id));
    const indicatorIdsByCampaign = new Map(ok.map((c) => [c.ref.campaign.id, c.ref]));
    const current = await valuesOf(
      em,
      affectedDeclarations.map((d) => d.id),
      [...indicatorIdsByCampaign.values()].flatMap((ref) => ref.indicators.map((i) => i.id)),
    );
    const writes: ValueWrite[] = [];
    const summaries = affectedDeclarations.map((d) => {
      const list = [...(transmissions.get(d.id) ?? [])].sort(
        (a, b) => a.transmittedAt.getTime() - b.transmittedAt.getTime(),
      );
      const latest = list[list.length - 1]!;
      const ref = indicatorIdsByCampaign.get(d.campaignId)!;
      const latestValue = new Map<string, IndicatorValueData>();
      for (const t of list) for (const [code, data] of Object.entries(t.values)) latestValue.set(code, data);
      for (const [code, data] of latestValue) {
        const indicator = ref.byCode.get(code);
        if (!indicator) continue;
        const write: ValueWrite = {
          declaration: d,
          indicatorId: indicator.id,
          data,
          source: 'DECLARED',
          prefillOrigin: null,
        };
        if (!sameValue(current.get(`${d.id}:${indicator.id}`), write)) writes.push(write);
      }
      return {
        id: d.id,
        professionalId: d.professionalId,
        campaignId: d.campaignId,
        caisseCode: d.caisseCode,
        profession: d.profession,
        status: 'TRANSMITTED' as const,
        firstTransmittedAt: list[0]!.transmittedAt,
        lastTransmittedAt: latest.transmittedAt,
        transmissionCount: list.length,
        lastChannel: latest.channel,
        honourAttestation: latest.honourAttestation,
        conditionsAcknowledged: latest.conditionsAcknowledged,
        version: d.version + 1,
      };
    });
    await bulkUpsert(
      em,
      Declaration,
      summaries,
      ['id'],
      [
        'status',
        'firstTransmittedAt',
        'lastTransmittedAt',
        'transmissionCount',
        'lastChannel',
        'honourAttestation',
        'conditionsAcknowledged',
        'version',
      ],
      ['updatedAt'],
    );
    await writeValues(em, writes);
    return { outcomes, touchedDeclarations: [...new Set([...created, ...affected])] };
  },
};
