/**
 * (compute) The computation of a campaign (`computeCampaign`): the server's own run — batches of 1 000
 * declarations, each loaded, evaluated as a computed campaign, its atteintes, rémunérations and frozen
 * snapshot written and the run's cursor advanced in one transaction — over the campaign of the dataset
 * with the most declarations (whatever its status: it is closed for the run, then given back). It runs in this process through the same functions the API's background
 * job calls (`startComputation`, then `runCampaignComputation`), forced like a national ADMIN would be
 * while pieces are still RECEIVED.
 *
 * The campaign is given back as it was afterwards (status, version, run; each value's atteinte and each
 * declaration's amounts and snapshot, saved before in two scratch tables) so that a rerun, and the other
 * scenarios, find the same data. The audit events of the run stay: the audit chain is append-only.
 *
 * Target: at national size (500 000 professionals) the computation of a campaign takes ≤ 5 min. Below
 * that size the rate measured is extrapolated linearly to the campaign's national number of declarations
 * (its share of the professionals × 500 000): the run is linear by construction (fixed-size batches in
 * id order, a fixed number of statements per batch).
 */
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { Campaign } from '../server/src/campaigns/campaign.entity';
import { runCampaignComputation } from '../server/src/campaigns/lifecycle/campaign-computation';
import { startComputation } from '../server/src/campaigns/lifecycle/campaign-lifecycle.service';
import { createDataSource } from '../server/src/db/data-source';
import type { Target } from './report';

export const NATIONAL_PROFESSIONALS = 500_000;
export const COMPUTE_TARGET_SECONDS = 300;

export interface ComputeResult {
  available: boolean;
  note?: string;
  professionals?: number;
  campaign?: string;
  declarations?: number;
  indicatorValues?: number;
  receivedPieces?: number;
  batches?: number;
  seconds?: number;
  declarationsPerSecond?: number;
  totalEuros?: number;
  /** The campaign's declarations at national size, and the time the measured rate gives them. */
  nationalDeclarations?: number;
  nationalSeconds?: number;
  restoreSeconds?: number;
}

type Log = (message: string) => void;

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export async function benchCompute(databaseUrl: string, professionals: number, log: Log): Promise<ComputeResult> {
  const conn = await mysql.createConnection({ uri: databaseUrl, timezone: 'Z', multipleStatements: false });
  const q = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[];
  let db: DataSource | null = null;
  try {
    // The run writes the current schema (declaration_snapshot): migrate first, as the API would at start-up.
    await migrate(databaseUrl, log);
    const [chosen] = await q<{ id: number; label: string; declarations: number }>(
      `SELECT c.id, c.label, COUNT(d.id) AS declarations FROM campaign c JOIN declaration d ON d.campaign_id = c.id
       GROUP BY c.id, c.label ORDER BY declarations DESC, c.id LIMIT 1`,
    );
    if (!chosen) return { available: false, note: 'no campaign with declarations in the dataset' };
    const [before] = await q<{
      status: string;
      version: number;
      compute_run_id: number | null;
      computed_at: Date | null;
    }>('SELECT status, version, compute_run_id, computed_at FROM campaign WHERE id = ?', [chosen.id]);
    const [{ values }] = (await q<{ values: number }>(
      'SELECT COUNT(1) AS `values` FROM indicator_value WHERE campaign_id = ?',
      [chosen.id],
    )) as [{ values: number }];
    log(`compute: ${chosen.label} (${before!.status}), ${chosen.declarations} declarations, ${values} values`);

    // What the run overwrites, saved to give it back afterwards.
    await q('DROP TABLE IF EXISTS bench_compute_values');
    await q('DROP TABLE IF EXISTS bench_compute_declarations');
    await q('DROP TABLE IF EXISTS bench_compute_snapshots');
    await q(
      `CREATE TABLE bench_compute_values ENGINE=InnoDB AS
       SELECT id, achievement, achievement_reason FROM indicator_value WHERE campaign_id = ?`,
      [chosen.id],
    );
    await q(
      `CREATE TABLE bench_compute_declarations ENGINE=InnoDB AS
       SELECT id, projected_remuneration_cents, computed_remuneration_cents FROM declaration WHERE campaign_id = ?`,
      [chosen.id],
    );
    await q(
      `CREATE TABLE bench_compute_snapshots ENGINE=InnoDB AS
       SELECT declaration_id, campaign_id, snapshot FROM declaration_snapshot WHERE campaign_id = ?`,
      [chosen.id],
    );
    await q('ALTER TABLE bench_compute_values ADD PRIMARY KEY (id)');
    await q('ALTER TABLE bench_compute_declarations ADD PRIMARY KEY (id)');
    // Computation starts from a closed campaign with no run, nothing computed and no snapshot (a first
    // computation: every declaration's amount and snapshot is written).
    await q("UPDATE campaign SET status = 'CLOSED', compute_run_id = NULL, computed_at = NULL WHERE id = ?", [
      chosen.id,
    ]);
    await q(
      'UPDATE declaration SET computed_remuneration_cents = NULL WHERE campaign_id = ? AND computed_remuneration_cents IS NOT NULL',
      [chosen.id],
    );
    await q('DELETE FROM declaration_snapshot WHERE campaign_id = ?', [chosen.id]);

    db = await createDataSource(settingsOf(databaseUrl));
    await db.initialize();
    const started = process.hrtime.bigint();
    const outcome = await db.transaction(async (em) => {
      const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: chosen.id });
      return startComputation(em, {
        campaign,
        expectedVersion: campaign.version,
        agentId: null,
        force: true,
        reason: "Banc d'essai : mesure du calcul de la campagne",
      });
    });
    if ('refusal' in outcome) {
      await restore(q, chosen.id, before!, null, log);
      return { available: false, note: `computation refused: ${outcome.refusal.code}` };
    }
    const run = outcome.run;
    let end: Awaited<ReturnType<typeof runCampaignComputation>>;
    try {
      end = await runCampaignComputation(db, run.id);
    } catch (error) {
      // A failed run gives the campaign back too (the shared national database stays as it was).
      await restore(q, chosen.id, before!, run.id, log);
      throw error;
    }
    const elapsed = seconds(started);
    const [done] = await q<{ processed_declarations: number; batches_committed: number; total_cents: number }>(
      'SELECT processed_declarations, batches_committed, total_cents FROM campaign_run WHERE id = ?',
      [run.id],
    );
    const [after] = await q<{ status: string }>('SELECT status FROM campaign WHERE id = ?', [chosen.id]);
    log(
      `compute: ${end}, campaign ${after?.status}, ${done?.processed_declarations} declarations in ${elapsed.toFixed(1)} s (${done?.batches_committed} batches)`,
    );

    const restoring = process.hrtime.bigint();
    await restore(q, chosen.id, before!, run.id, log);
    const restoreSeconds = seconds(restoring);

    const declarations = Number(done?.processed_declarations ?? 0);
    const rate = declarations / elapsed;
    const nationalDeclarations = Math.round((declarations * NATIONAL_PROFESSIONALS) / professionals);
    const ok = end === 'DONE' && after?.status === 'COMPUTED' && declarations === Number(chosen.declarations);
    return {
      available: ok,
      ...(ok
        ? {}
        : { note: `run ended ${end}, campaign ${after?.status}, ${declarations}/${chosen.declarations} declarations` }),
      professionals,
      campaign: chosen.label,
      declarations,
      indicatorValues: Number(values),
      receivedPieces: run.receivedPieces,
      batches: Number(done?.batches_committed ?? 0),
      seconds: Math.round(elapsed * 10) / 10,
      declarationsPerSecond: Math.round(rate),
      totalEuros: Math.round(Number(done?.total_cents ?? 0) / 100),
      nationalDeclarations,
      nationalSeconds: Math.round(nationalDeclarations / rate),
      restoreSeconds: Math.round(restoreSeconds * 10) / 10,
    };
  } finally {
    await db?.destroy();
    await conn.end();
  }
}

