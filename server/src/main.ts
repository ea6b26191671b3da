import 'reflect-metadata';
import { createApp } from './app';
import { AuditLinker } from './audit/audit-linker';
import { ConfigError, loadConfig } from './config';
import { dialectOf } from './db/data-source';
import { DatabaseUnavailableError, openDatabase } from './db/open';
import { FilesystemStorage } from './files/storage';
import { shippedTemplates } from './communications/templates';
import { workerFromConfig } from './communications/worker';
import { logger } from './logger';
import { ChildExtractor } from './precheck/extractor';
import { startPrecheckLoop } from './precheck/runner';
import { demoAccountsBanner, loadDemoDataIfEmpty } from './seed';

async function main() {
  const config = loadConfig();
  shippedTemplates(); // message templates are référentiel data: a faulty file stops the start, naming it
  const db = await openDatabase(config);
  const storage = new FilesystemStorage(config.filesDir);
  if (process.env.MCBO_SEED_ON_FIRST_RUN === 'true') {
    await loadDemoDataIfEmpty(db, storage, (message) => console.log(message));
  }
  const app = await createApp(config, db, storage);
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.PORT, config.HOST, () => resolve());
  });
  const linker = config.AUDIT_LINKER === 'on' ? new AuditLinker(db) : null;
  linker?.start();
  logger.info({ port: config.PORT, dialect: dialectOf({ url: config.DATABASE_URL }) }, 'listening');
  if (config.METRICS_PORT) {
    await new Promise<void>((resolve, reject) => {
      app.metricsServer.once('error', reject);
      app.metricsServer.listen(config.METRICS_PORT, config.METRICS_HOST, () => resolve());
    });
    logger.info({ port: config.METRICS_PORT, host: config.METRICS_HOST }, 'metrics listening');
  }
  console.log(await demoAccountsBanner(db, config.PORT));
  // The outbox worker runs here unless replicas run it (`npm run worker`, OUTBOX_WORKER=false here).
  const worker = config.OUTBOX_WORKER ? workerFromConfig(db, config) : null;
  worker?.start();
  const precheck = config.PRECHECK_WORKER
    ? startPrecheckLoop({ db, storage: app.storage, extractor: new ChildExtractor() })
    : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining HTTP, then closing the database pool');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await worker?.stop();
    await precheck?.stop();
    await linker?.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(error.message);
    process.exit(2);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Le port est déjà utilisé : ${(error as Error).message}. Choisissez-en un autre avec PORT=…`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
});
