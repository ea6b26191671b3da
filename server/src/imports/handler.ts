/**
 * What one feed kind knows: its columns, how a row is checked on its own (formats, référentiel), and
 * how a batch of checked rows is written (against the database, in the batch's transaction).
 */
import type { EntityManager } from 'typeorm';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { PrefillOrigin, Profession, ValueSource } from '../common/enums';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { bulkInsert, bulkUpsert, chunks } from '../db/bulk';
import { RowError, type RawRow } from './fields';
import type { ImportKind } from './import-kinds';
import type { CampaignRef, ReferenceData } from './reference';

/**
 * What became of one row: written, already so, out of the feed's scope (`skipped`), refused (RowError),
 * or about a professional we do not know (UnknownRow: listed in the report, not a fault of the file).
 */
export type Outcome = 'inserted' | 'updated' | 'unchanged' | 'skipped' | RowError;

/** A row about a professional unknown to us (or outside the run's scope): listed, not refused. */
export class UnknownRow extends RowError {}

/** Returned by `parse` for a row outside what the feed imports (another profession, a salaried activity). */
export const SKIP: unique symbol = Symbol('skip');

/** How the file is laid out. */
export interface FileFormat {
  separator: string;
  /** RFC 4180 quotes (`;` CSV) or none (a field never holds the separator). */
  quoting: boolean;
  /** Every line ends with the separator: the empty last field is dropped. */
  trailingSeparator: boolean;
  /** Columns the kind does not read: refused (our own CSV feeds) or ignored (a national extract). */
  unknownColumns: 'refuse' | 'ignore';
}

export const CSV_FORMAT: FileFormat = {
  separator: ';',
  quoting: true,
  trailingSeparator: false,
  unknownColumns: 'refuse',
};

/** One report line that is not a row of the file (e.g. a professional absent from it). */
export interface ReportNotice {
  column: string;
  value: string;
  reason: string;
}

export interface ParsedRow<P> {
  line: number;
  data: P;
}

export interface ApplyContext {
  reference: ReferenceData;
  /** Caisses whose rows this run may write; null = every caisse. */
  scope: string[] | null;
  /** The kind's own memory for the whole run (from `newState`), e.g. the professionals already met. */
  state: unknown;
  /**
   * Set for kinds that declare `readsBeforeWrites`: awaited between the batch's reads and its first
   * write (the previous batch commits meanwhile, so that two batches never hold locks at once).
   */
  beforeWrite?: () => Promise<void>;
}

export interface BatchResult {
  outcomes: Outcome[];
  /** Declarations whose values changed: re-evaluated before the batch commits. */
  touchedDeclarations: number[];
}

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** Other spellings of the header (older extracts). */
  aliases?: string[];
}

