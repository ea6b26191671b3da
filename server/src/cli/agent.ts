/** `npm run agent -- create|list|disable|enable …` (see agents/agent-cli.ts). Opens the database as main.ts does. */
import 'reflect-metadata';
import { runAgentCli } from '../agents/agent-cli';
import { ConfigError, loadConfig } from '../config';
import { createDataSource, describeConnectionError } from '../db/data-source';

async function main(): Promise<number> {
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
    return 2;
  }
  try {
    await db.runMigrations({ transaction: 'each' });
    return await runAgentCli(db, process.argv.slice(2), { out: console.log, err: console.error });
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `Erreur inattendue : ${(error as Error).message ?? error}`,
    );
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
