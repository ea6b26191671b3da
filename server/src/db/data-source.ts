import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';
import { CountingLogger } from './sql-counter';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { installTransactionRetry } from './transaction-retry';

export type Dialect = 'sqlite' | 'mysql';

export interface DatabaseSettings {
  /** mysql://… or mariadb://…; undefined selects the embedded SQLite file. */
  url?: string;
  sqlitePath: string;
  poolSize: number;
  queueLimit: number;
  connectTimeoutMs: number;
}

export const dialectOf = (settings: Pick<DatabaseSettings, 'url'>): Dialect => (settings.url ? 'mysql' : 'sqlite');

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's (nullable defaults, index metadata):
 * the flavour is asked of the server rather than trusted from the URL scheme.
 */
export async function detectServerFlavour(url: string, connectTimeoutMs: number): Promise<'mysql' | 'mariadb'> {
  if (url.startsWith('mariadb:')) return 'mariadb';
  const connection = await mysql.createConnection({ uri: url, connectTimeout: connectTimeoutMs });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export function dataSourceOptions(
  settings: DatabaseSettings,
  flavour: 'mysql' | 'mariadb' = 'mysql',
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error', 'migration', 'warn'] as ('query' | 'error' | 'migration' | 'warn')[],
    logger: new CountingLogger(),
    maxQueryExecutionTime: 2000,
  };
  if (!settings.url) {
    fs.mkdirSync(path.dirname(settings.sqlitePath), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: settings.sqlitePath,
      migrations: SQLITE_MIGRATIONS,
      // WAL lets readers go on while a writer commits; busy_timeout waits instead of failing at once.
      prepareDatabase: (db: { pragma(s: string): unknown; prepare(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
        // TypeORM opens transactions with a deferred BEGIN. When another process shares the file, a
        // deferred transaction that read before another's commit cannot write and fails at once
        // (SQLITE_BUSY_SNAPSHOT, which busy_timeout does not cover). BEGIN IMMEDIATE takes the write
        // lock first, waiting for it, so concurrent decisions serialise and the loser sees CONFLICT.
        const prepare = db.prepare.bind(db);
        db.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE' : sql);
      },
    };
  }
  return {
    ...common,
    type: flavour,
    url: settings.url.replace(/^mariadb:/, 'mysql:'),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    migrations: MYSQL_MIGRATIONS,
    poolSize: settings.poolSize,
    connectTimeout: settings.connectTimeoutMs,
    extra: {
      connectionLimit: settings.poolSize,
      queueLimit: settings.queueLimit,
      connectTimeout: settings.connectTimeoutMs,
      waitForConnections: true,
    },
  };
}

/**
 * A DataSource not yet initialised; for MySQL URLs it first asks the server which flavour it is.
 * Its transactions retry as a whole on deadlocks and lock wait timeouts (transaction-retry.ts).
 */
export async function createDataSource(settings: DatabaseSettings): Promise<DataSource> {
  const flavour = settings.url ? await detectServerFlavour(settings.url, settings.connectTimeoutMs) : 'mysql';
  const db = new DataSource(dataSourceOptions(settings, flavour));
  installTransactionRetry(db);
  return db;
}

/** One readable line for the operator when the database cannot be reached. */
export function describeConnectionError(settings: DatabaseSettings, error: unknown): string {
  const err = error as { code?: string; message?: string };
  if (!settings.url) return `Base SQLite ${settings.sqlitePath} inaccessible : ${err.message ?? String(error)}`;
  let where = 'la base MySQL';
  try {
    const u = new URL(settings.url.replace(/^mariadb:/, 'mysql:'));
    where = `MySQL ${u.hostname}:${u.port || '3306'}/${u.pathname.slice(1)} (utilisateur ${decodeURIComponent(u.username) || '?'})`;
  } catch {
    /* the URL was validated by the configuration; keep the generic wording */
  }
  return `Connexion impossible à ${where} : ${err.code ? `${err.code} — ` : ''}${err.message ?? String(error)}`;
}
