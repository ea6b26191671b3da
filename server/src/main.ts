import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDataSource, describeConnectionError, dialectOf } from './db/data-source';
import { logger } from './logger';

async function main() {
  const config = loadConfig();
  const settings = {
    url: config.DATABASE_URL,
    sqlitePath: config.sqlitePath,
    poolSize: config.DB_POOL_SIZE,
    queueLimit: config.DB_QUEUE_LIMIT,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  };
  let db;
  try {
    db = await createDataSource(settings);
    await db.initialize();
  } catch (error) {
    console.error(describeConnectionError(settings, error));
    process.exit(2);
  }
  await db.runMigrations({ transaction: 'each' });
  const app = await createApp(config, db);
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.PORT, config.HOST, () => resolve());
  });
  logger.info({ port: config.PORT, dialect: dialectOf(settings) }, 'listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining HTTP, then closing the database pool');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
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