async function restore(
  q: <T>(sql: string, params?: unknown[]) => Promise<T[]>,
  campaignId: number,
  before: { status: string; version: number; compute_run_id: number | null; computed_at: Date | null },
  runId: number | null,
  log: Log,
) {
  await q(
    `UPDATE indicator_value v JOIN bench_compute_values b ON b.id = v.id
     SET v.achievement = b.achievement, v.achievement_reason = b.achievement_reason`,
  );
  await q(
    `UPDATE declaration d JOIN bench_compute_declarations b ON b.id = d.id
     SET d.projected_remuneration_cents = b.projected_remuneration_cents,
         d.computed_remuneration_cents = b.computed_remuneration_cents`,
  );
  await q('DELETE FROM declaration_snapshot WHERE campaign_id = ?', [campaignId]);
  await q(
    `INSERT INTO declaration_snapshot (declaration_id, campaign_id, snapshot)
     SELECT declaration_id, campaign_id, snapshot FROM bench_compute_snapshots ORDER BY declaration_id`,
  );
  await q('UPDATE campaign SET status = ?, version = ?, compute_run_id = ?, computed_at = ? WHERE id = ?', [
    before.status,
    before.version,
    before.compute_run_id,
    before.computed_at,
    campaignId,
  ]);
  if (runId !== null) {
    await q(
      "DELETE FROM campaign_history WHERE campaign_id = ? AND command IN ('COMPUTE_START', 'COMPUTE') AND at >= (SELECT started_at FROM campaign_run WHERE id = ?)",
      [campaignId, runId],
    );
    await q('DELETE FROM campaign_run WHERE id = ?', [runId]);
  }
  await q('DROP TABLE bench_compute_values');
  await q('DROP TABLE bench_compute_declarations');
  await q('DROP TABLE bench_compute_snapshots');
  log('compute: campaign given back as it was');
}

const settingsOf = (url: string) => ({ url, sqlitePath: '', poolSize: 4, queueLimit: 0, connectTimeoutMs: 10_000 });

/** Applies the pending migrations (the API's start-up does the same). */
async function migrate(databaseUrl: string, log: Log) {
  const db = await createDataSource(settingsOf(databaseUrl));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log(`compute: migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await db.destroy();
  }
}

export function computeTarget(r: ComputeResult | null | undefined): Target {
  const name = `computation of a campaign at national size (${NATIONAL_PROFESSIONALS.toLocaleString('en')} professionals) ≤ 5 min`;
  if (!r?.available || r.seconds === undefined || r.nationalSeconds === undefined) {
    return { name, pass: null, detail: r?.note ?? 'not run' };
  }
  const measured = (r.professionals ?? 0) >= NATIONAL_PROFESSIONALS;
  const at = measured ? r.seconds : r.nationalSeconds;
  return {
    name,
    pass: at <= COMPUTE_TARGET_SECONDS,
    detail:
      `${r.campaign}: ${r.declarations?.toLocaleString('en')} declarations (${r.indicatorValues?.toLocaleString('en')} values, ${r.receivedPieces} pieces still RECEIVED, forced) in ${r.seconds} s = ${r.declarationsPerSecond} declarations/s, ${r.batches} batches` +
      (measured
        ? ''
        : `; measured on ${r.professionals?.toLocaleString('en')} professionals, extrapolated linearly to ${r.nationalDeclarations?.toLocaleString('en')} declarations: ${(r.nationalSeconds / 60).toFixed(1)} min`),
  };
}
