/**
 * Reading and checking the progress counters (the table and its triggers: counters.sql.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { bucketOf } from './age-buckets';
import { recountSelect, type CounterDialect } from './counters.sql';

export interface CounterRow {
  campaignId: number;
  kind: string;
  caisseCode: string;
  profession: string;
  indicatorId: number;
  status: string;
  receivedDay: string;
  n: number;
  amountCents: number;
  computedCents: number;
}

export const counterDialect = (db: DataSource | EntityManager): CounterDialect =>
  ('connection' in db ? db.connection : db).options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';

const keyOf = (r: CounterRow) =>
  [r.campaignId, r.kind, r.caisseCode, r.profession, r.indicatorId, r.status, r.receivedDay].join('|');

const SELECT_COLUMNS =
  'campaign_id AS campaignId, kind, caisse_code AS caisseCode, profession, indicator_id AS indicatorId, status, received_day AS receivedDay, n, amount_cents AS amountCents, computed_cents AS computedCents';

function normalise(rows: Record<string, unknown>[]): CounterRow[] {
  return rows.map((r) => ({
    campaignId: Number(r.campaignId),
    kind: String(r.kind),
    caisseCode: String(r.caisseCode),
    profession: String(r.profession),
    indicatorId: Number(r.indicatorId),
    status: String(r.status),
    receivedDay: String(r.receivedDay),
    n: Number(r.n),
    amountCents: Number(r.amountCents),
    computedCents: Number(r.computedCents),
  }));
}

export interface CounterDifference {
  key: string;
  counted: { n: number; amountCents: number; computedCents: number };
  recounted: { n: number; amountCents: number; computedCents: number };
}

/** Recounts from the base tables and lists every counter that differs (zero rows equal absent ones). */
export async function verifyCounters(db: DataSource | EntityManager): Promise<{
  rows: number;
  differences: CounterDifference[];
}> {
  const d = counterDialect(db);
  const [stored, recount] = await Promise.all([
    db.query(`SELECT ${SELECT_COLUMNS} FROM progress_counter`),
    db.query(`SELECT ${SELECT_COLUMNS} FROM (${recountSelect(d)}) recount`),
  ]);
  const zero = { n: 0, amountCents: 0, computedCents: 0 };
  const figures = (r: CounterRow) => ({ n: r.n, amountCents: r.amountCents, computedCents: r.computedCents });
  const counted = new Map(normalise(stored as Record<string, unknown>[]).map((r) => [keyOf(r), figures(r)]));
  const recounted = new Map(normalise(recount as Record<string, unknown>[]).map((r) => [keyOf(r), figures(r)]));
  const differences: CounterDifference[] = [];
  for (const key of [...new Set([...counted.keys(), ...recounted.keys()])].sort()) {
    const a = counted.get(key) ?? zero;
    const b = recounted.get(key) ?? zero;
    if (a.n !== b.n || a.amountCents !== b.amountCents || a.computedCents !== b.computedCents)
      differences.push({ key, counted: a, recounted: b });
  }
  return { rows: counted.size, differences };
}

/** The UTC day (YYYY-MM-DD) of an instant. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Whole days between a received day and today (UTC calendar days). */
export function ageInDays(receivedDay: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${receivedDay}T00:00:00Z`)) / 86_400_000);
}

/** The age bucket of a RECEIVED justificatif counted on `receivedDay`, seen on `today`. */
export const bucketOfDay = (receivedDay: string, today: string) => bucketOf(Math.max(0, ageInDays(receivedDay, today)));
