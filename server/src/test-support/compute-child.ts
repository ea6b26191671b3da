/**
 * A campaign computation in its own process, for the crash tests: it runs the given run and kills
 * itself with SIGKILL (no cleanup, no rollback beyond the open transaction) once `MCBO_KILL_AFTER`
 * batches are committed. Usage: tsx compute-child.ts (settings in MCBO_CHILD_DB as JSON).
 */
import 'reflect-metadata';
import { runCampaignComputation } from '../campaigns/lifecycle/campaign-computation';
import { createDataSource, type DatabaseSettings } from '../db/data-source';

async function main() {
  const settings = JSON.parse(process.env.MCBO_CHILD_DB ?? '{}') as DatabaseSettings;
  const runId = Number(process.env.MCBO_RUN_ID);
  const killAfter = Number(process.env.MCBO_KILL_AFTER ?? 0);
  const batchSize = Number(process.env.MCBO_BATCH_SIZE ?? 1000);
  const db = await createDataSource(settings);
  await db.initialize();
  await runCampaignComputation(db, runId, {
    batchSize,
    hooks: {
      afterCommit: (batches) => {
        if (killAfter > 0 && batches >= killAfter) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
