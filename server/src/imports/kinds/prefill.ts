/**
 * Pre-fill feeds: DMP traces (software), MSSanté directory (messaging), billing flows (FSE rate and
 * SESAM-Vitale compliance) and the annuaire santé (opening hours). Each row gives one professional's
 * values for one campaign; the indicators come from the référentiel. A value the professional declared
 * is never overwritten by a pre-fill.
 */
import type { EntityManager } from 'typeorm';
import type { Indicator } from '../../campaigns/indicator.entity';
import type { IndicatorValueData } from '../../campaigns/rules/types';
import { MESSAGING_TYPES, type PrefillOrigin, type Scheme, type ValueSource } from '../../common/enums';
import {
  amNumber,
  bool,
  campaignYear,
  integer,
  maxLength,
  oneOf,
  reject,
  required,
  scheme,
  RowError,
  type RawRow,
} from '../fields';
import {
  attempt,
  checkConcerned,
  checkProfessional,
  declarationKey,
  ensureDeclarations,
  type DeclarationRef,
  type ProfessionalRef,
  sameValue,
  type ApplyContext,
  type BatchResult,
  type KindHandler,
  type Outcome,
  type ParsedRow,
} from '../handler';
import { Declaration, IndicatorValue } from '../../declarations/declaration.entity';
import type { EvaluationRowSource } from '../../declarations/evaluation-inputs';
import { Professional } from '../../professionals/professional.entity';
import { applyValueWritePlan, planValueWrites, type PendingValue } from '../../declarations/recompute-batch';
import { findWhereIn } from '../../db/find-by-key';
import type { ImportKind } from '../import-kinds';
import {
  findCampaignRef,
  indicatorApplies,
  lookupSoftware,
  prefillTarget,
  type CampaignRef,
  type ReferenceData,
} from '../reference';
import { timed, timedSync } from '../profile';
import { softwareValue } from '../../software/software-value';

export interface PrefillRow {
  amNumber: string;
  year: number;
  scheme: Scheme;
  ref: CampaignRef;
  values: { indicator: Indicator; column: string; data: IndicatorValueData }[];
}

const COMMON = [
  { name: 'am_number', required: true },
  { name: 'campaign_year', required: true },
  { name: 'scheme', required: true },
];

function base(row: RawRow, reference: ReferenceData) {
  const am = amNumber(row);
  const year = campaignYear(row);
  const sch = scheme(row);
  const ref = findCampaignRef(reference, year, sch);
  return { amNumber: am, year, scheme: sch, ref };
}

/** Computed indicators hold COMPUTED values; pre-filled declarative ones hold PREFILLED values. */
const sourceFor = (indicator: Indicator): ValueSource => (indicator.kind === 'COMPUTED' ? 'COMPUTED' : 'PREFILLED');

