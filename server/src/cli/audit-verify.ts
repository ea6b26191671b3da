/** `npm run audit:verify`: walks the audit chain; prints "OK: N events" or the first broken row, exit 1. */
import 'reflect-metadata';
import { verifyAuditChain } from '../audit/audit-verify';
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
    const verdict = await verifyAuditChain(db);
    if (verdict.ok) {
      console.log(`OK: ${verdict.count} events`);
      return 0;
    }
    console.error(
      `BROKEN: event ${verdict.brokenId ?? '?'} — ${verdict.reason} (${verdict.count} events verified before it)`,
    );
    return 1;
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
