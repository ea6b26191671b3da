/**
 * kill -9 in the middle of a pre-fill import, through the real CLI in its own process: SIGKILL inside a
 * batch's transaction (on MySQL the next batch is reading meanwhile on a second connection). Only whole
 * batches remain; the same command again completes the file: nothing lost, nothing written twice, the
 * stored atteintes are what a re-evaluation gives, and the progress counters equal their recount.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { recomputeDeclarations } from '../declarations/recompute-batch';
import { verifyCounters } from '../progress/counters';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { fixtureWorld, insertProfessionals } from './import-test-kit';
import { ImportRun } from './import-run.entity';

const ROOT = path.resolve(__dirname, '../../..');
const ROWS = 57;
const BATCH = 10;

function runCli(t: TestDatabase, file: string, crashAtBatch: number | null) {
  return new Promise<{ code: number | null; signal: string | null; output: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/import.ts', 'billing', file, '--batch-size', String(BATCH)],
      {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          ...(t.settings.url
            ? { DATABASE_URL: t.settings.url }
            : { DATABASE_URL: '', DATA_DIR: path.dirname(t.settings.sqlitePath) }),
          ...(crashAtBatch === null ? {} : { MCBO_IMPORT_CRASH_AT_BATCH: String(crashAtBatch) }),
        },
        // tsx reads the decorators' settings from the server's tsconfig.json.
        cwd: path.join(ROOT, 'server'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('pre-fill import: kill -9 mid-way, then the same file again', () => {
  let t: TestDatabase;
  let file: string;
  let amNumbers: string[];

  beforeAll(async () => {
    t = await openTestDatabase();
    await fixtureWorld(t.db.manager);
    amNumbers = await insertProfessionals(t.db.manager, ROWS, {
      caisseCode: '211',
      profession: 'CHIRURGIEN_DENTISTE',
      start: 500,
    });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-import-crash-')), 'billing.csv');
    fs.writeFileSync(
      file,
      [
        'am_number;campaign_year;scheme;fse_count;acts_total;sesam_vitale_compliant',
        ...amNumbers.map((am, i) => `${am};2024;FAMI;${(i * 97) % 5000};5000;${i % 3 ? 'oui' : 'non'}`),
      ].join('\n'),
    );
  }, 120_000);
  afterAll(async () => t.close());

  const written = async () =>
    Number(
      (
        (await t.db.query(
          "SELECT COUNT(*) AS n FROM indicator_value WHERE prefill_origin = 'BILLING_FLOWS' AND value IS NOT NULL",
        )) as { n: number | string }[]
      )[0]!.n,
    );

  it('keeps whole batches, and completes on the rerun with nothing twice', async () => {
    const crashed = await runCli(t, file, 2);
    expect(crashed.signal).toBe('SIGKILL');
    const first = await t.db.getRepository(ImportRun).findOneOrFail({ where: {}, order: { id: 'ASC' } });
    // Two batches committed (20 rows, two values each), the third rolled back with the process.
    expect(first).toMatchObject({ status: 'RUNNING', batchesCommitted: 2, rowsRead: 20, inserted: 20 });
    expect(await written()).toBe(40);
    expect(await t.db.getRepository(Declaration).count()).toBe(20);

    const rerun = await runCli(t, file, null);
    expect(rerun.code).toBe(0);
    const second = await t.db.getRepository(ImportRun).findOneOrFail({ where: {}, order: { id: 'DESC' } });
    expect(second).toMatchObject({
      status: 'COMPLETED',
      rowsRead: ROWS,
      inserted: ROWS - 20,
      updated: 0,
      unchanged: 20,
      rejected: 0,
      batchesCommitted: Math.ceil(ROWS / BATCH),
    });
    // One declaration per professional, two pre-filled values each: nothing lost, nothing twice.
    expect(await t.db.getRepository(Declaration).count()).toBe(ROWS);
    expect(await written()).toBe(2 * ROWS);
    const values = await t.db.getRepository(IndicatorValue).find({ where: { prefillOrigin: 'BILLING_FLOWS' } });
    const rates = values.filter((v) => v.value?.type === 'RATE').map((v) => v.value);
    expect(rates).toHaveLength(ROWS);
    expect(new Set(rates.map((v) => JSON.stringify(v))).size).toBeGreaterThan(ROWS / 2);

    // The atteintes and rémunérations were stored as the rules give them (a recomputation changes
    // nothing), and the counters moved with every committed row, not with the rolled-back ones.
    const declarations = await t.db.getRepository(Declaration).find({ select: { id: true } });
    const summary = await t.db.transaction((em) =>
      recomputeDeclarations(
        em,
        declarations.map((d) => d.id),
      ),
    );
    expect(summary).toMatchObject({ declarations: ROWS, valuesChanged: 0, remunerationsChanged: 0 });
    expect((await verifyCounters(t.db)).differences).toEqual([]);

    // A third run writes nothing.
    const again = await runCli(t, file, null);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/insérées : 0, mises à jour : 0, inchangées : 57, rejetées : 0/);
  }, 240_000);
});
