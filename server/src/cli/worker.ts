/**
 * `npm run worker`: an outbox worker replica (run as many as needed; they share the rows safely).
 * `--drain` sends what is due and exits; otherwise it polls until SIGTERM / SIGINT.
 */
import 'reflect-metadata';
import { workerFromConfig } from '../communications/worker';
import { runWithDatabase } from '../db/open';
import { logger } from '../logger';

runWithDatabase(async (db, config) => {
  const worker = workerFromConfig(db, config, {
    concurrency: Number(process.env.OUTBOX_CONCURRENCY ?? 4),
    batchSize: Number(process.env.OUTBOX_BATCH ?? 20),
    leaseMs: Number(process.env.OUTBOX_LEASE_MS ?? 120_000),
  });
  if (process.argv.includes('--drain')) {
    const sent = await worker.drain();
    await worker.stop();
    logger.info({ handled: sent, worker: worker.id }, 'outbox drained');
    return 0;
  }
  logger.info({ worker: worker.id, smtp: !!config.SMTP_URL }, 'outbox worker started');
  worker.start();
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await worker.stop();
  return 0;
});
