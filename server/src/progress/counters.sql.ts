/**
 * Progress counters: a small table of counts and amounts per (campaign, kind, caisse, profession,
 * indicator, status, received day), kept by database triggers on the five base tables it summarises.
 *
 * Why triggers: every write path (decisions, receipts, import batches, re-evaluations, the computation,
 * reversals, control conclusions, the seed, and any path added later) changes the counters in the SAME
 * transaction as the rows, with no call to forget. Each trigger applies a delta upsert
 * (`INSERT … ON DUPLICATE KEY UPDATE n = n + …` / SQLite `ON CONFLICT … DO UPDATE`), so concurrent
 * transactions serialise on the counter row and never lose an update; a deadlock between two of them is
 * retried as a whole like any other (db/transaction-retry.ts).
 *
 * The recount (`recountSelect`) is the definition: the migration fills the table with it and
 * `npm run progress:verify` compares the table with it. This file is used by migration
 * ProgressCounters1796194451651: changing a trigger or the recount needs a new migration.
 *
 * Kinds and their key columns (the others hold 0 or ''):
 * - PROFESSIONAL (campaign 0): caisse, profession — professionals concerned;
 * - DECLARATION: caisse, profession, status — n, amount = projected, computed = computed remuneration;
 * - JUSTIFICATIF: caisse, profession, status, received day (YYYY-MM-DD, UTC) for RECEIVED only (the age
 *   buckets of the backlog are derived from it at read time: they move with the clock, no daily job);
 * - ACHIEVEMENT: caisse, profession (of the declaration), indicator, status = achievement;
 * - PAYMENT: caisse, profession (of the professional), status — n, amount = amount paid.
 */
export type CounterDialect = 'mysql' | 'sqlite';

export const COUNTER_TABLE = 'progress_counter';
const KEY = ['campaign_id', 'kind', 'caisse_code', 'profession', 'indicator_id', 'status', 'received_day'];
const COLUMNS = [...KEY, 'n', 'amount_cents', 'computed_cents'];

export function createCounterTable(d: CounterDialect): string {
  return d === 'mysql'
    ? 'CREATE TABLE `progress_counter` (`campaign_id` int NOT NULL, `kind` varchar(16) NOT NULL, `caisse_code` varchar(3) NOT NULL, `profession` varchar(32) NOT NULL, `indicator_id` int NOT NULL, `status` varchar(32) NOT NULL, `received_day` varchar(10) NOT NULL, `n` bigint NOT NULL DEFAULT 0, `amount_cents` bigint NOT NULL DEFAULT 0, `computed_cents` bigint NOT NULL DEFAULT 0, PRIMARY KEY (`campaign_id`, `kind`, `caisse_code`, `profession`, `indicator_id`, `status`, `received_day`)) ENGINE=InnoDB'
    : 'CREATE TABLE "progress_counter" ("campaign_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "caisse_code" varchar(3) NOT NULL, "profession" varchar(32) NOT NULL, "indicator_id" integer NOT NULL, "status" varchar(32) NOT NULL, "received_day" varchar(10) NOT NULL, "n" integer NOT NULL DEFAULT (0), "amount_cents" integer NOT NULL DEFAULT (0), "computed_cents" integer NOT NULL DEFAULT (0), PRIMARY KEY ("campaign_id", "kind", "caisse_code", "profession", "indicator_id", "status", "received_day"))';
}

/** The received day of a justificatif row, for RECEIVED only. */
const receivedDay = (d: CounterDialect, row: string) =>
  `CASE WHEN ${row}.status = 'RECEIVED' THEN ${d === 'mysql' ? `DATE_FORMAT(${row}.received_at, '%Y-%m-%d')` : `substr(${row}.received_at, 1, 10)`} ELSE '' END`;

/** A delta upsert of the rows `source` yields (a SELECT with a WHERE clause, or VALUES). */
export function counterUpsert(d: CounterDialect, source: string): string {
  return d === 'mysql'
    ? `INSERT INTO progress_counter (${COLUMNS.join(', ')}) ${source} ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount_cents = amount_cents + VALUES(amount_cents), computed_cents = computed_cents + VALUES(computed_cents)`
    : `INSERT INTO progress_counter (${COLUMNS.join(', ')}) ${source} ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET n = n + excluded.n, amount_cents = amount_cents + excluded.amount_cents, computed_cents = computed_cents + excluded.computed_cents`;
}