async function applyPrefill(
  em: EntityManager,
  origin: PrefillOrigin,
  rows: ParsedRow<PrefillRow>[],
  ctx: ApplyContext,
): Promise<BatchResult> {
  // Read phase (nothing written, so that the next batch's reads overlap this one's writes). The
  // professionals and declarations are read whole: the rules' inputs take them as they are.
  const people = await timed('apply: read professionals', () =>
    findWhereIn(em, Professional, 'amNumber', [...new Set(rows.map((r) => r.data.amNumber))]),
  );
  const professionals = new Map<string, ProfessionalRef>(
    people.map((p) => [
      p.amNumber,
      { id: p.id, amNumber: p.amNumber, caisseCode: p.caisseCode, profession: p.profession },
    ]),
  );
  const checked = rows.map((r) =>
    attempt(() => {
      const professional = checkProfessional(professionals, r.data.amNumber, ctx);
      const { ref } = r.data;
      checkConcerned(ref, professional);
      if (ref.campaign.status === 'COMPUTED' || ref.campaign.status === 'PAID' || ref.campaign.computeRunId !== null) {
        reject('campaign_year', `La campagne ${ref.campaign.label} est calculée : ses valeurs sont figées.`);
      }
      const applicable = r.data.values.filter((v) => indicatorApplies(v.indicator, professional.profession));
      if (applicable.length === 0) {
        const v = r.data.values[0]!;
        reject(v.column, `L'indicateur ${v.indicator.code} ne concerne pas la profession du professionnel.`);
      }
      return { professional, ref, values: applicable };
    }),
  );
  const ok = checked.filter((c): c is Exclude<typeof c, RowError> => !(c instanceof RowError));
  const outcomes: Outcome[] = checked.map((c) => (c instanceof RowError ? c : 'unchanged'));

  // The declarations and their value rows, read once: compared here, then the rules' input.
  const wanted = new Set(ok.map((c) => declarationKey(c.professional.id, c.ref.campaign.id)));
  const ofProfessionals = await timed('apply: read declarations', () =>
    findWhereIn(em, Declaration, 'professionalId', [...new Set(ok.map((c) => c.professional.id))]),
  );
  const found = new Map<string, DeclarationRef>();
  for (const d of ofProfessionals) {
    const key = declarationKey(d.professionalId, d.campaignId);
    if (wanted.has(key)) found.set(key, d);
  }
  const declarationOf = (c: (typeof ok)[number]) => found.get(declarationKey(c.professional.id, c.ref.campaign.id));
  const stored = await timed('apply: read values', () =>
    findWhereIn(
      em,
      IndicatorValue,
      'declarationId',
      ok.flatMap((c) => declarationOf(c)?.id ?? []),
      [],
      ['updatedAt'],
    ),
  );
  const compare = compareRows(origin, stored, outcomes);
  const known = checked.map((c) => (c instanceof RowError || !declarationOf(c) ? null : c));
  const firstWrites = timedSync('apply: compare', () => compare(known, (c) => declarationOf(c)!));
  // What this batch read already, and the référentiel the run loaded, are not read again for the rules.
  const campaigns = [...ctx.reference.campaigns.values()];
  const referenceRows: Pick<EvaluationRowSource, 'campaigns' | 'indicators' | 'professionals'> = {
    campaigns: async () => campaigns.map((r) => r.campaign),
    indicators: async (ids) => campaigns.filter((r) => ids.includes(r.campaign.id)).flatMap((r) => r.indicators),
    professionals: async (ids) => {
      const wantedIds = new Set(ids);
      return people.filter((p) => wantedIds.has(p.id));
    },
  };
  const rowsRead: Partial<EvaluationRowSource> = {
    ...referenceRows,
    declarations: async (ids) => {
      const wantedIds = new Set(ids);
      return ofProfessionals.filter((d) => wantedIds.has(d.id));
    },
    // Every declaration of the batch's professionals was read above: their transmitted ones too.
    declarationsOf: async (ids) => {
      const wantedIds = new Set(ids);
      return ofProfessionals.filter((d) => d.status === 'TRANSMITTED' && wantedIds.has(d.professionalId));
    },
  };
  const plan = await timed('apply: plan (rules)', () =>
    planValueWrites(
      em,
      firstWrites.writes,
      stored.filter((v) => firstWrites.touched.has(v.declarationId)),
      [],
      rowsRead,
    ),
  );

  // Write phase.
  await timed('apply: wait previous commit', async () => ctx.beforeWrite?.());
  const missing = checked.map((c) => (c instanceof RowError || declarationOf(c) ? null : c));
  if (missing.some((c) => c !== null)) {
    const needs = missing.filter((c): c is NonNullable<typeof c> => c !== null);
    const { declarations, created } = await ensureDeclarations(em, needs);
    const createdValues = await findWhereIn(em, IndicatorValue, 'declarationId', [...created], [], ['updatedAt']);
    const ofCreated = (c: (typeof needs)[number]) =>
      declarations.get(declarationKey(c.professional.id, c.ref.campaign.id))!;
    const more = compareRows(origin, createdValues, outcomes)(missing, ofCreated);
    const second = await planValueWrites(em, more.writes, createdValues, [...created], referenceRows);
    plan.writes.push(...second.writes);
    plan.values.push(...second.values);
    plan.totals.push(...second.totals);
    plan.declarations += second.declarations;
  }
  // Only the declarations whose values change (or that were just created) were re-evaluated: with the
  // values as they will be once written, so that each value row is written once, with its atteinte.
  await timed('apply: write plan', () => applyValueWritePlan(em, plan));
  return { outcomes, touchedDeclarations: [] };
}

type CheckedRow = {
  professional: ProfessionalRef;
  ref: CampaignRef;
  values: PrefillRow['values'];
};

/**
 * Compares rows (null: not this pass) with the stored values: fills each row's outcome and returns the
 * values to write and their declarations. A value the professional declared is never overwritten.
 */
function compareRows(origin: PrefillOrigin, stored: readonly IndicatorValue[], outcomes: Outcome[]) {
  const existing = new Map(stored.map((v) => [`${v.declarationId}:${v.indicatorId}`, v]));
  return (rows: (CheckedRow | null)[], declarationOf: (c: CheckedRow) => DeclarationRef) => {
    const writes: PendingValue[] = [];
    const touched = new Set<number>();
    rows.forEach((c, i) => {
      if (!c) return;
      const declaration = declarationOf(c);
      let outcome: Outcome = 'unchanged';
      for (const v of c.values) {
        const row = existing.get(`${declaration.id}:${v.indicator.id}`);
        // The professional's own answer wins over the pre-fill.
        if (row?.source === 'DECLARED' && row.value) continue;
        const write = {
          declaration,
          indicatorId: v.indicator.id,
          data: v.data,
          source: sourceFor(v.indicator),
          prefillOrigin: origin,
        };
        if (sameValue(row, write)) continue;
        writes.push({
          declarationId: declaration.id,
          indicatorId: v.indicator.id,
          professionalId: declaration.professionalId,
          campaignId: declaration.campaignId,
          data: v.data,
          source: write.source,
          prefillOrigin: origin,
        });
        touched.add(declaration.id);
        if (row?.value) outcome = 'updated';
        else if (outcome === 'unchanged') outcome = 'inserted';
      }
      outcomes[i] = outcome;
    });
    return { writes, touched };
  };
}

