/**
 * (f) Import of pre-fill rows through the project's import CLI (`npm run import -- billing <file>`: parse,
 * check against the référentiel, upsert the values, re-evaluate the declarations touched, one transaction
 * per batch) vs MySQL's own bulk path: `LOAD DATA LOCAL INFILE` of the same file into a staging table
 * of the same columns (no checks, no evaluation — the ceiling).
 *
 * Between the two, the set-based SQL floor: the same LOAD DATA followed by the two `INSERT … SELECT …
 * ON DUPLICATE KEY UPDATE` that write the file's values into indicator_value (joins on the N° AM,
 * the campaign, its BILLING_FLOWS indicators and the existing declaration; no checks, no report, no
 * re-evaluation). Both run before the import, the merge twice in a transaction rolled back (the second timed,
 * on a buffer pool as warm as the import finds it), so that the project's import still finds every value
 * changed; it says what any import that writes the values can reach.
 *
 * Rows: one billing row (FSE rate + SESAM-Vitale) per professional concerned by a campaign still open to
 * pre-fill (status neither COMPUTED nor PAID), up to the number asked. Values change at every run (they
 * derive from the run's time) so that every row is a real write, not "unchanged".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DATA_DIR, ROOT } from './env';

export interface ImportResult {
  available: boolean;
  note?: string;
  rows?: number;
  importSeconds?: number;
  importWallSeconds?: number;
  importRowsPerSecond?: number;
  outcome?: string;
  loadDataSeconds?: number;
  loadDataRowsPerSecond?: number;
  /** LOAD DATA + the set-based merge into indicator_value (the second of two runs: a warm buffer pool, as the import finds it). */
  mergeFloorSeconds?: number;
  mergeFloorRowsPerSecond?: number;
  /** The first run of the merge (the rows' pages possibly on the disk). */
  mergeFloorColdSeconds?: number;
  /** InnoDB buffer pool and the bench database's size: past the pool, writes wait on the disk. */
  bufferPoolMb?: number;
  databaseMb?: number;
}

const STAGE = `CREATE TABLE bench_billing_stage (am_number varchar(9) NOT NULL, campaign_year int NOT NULL,
  scheme varchar(32) NOT NULL, fse_count int NOT NULL, acts_total int NOT NULL,
  sesam_vitale_compliant varchar(8) NOT NULL) ENGINE=InnoDB`;

/**
 * Each campaign's BILLING_FLOWS indicator of `valueType`, resolved once: joined per staged row, the
 * JSON of every indicator definition would be parsed 40 000 times over.
 */
async function billingIndicators(conn: mysql.Connection, valueType: 'RATE' | 'BOOLEAN') {
  const [rows] = await conn.query(
    `SELECT campaign_id, id FROM indicator
     WHERE JSON_UNQUOTE(JSON_EXTRACT(definition, '$.prefillOrigin')) = 'BILLING_FLOWS'
       AND JSON_UNQUOTE(JSON_EXTRACT(definition, '$.valueType')) = ?`,
    [valueType],
  );
  return rows as { campaign_id: number; id: number }[];
}

/** One value per staged row into its campaign's indicator (`indicators`: campaign id → indicator id). */
const mergeInto = (indicators: { campaign_id: number; id: number }[], value: string, source: string) => `
  INSERT INTO indicator_value (declaration_id, indicator_id, professional_id, campaign_id, value, source,
    prefill_origin, achievement, achievement_reason)
  SELECT d.id, i.indicator_id, p.id, c.id, ${value}, '${source}', 'BILLING_FLOWS', 'NOT_ACHIEVED', ''
  FROM bench_billing_stage s
  JOIN campaign c ON c.reference_year = s.campaign_year AND c.scheme = s.scheme
  JOIN (${indicators.map((i) => `SELECT ${Number(i.campaign_id)} AS campaign_id, ${Number(i.id)} AS indicator_id`).join(' UNION ALL ')}) i
    ON i.campaign_id = c.id
  JOIN professional p ON p.am_number = s.am_number
  JOIN declaration d ON d.professional_id = p.id AND d.campaign_id = c.id
  ON DUPLICATE KEY UPDATE value = VALUES(value), source = VALUES(source), prefill_origin = VALUES(prefill_origin)`;

