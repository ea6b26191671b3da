/**
 * Opens and migrates the configured database for the server and every CLI: one readable line and a
 * non-zero exit when it cannot be reached.
 */
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type Config } from '../config';
import { createDataSource, describeConnectionError, type DatabaseSettings } from './data-source';
import { detectGalera } from './galera';

export class DatabaseUnavailableError extends Error {}

export function databaseSettings(config: Config): DatabaseSettings {
  return {
    url: config.DATABASE_URL,
    sqlitePath: config.sqlitePath,
    poolSize: config.DB_POOL_SIZE,
    queueLimit: config.DB_QUEUE_LIMIT,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  };
}

export async function openDatabase(config: Config): Promise<DataSource> {
  const settings = databaseSettings(config);
  let db: DataSource;
  try {
    db = await createDataSource(settings);
    await db.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(describeConnectionError(settings, error));
  }
  await db.runMigrations({ transaction: 'each' });
  await detectGalera(db);
  return db;
}

/**
 * Runs a command-line tool against the database: configuration and connection errors become one line
 * on stderr and exit code 2; the tool's own result is its exit code.
 */
export function runWithDatabase(tool: (db: DataSource, config: Config) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const config = loadConfig();
    const db = await openDatabase(config);
    try {
      return await tool(db, config);
    } finally {
      await db.destroy();
    }
  };
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