function prefillHandler(
  kind: ImportKind,
  origin: PrefillOrigin,
  columns: { name: string; required: boolean }[],
  values: (row: RawRow, ref: CampaignRef, reference: ReferenceData) => PrefillRow['values'],
  needsCatalogue = false,
): KindHandler<PrefillRow> {
  return {
    kind,
    columns: [...COMMON, ...columns],
    needsCatalogue,
    parse(row, reference) {
      const b = base(row, reference);
      return { ...b, values: values(row, b.ref, reference) };
    },
    key: (d) => `${d.amNumber}|${d.year}|${d.scheme}`,
    readsBeforeWrites: true,
    apply: (em, rows, ctx) => applyPrefill(em, origin, rows, ctx),
  };
}

export const DMP_TRACES = prefillHandler(
  'DMP_TRACES',
  'DMP_TRACES',
  [
    { name: 'publisher', required: true },
    { name: 'software', required: true },
    { name: 'version', required: true },
  ],
  (row, ref, reference) => {
    const publisher = maxLength('publisher', required(row, 'publisher'), 120);
    const software = maxLength('software', required(row, 'software'), 120);
    const version = maxLength('version', required(row, 'version'), 40);
    const indicator = prefillTarget(ref, 'DMP_TRACES', 'SOFTWARE', 'campaign_year');
    const found = lookupSoftware(reference, publisher, software, version, {
      publisher: 'publisher',
      software: 'software',
      version: 'version',
    });
    return [
      {
        indicator,
        column: 'software',
        data: softwareValue(found),
      },
    ];
  },
  true,
);

export const MSSANTE = prefillHandler(
  'MSSANTE',
  'MSSANTE_DIRECTORY',
  [{ name: 'messaging_type', required: true }],
  (row, ref) => {
    const type = oneOf('messaging_type', required(row, 'messaging_type'), MESSAGING_TYPES, 'Type de messagerie');
    const indicator = prefillTarget(ref, 'MSSANTE_DIRECTORY', 'MESSAGING', 'campaign_year');
    return [{ indicator, column: 'messaging_type', data: { type: 'MESSAGING', messagingType: type } }];
  },
);

/** Upper bound of yearly acts for one professional: beyond it the figure is a data error. */
const MAX_ACTS = 1_000_000;

export const BILLING = prefillHandler(
  'BILLING',
  'BILLING_FLOWS',
  [
    { name: 'fse_count', required: true },
    { name: 'acts_total', required: true },
    { name: 'sesam_vitale_compliant', required: true },
  ],
  (row, ref) => {
    const fse = integer('fse_count', required(row, 'fse_count'), 0, MAX_ACTS, 'Nombre de FSE');
    const total = integer('acts_total', required(row, 'acts_total'), 0, MAX_ACTS, "Nombre total d'actes");
    if (fse > total) reject('fse_count', `Plus de FSE (${fse}) que d'actes facturés (${total}).`);
    const compliant = bool('sesam_vitale_compliant', required(row, 'sesam_vitale_compliant'));
    const rate = prefillTarget(ref, 'BILLING_FLOWS', 'RATE', 'campaign_year');
    const sesam = prefillTarget(ref, 'BILLING_FLOWS', 'BOOLEAN', 'sesam_vitale_compliant', {
      pattern: /SESAM VITALE/,
      what: 'SESAM-Vitale',
    });
    return [
      { indicator: rate, column: 'fse_count', data: { type: 'RATE', numerator: fse, denominator: total } },
      { indicator: sesam, column: 'sesam_vitale_compliant', data: { type: 'BOOLEAN', value: compliant } },
    ];
  },
);

export const ANNUAIRE = prefillHandler(
  'ANNUAIRE',
  'ANNUAIRE_SANTE',
  [{ name: 'hours_published', required: true }],
  (row, ref) => {
    const published = bool('hours_published', required(row, 'hours_published'));
    const indicator = prefillTarget(ref, 'ANNUAIRE_SANTE', 'BOOLEAN', 'campaign_year');
    return [{ indicator, column: 'hours_published', data: { type: 'BOOLEAN', value: published } }];
  },
);
