/**
 * A fresh, migrated database per test file: SQLite in a temporary file, or a throw-away MySQL
 * database inside the run's prefix (scripts/test.mjs drops them all at the end).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseSettings, type Dialect } from '../db/data-source';

export interface TestDatabase {
  db: DataSource;
  dialect: Dialect;
  settings: DatabaseSettings;
  close(): Promise<void>;
}

export const testDialect = (): Dialect => (process.env.MCBO_TEST_DIALECT === 'mysql' ? 'mysql' : 'sqlite');

let counter = 0;

export async function openTestDatabase(): Promise<TestDatabase> {
  const dialect = testDialect();
  const base = { poolSize: 5, queueLimit: 0, connectTimeoutMs: 5000 };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-test-'));
  let settings: DatabaseSettings;
  let drop = async () => {};
  if (dialect === 'sqlite') {
    // The server's own file name, so that a server process given DATA_DIR=tmp opens this database.
    settings = { ...base, sqlitePath: path.join(tmp, 'mcbo.sqlite') };
  } else {
    const server = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/[^/]*$/, (m) =>
      m.includes(':') || m.includes('@') ? m : '',
    );
    const prefix = process.env.MCBO_TEST_DB_PREFIX ?? `mcbo_t${process.pid}`;
    const name = `${prefix}_${process.env.JEST_WORKER_ID ?? '0'}_${++counter}_${Date.now() % 100000}`;
    const admin = await mysql.createConnection(server);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    settings = { ...base, sqlitePath: '', url: `${server}/${name}` };
    drop = async () => {
      const conn = await mysql.createConnection(server);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const db = await createDataSource(settings);
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return {
    db,
    dialect,
    settings,
    async close() {
      if (db.isInitialized) await db.destroy();
      await drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