async function loadStage(conn: mysql.Connection, file: string): Promise<number> {
  await conn.query('DROP TABLE IF EXISTS bench_billing_stage');
  await conn.query(STAGE);
  const started = process.hrtime.bigint();
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE ? INTO TABLE bench_billing_stage FIELDS TERMINATED BY ';' LINES TERMINATED BY '\\n' IGNORE 1 LINES`,
    values: [file],
    infileStreamFactory: (p: string) => fs.createReadStream(p),
  } as never);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function benchImport(
  databaseUrl: string,
  wanted: number,
  log: (m: string) => void,
): Promise<ImportResult> {
  if (!fs.existsSync(path.join(ROOT, 'server', 'src', 'cli', 'import.ts'))) {
    return { available: false, note: 'not available (no import CLI: server/src/cli/import.ts)' };
  }
  const conn = await mysql.createConnection({ uri: databaseUrl });
  const file = path.join(os.tmpdir(), `mcbo-bench-billing-${process.pid}.csv`);
  try {
    const campaigns = (
      await conn.query(
        "SELECT reference_year, scheme, professions FROM campaign WHERE status NOT IN ('COMPUTED', 'PAID')",
      )
    )[0] as { reference_year: number; scheme: string; professions: string }[];
    const pairs: string[] = [];
    const salt = Math.floor(Date.now() / 1000) % 997;
    for (const c of campaigns) {
      const professions = JSON.parse(c.professions) as string[];
      if (professions.length === 0 || pairs.length >= wanted) continue;
      const [rows] = await conn.query(
        `SELECT am_number, id FROM professional WHERE profession IN (${professions.map(() => '?').join(',')}) ORDER BY id LIMIT ?`,
        [...professions, wanted - pairs.length],
      );
      for (const p of rows as { am_number: string; id: number }[]) {
        const total = 2000 + ((p.id * 37 + salt) % 6000);
        const fse = Math.floor(total * (0.5 + ((p.id * 13 + salt) % 50) / 100));
        pairs.push(
          `${p.am_number};${c.reference_year};${c.scheme};${fse};${total};${(p.id + salt) % 4 === 0 ? 'non' : 'oui'}`,
        );
      }
    }
    if (pairs.length === 0) return { available: false, note: 'no campaign open to pre-fill in the bench database' };
    fs.writeFileSync(
      file,
      `am_number;campaign_year;scheme;fse_count;acts_total;sesam_vitale_compliant\n${pairs.join('\n')}\n`,
    );
    log(`import: ${pairs.length} billing rows (${wanted} asked; the database concerns ${pairs.length})`);

    const [[pool]] = (await conn.query(
      'SELECT @@innodb_buffer_pool_size AS bytes, (SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = DATABASE()) AS db',
    )) as unknown as [{ bytes: number; db: number }[]];
    const bufferPoolMb = Math.round(Number(pool!.bytes) / 2 ** 20);
    const databaseMb = Math.round(Number(pool!.db) / 2 ** 20);
    if (databaseMb > bufferPoolMb) {
      log(
        `import: the database (${databaseMb} MB) exceeds the InnoDB buffer pool (${bufferPoolMb} MB): writes wait on the disk`,
      );
    }

    // LOAD DATA LOCAL INFILE of the file into a staging table of the same columns (the ceiling), then the
    // set-based merge of the staged rows (the SQL floor), rolled back. The table is created before the
    // transaction: DDL would commit it.
    const [rates, flags] = [await billingIndicators(conn, 'RATE'), await billingIndicators(conn, 'BOOLEAN')];
    const loadSeconds = await loadStage(conn, file);
    const merge = async () => {
      await conn.query('BEGIN');
      const mergeStarted = process.hrtime.bigint();
      await conn.query(
        mergeInto(
          rates,
          "JSON_OBJECT('type', 'RATE', 'numerator', s.fse_count, 'denominator', s.acts_total)",
          'COMPUTED',
        ),
      );
      await conn.query(
        mergeInto(
          flags,
          "JSON_OBJECT('type', 'BOOLEAN', 'value', JSON_EXTRACT(IF(s.sesam_vitale_compliant = 'oui', 'true', 'false'), '$'))",
          'PREFILLED',
        ),
      );
      const seconds = loadSeconds + Number(process.hrtime.bigint() - mergeStarted) / 1e9;
      await conn.query('ROLLBACK');
      return seconds;
    };
    // Twice, the second timed: the first brings the rows' pages into the buffer pool (past the pool, a
    // national database, it reads them from the disk), which the import, run next, then finds there. The
    // floor's figure is thus warm like the import's; the cold one is reported apart.
    const coldMergeSeconds = await merge();
    const mergeSeconds = await merge();
    await conn.query('DROP TABLE IF EXISTS bench_billing_stage');

    // The project's import, with the CLI's default batch size (2 000 rows on MySQL). `importSeconds` is the
    // run's own time as the CLI prints it (from after the référentiel is loaded to the last commit, as the
    // floor's time starts after its indicators are resolved); the start-up is in `importWallSeconds`.
    const started = Date.now();
    const run = spawnSync('npm', ['run', 'import', '--', 'billing', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    const wall = (Date.now() - started) / 1000;
    const out = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0 && run.status !== 3) {
      return { available: false, note: `import CLI failed (exit ${run.status}): ${out.slice(-400)}` };
    }
    const done = /Terminé en ([^(]+)\(([\d\s\u202f\u00a0.,]+) lignes\/s\)/.exec(out);
    const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));
    const importRate = done ? digits(done[2]!) : pairs.length / wall;
    const seconds = done ? pairs.length / importRate : wall;
    const outcome = /Lues : [^\n]+/.exec(out)?.[0]?.trim();

    return {
      available: true,
      rows: pairs.length,
      importSeconds: Math.round(seconds * 100) / 100,
      importWallSeconds: Math.round(wall * 100) / 100,
      importRowsPerSecond: Math.round(importRate),
      ...(outcome ? { outcome } : {}),
      loadDataSeconds: Math.round(loadSeconds * 1000) / 1000,
      loadDataRowsPerSecond: Math.round(pairs.length / loadSeconds),
      mergeFloorSeconds: Math.round(mergeSeconds * 1000) / 1000,
      mergeFloorRowsPerSecond: Math.round(pairs.length / mergeSeconds),
      mergeFloorColdSeconds: Math.round(coldMergeSeconds * 1000) / 1000,
      bufferPoolMb,
      databaseMb,
      note: pairs.length < wanted ? `${pairs.length} rows: all the pre-fill pairs this database holds` : undefined,
    };
  } finally {
    await conn.end();
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.report.csv`, { force: true });
  }
}