export interface KindHandler<P> {
  kind: ImportKind;
  columns: ColumnSpec[];
  /** CSV_FORMAT when absent. */
  format?: FileFormat;
  /** Checks one row alone; throws RowError; SKIP for a row the feed does not import. */
  parse(row: RawRow, reference: ReferenceData): P | typeof SKIP;
  /** Natural key: a second row with the same key in the file is rejected (null: no such check). */
  key(data: P): string | null;
  /** Rows with the same group key stay in the same batch (when contiguous in the file). */
  group?(data: P): string;
  /** Writes the batch; one outcome per row, in order. */
  apply(em: EntityManager, rows: ParsedRow<P>[], ctx: ApplyContext): Promise<BatchResult>;
  /**
   * The kind's `apply` reads everything first, then awaits `ctx.beforeWrite` before its first write:
   * the runner may then read a batch while the previous one writes (MySQL).
   */
  readsBeforeWrites?: boolean;
  /** Whether the run needs the software catalogue. */
  needsCatalogue?: boolean;
  /** Per-run memory handed to every `apply` as `ctx.state`. */
  newState?(): unknown;
  /**
   * After the last batch: report lines about what the file did not contain (`notice` writes one);
   * returns how many. Reads only: a crash there loses nothing.
   */
  finish?(em: EntityManager, ctx: ApplyContext, notice: (n: ReportNotice) => Promise<void>): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the kinds that write declarations.

/** The columns the feeds need of a professional. */
export interface ProfessionalRef {
  id: number;
  amNumber: string;
  caisseCode: string;
  profession: Profession;
}

/**
 * Rows of `SELECT … WHERE [<filter> AND] <column> IN (…)`, in slices under the placeholder limits;
 * `filter` binds `filterParameters` before the list.
 */
export async function selectIn<T>(
  em: EntityManager,
  select: string,
  column: string,
  values: readonly (string | number)[],
  filter: { sql: string; parameters: unknown[] } | null = null,
) {
  const rows: T[] = [];
  for (const slice of chunks([...new Set(values)])) {
    if (slice.length === 0) continue;
    const list = `${column} IN (${slice.map(() => '?').join(',')})`;
    const sql = `${select} WHERE ${filter ? `${filter.sql} AND ` : ''}${list}`;
    rows.push(...((await em.query(sql, [...(filter?.parameters ?? []), ...slice])) as T[]));
  }
  return rows;
}

/** Plain SQL: hydrating entities costs more than the query for the thousand rows of a batch. */
export async function professionalsByAmNumber(em: EntityManager, amNumbers: string[]) {
  const rows = await selectIn<{ id: number | string; am_number: string; caisse_code: string; profession: Profession }>(
    em,
    'SELECT id, am_number, caisse_code, profession FROM professional',
    'am_number',
    amNumbers,
  );
  return new Map<string, ProfessionalRef>(
    rows.map((r) => [
      r.am_number,
      { id: Number(r.id), amNumber: r.am_number, caisseCode: r.caisse_code, profession: r.profession },
    ]),
  );
}

/** The professional of a row, known and in the run's scope, or the row's rejection. */
export function checkProfessional(
  professionals: Map<string, ProfessionalRef>,
  amNumber: string,
  ctx: ApplyContext,
): ProfessionalRef {
  const professional = professionals.get(amNumber);
  if (!professional)
    throw new RowError('am_number', `Professionnel inconnu : aucun professionnel n'a le N° AM ${amNumber}.`);
  if (ctx.scope && !ctx.scope.includes(professional.caisseCode)) {
    throw new RowError(
      'am_number',
      `Professionnel rattaché à la caisse ${professional.caisseCode}, hors de votre périmètre (caisse ${ctx.scope.join(', ')}).`,
    );
  }
  return professional;
}

export function checkConcerned(ref: CampaignRef, professional: ProfessionalRef) {
  if (!ref.campaign.professions.includes(professional.profession)) {
    throw new RowError(
      'campaign_year',
      `La campagne ${ref.campaign.label} ne concerne pas la profession du professionnel.`,
    );
  }
}

export const declarationKey = (professionalId: number, campaignId: number) => `${professionalId}:${campaignId}`;

/** The columns imports need of a declaration. */
export interface DeclarationRef {
  id: number;
  professionalId: number;
  campaignId: number;
  caisseCode: string;
  profession: Profession;
  version: number;
}

/** The declarations that exist of (professional, campaign) pairs, by declarationKey (reads only). */
export async function findDeclarations(
  em: EntityManager,
  needs: { professional: ProfessionalRef; ref: CampaignRef }[],
): Promise<Map<string, DeclarationRef>> {
  const declarations = new Map<string, DeclarationRef>();
  if (needs.length === 0) return declarations;
  const wanted = new Set(needs.map((n) => declarationKey(n.professional.id, n.ref.campaign.id)));
  const rows = await selectIn<Record<string, string | number>>(
    em,
    'SELECT id, professional_id, campaign_id, caisse_code, profession, version FROM declaration',
    'professional_id',
    needs.map((n) => n.professional.id),
  );
  for (const r of rows) {
    const d: DeclarationRef = {
      id: Number(r.id),
      professionalId: Number(r.professional_id),
      campaignId: Number(r.campaign_id),
      caisseCode: String(r.caisse_code),
      profession: r.profession as Profession,
      version: Number(r.version),
    };
    const key = declarationKey(d.professionalId, d.campaignId);
    if (wanted.has(key)) declarations.set(key, d);
  }
  return declarations;
}

/**
 * Finds or creates the declarations (with one value row per indicator, as ensureDeclaration does) of
 * (professional, campaign) pairs, in a fixed number of statements.
 */
export async function ensureDeclarations(
  em: EntityManager,
  needs: { professional: ProfessionalRef; ref: CampaignRef }[],
): Promise<{ declarations: Map<string, DeclarationRef>; created: Set<number> }> {
  const created = new Set<number>();
  const declarations = await findDeclarations(em, needs);
  const missing = [...new Map(needs.map((n) => [declarationKey(n.professional.id, n.ref.campaign.id), n])).entries()]
    .filter(([key]) => !declarations.has(key))
    .map(([, n]) => n);
  if (missing.length === 0) return { declarations, created };
  await bulkInsert(
    em,
    Declaration,
    missing.map(({ professional, ref }) => ({
      professionalId: professional.id,
      campaignId: ref.campaign.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      status: 'NOT_STARTED' as const,
      transmissionCount: 0,
      honourAttestation: false,
      conditionsAcknowledged: false,
      projectedRemunerationCents: 0,
      version: 1,
    })),
  );
  for (const [key, d] of await findDeclarations(em, missing)) declarations.set(key, d);
  const values: Partial<IndicatorValue>[] = [];
  for (const { professional, ref } of missing) {
    const declaration = declarations.get(declarationKey(professional.id, ref.campaign.id));
    if (!declaration) throw new Error('declaration not found after insert');
    created.add(declaration.id);
    for (const indicator of ref.indicators) {
      values.push({
        declarationId: declaration.id,
        indicatorId: indicator.id,
        professionalId: professional.id,
        campaignId: ref.campaign.id,
        value: null,
        source: null,
        prefillOrigin: null,
        achievement: 'NOT_ACHIEVED',
        achievementReason: 'Indicateur non déclaré',
      });
    }
  }
  await bulkInsert(em, IndicatorValue, values);
  return { declarations, created };
}

/** A stored value as imports compare it. */
export interface ValueRef {
  id: number;
  declarationId: number;
  indicatorId: number;
  value: IndicatorValueData | null;
  source: ValueSource | null;
  prefillOrigin: PrefillOrigin | null;
}

export async function valuesOf(em: EntityManager, declarationIds: number[], indicatorIds: number[]) {
  const map = new Map<string, ValueRef>();
  const wanted = new Set(indicatorIds);
  if (declarationIds.length === 0 || wanted.size === 0) return map;
  // By declaration only (the unique index's prefix); the indicators are filtered here.
  const rows = await selectIn<Record<string, string | number | null>>(
    em,
    'SELECT id, declaration_id, indicator_id, value, source, prefill_origin FROM indicator_value',
    'declaration_id',
    declarationIds,
  );
  for (const r of rows) {
    const indicatorId = Number(r.indicator_id);
    if (!wanted.has(indicatorId)) continue;
    const v: ValueRef = {
      id: Number(r.id),
      declarationId: Number(r.declaration_id),
      indicatorId,
      value: r.value === null ? null : (JSON.parse(String(r.value)) as IndicatorValueData),
      source: (r.source as ValueSource | null) ?? null,
      prefillOrigin: (r.prefill_origin as PrefillOrigin | null) ?? null,
    };
    map.set(`${v.declarationId}:${v.indicatorId}`, v);
  }
  return map;
}

export interface ValueWrite {
  declaration: DeclarationRef;
  indicatorId: number;
  data: IndicatorValueData;
  source: ValueSource;
  prefillOrigin: PrefillOrigin | null;
}

export const sameValue = (row: ValueRef | undefined, write: ValueWrite) =>
  !!row &&
  row.source === write.source &&
  (row.prefillOrigin ?? null) === write.prefillOrigin &&
  sameJson(row.value, write.data);

/** Writes values in multi-row upserts on (declaration, indicator); atteinte is recomputed afterwards. */
export async function writeValues(em: EntityManager, writes: ValueWrite[]) {
  await bulkUpsert(
    em,
    IndicatorValue,
    writes.map((w) => ({
      declarationId: w.declaration.id,
      indicatorId: w.indicatorId,
      professionalId: w.declaration.professionalId,
      campaignId: w.declaration.campaignId,
      value: w.data,
      source: w.source,
      prefillOrigin: w.prefillOrigin,
      achievement: 'NOT_ACHIEVED' as const,
      achievementReason: 'Indicateur non déclaré',
    })),
    ['declarationId', 'indicatorId'],
    ['value', 'source', 'prefillOrigin'],
    ['updatedAt'],
  );
}

/** Runs a per-row check, turning its RowError into the row's outcome. */
export function attempt<T>(check: () => T): T | RowError {
  try {
    return check();
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
}

/**
 * Whether two JSON values are the same, as `stableJson(a) === stableJson(b)` says, without building the
 * strings (a pre-fill batch compares tens of thousands of values).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object')
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count += 1;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count -= 1;
  return count === 0;
}

/** JSON with sorted keys: two values are the same whatever order their keys were written in. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