/** One row's contribution (`sign` 1 or -1), as the SELECT that yields it (always with a WHERE). */
function contribution(d: CounterDialect, table: CountedTable, r: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  switch (table) {
    case 'professional':
      return `SELECT 0, 'PROFESSIONAL', ${r}.caisse_code, ${r}.profession, 0, '', '', ${s}1, 0, 0 FROM (SELECT 1 AS one) one WHERE 1 = 1`;
    case 'declaration':
      return `SELECT ${r}.campaign_id, 'DECLARATION', ${r}.caisse_code, ${r}.profession, 0, ${r}.status, '', ${s}1, ${s}${r}.projected_remuneration_cents, ${s}COALESCE(${r}.computed_remuneration_cents, 0) FROM (SELECT 1 AS one) one WHERE 1 = 1`;
    case 'justificatif':
      return `SELECT ${r}.campaign_id, 'JUSTIFICATIF', ${r}.caisse_code, ${r}.profession, 0, ${r}.status, ${receivedDay(d, r)}, ${s}1, 0, 0 FROM (SELECT 1 AS one) one WHERE 1 = 1`;
    case 'indicator_value':
      return `SELECT ${r}.campaign_id, 'ACHIEVEMENT', d.caisse_code, d.profession, ${r}.indicator_id, ${r}.achievement, '', ${s}1, 0, 0 FROM declaration d WHERE d.id = ${r}.declaration_id`;
    case 'payment':
      return `SELECT ${r}.campaign_id, 'PAYMENT', ${r}.caisse_code, p.profession, 0, ${r}.status, '', ${s}1, ${s}${r}.amount_cents, 0 FROM professional p WHERE p.id = ${r}.professional_id`;
  }
}

export type CountedTable = 'professional' | 'declaration' | 'justificatif' | 'indicator_value' | 'payment';
export const COUNTED_TABLES: readonly CountedTable[] = [
  'professional',
  'declaration',
  'justificatif',
  'indicator_value',
  'payment',
];

/** The columns whose change moves a row between counters (an UPDATE of other columns does nothing). */
const COUNTED_COLUMNS: Record<CountedTable, string[]> = {
  professional: ['caisse_code', 'profession'],
  declaration: [
    'campaign_id',
    'caisse_code',
    'profession',
    'status',
    'projected_remuneration_cents',
    'computed_remuneration_cents',
  ],
  justificatif: ['campaign_id', 'caisse_code', 'profession', 'status', 'received_at'],
  indicator_value: ['campaign_id', 'declaration_id', 'indicator_id', 'achievement'],
  payment: ['campaign_id', 'caisse_code', 'professional_id', 'status', 'amount_cents'],
};

/**
 * A declaration that changes caisse or profession carries its indicator values' achievements along
 * (they are counted under the declaration's caisse and profession).
 */
function moveAchievements(d: CounterDialect, sign: 1 | -1, r: string) {
  const s = sign === 1 ? '' : '-';
  return counterUpsert(
    d,
    `SELECT v.campaign_id, 'ACHIEVEMENT', ${r}.caisse_code, ${r}.profession, v.indicator_id, v.achievement, '', ${s}COUNT(*), 0, 0 FROM indicator_value v WHERE v.declaration_id = ${r}.id GROUP BY v.campaign_id, v.indicator_id, v.achievement`,
  );
}

/** The trigger statements (one per table and event). */
export function createCounterTriggers(d: CounterDialect): string[] {
  const out: string[] = [];
  for (const table of COUNTED_TABLES) {
    const add = (r: string) => counterUpsert(d, contribution(d, table, r, 1));
    const sub = (r: string) => counterUpsert(d, contribution(d, table, r, -1));
    const cols = COUNTED_COLUMNS[table];
    const moved =
      d === 'mysql'
        ? cols.map((c) => `NOT (OLD.${c} <=> NEW.${c})`).join(' OR ')
        : cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    const update = [sub('OLD'), add('NEW')];
    if (table === 'declaration') {
      const carried = 'NOT (OLD.caisse_code <=> NEW.caisse_code AND OLD.profession <=> NEW.profession)';
      // SQLite: a separate trigger below, with the move as its WHEN.
      if (d === 'mysql')
        update.push(`IF ${carried} THEN ${moveAchievements(d, -1, 'OLD')}; ${moveAchievements(d, 1, 'NEW')}; END IF`);
    }
    if (d === 'mysql') {
      out.push(`CREATE TRIGGER \`trg_progress_${table}_ai\` AFTER INSERT ON \`${table}\` FOR EACH ROW ${add('NEW')}`);
      out.push(
        `CREATE TRIGGER \`trg_progress_${table}_au\` AFTER UPDATE ON \`${table}\` FOR EACH ROW BEGIN IF ${moved} THEN ${update.join('; ')}; END IF; END`,
      );
      out.push(`CREATE TRIGGER \`trg_progress_${table}_ad\` AFTER DELETE ON \`${table}\` FOR EACH ROW ${sub('OLD')}`);
    } else {
      out.push(`CREATE TRIGGER "trg_progress_${table}_ai" AFTER INSERT ON "${table}" BEGIN ${add('NEW')}; END`);
      out.push(
        `CREATE TRIGGER "trg_progress_${table}_au" AFTER UPDATE ON "${table}" WHEN ${moved} BEGIN ${sub('OLD')}; ${add('NEW')}; END`,
      );
      out.push(`CREATE TRIGGER "trg_progress_${table}_ad" AFTER DELETE ON "${table}" BEGIN ${sub('OLD')}; END`);
      if (table === 'declaration') {
        out.push(
          `CREATE TRIGGER "trg_progress_declaration_move" AFTER UPDATE ON "declaration" WHEN OLD.caisse_code IS NOT NEW.caisse_code OR OLD.profession IS NOT NEW.profession BEGIN ${moveAchievements(d, -1, 'OLD')}; ${moveAchievements(d, 1, 'NEW')}; END`,
        );
      }
    }
  }
  return out;
}

export function dropCounterTriggers(d: CounterDialect): string[] {
  const q = d === 'mysql' ? '`' : '"';
  const names = COUNTED_TABLES.flatMap((t) => ['ai', 'au', 'ad'].map((e) => `trg_progress_${t}_${e}`));
  if (d === 'sqlite') names.push('trg_progress_declaration_move');
  return names.map((n) => `DROP TRIGGER IF EXISTS ${q}${n}${q}`);
}

/**
 * The counters recounted from the base tables: one SELECT yielding rows in the table's column order,
 * grouped by its key (n = 0 groups cannot appear).
 */
export function recountSelect(d: CounterDialect): string {
  return [
    `SELECT 0 AS campaign_id, 'PROFESSIONAL' AS kind, p.caisse_code, p.profession, 0 AS indicator_id, '' AS status, '' AS received_day, COUNT(*) AS n, 0 AS amount_cents, 0 AS computed_cents FROM professional p WHERE 1 = 1 GROUP BY p.caisse_code, p.profession`,
    `SELECT d.campaign_id, 'DECLARATION', d.caisse_code, d.profession, 0, d.status, '', COUNT(*), SUM(d.projected_remuneration_cents), SUM(COALESCE(d.computed_remuneration_cents, 0)) FROM declaration d WHERE 1 = 1 GROUP BY d.campaign_id, d.caisse_code, d.profession, d.status`,
    `SELECT j.campaign_id, 'JUSTIFICATIF', j.caisse_code, j.profession, 0, j.status, ${receivedDay(d, 'j')}, COUNT(*), 0, 0 FROM justificatif j WHERE 1 = 1 GROUP BY j.campaign_id, j.caisse_code, j.profession, j.status, ${receivedDay(d, 'j')}`,
    `SELECT v.campaign_id, 'ACHIEVEMENT', d.caisse_code, d.profession, v.indicator_id, v.achievement, '', COUNT(*), 0, 0 FROM indicator_value v INNER JOIN declaration d ON d.id = v.declaration_id WHERE 1 = 1 GROUP BY v.campaign_id, d.caisse_code, d.profession, v.indicator_id, v.achievement`,
    `SELECT pay.campaign_id, 'PAYMENT', pay.caisse_code, p.profession, 0, pay.status, '', COUNT(*), SUM(pay.amount_cents), 0 FROM payment pay INNER JOIN professional p ON p.id = pay.professional_id WHERE 1 = 1 GROUP BY pay.campaign_id, pay.caisse_code, p.profession, pay.status`,
  ].join(' UNION ALL ');
}

/** The migration's fill: the recount written into the (empty) table. */
export function fillCounters(d: CounterDialect): string {
  return `INSERT INTO progress_counter (${COLUMNS.join(', ')}) SELECT * FROM (${recountSelect(d)}) recount`;
}
