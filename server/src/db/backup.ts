/**
 * Consistent copies of the database while the server runs: SQLite's online backup API, and for
 * MySQL/MariaDB `mariadb-dump --single-transaction` (one snapshot, no lock on InnoDB tables).
 * docs/operations.md gives the procedures; the stored documents are copied separately.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { DataSource } from 'typeorm';

/** Writes a copy of the SQLite database to `destination` page by page, readers and writers going on. */
export async function backupSqlite(db: DataSource, destination: string): Promise<void> {
  const handle = (db.driver as unknown as { databaseConnection: { backup(path: string): Promise<unknown> } })
    .databaseConnection;
  await handle.backup(destination);
}

/** The mariadb/mariadb-dump arguments for a mysql:// URL; the password goes through MYSQL_PWD, not argv. */
export function clientArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv; database: string } {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.slice(1));
  return {
    args: [`--host=${u.hostname}`, `--port=${u.port || '3306'}`, `--user=${decodeURIComponent(u.username) || 'root'}`],
    env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) },
    database,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string, output?: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input ? 'pipe' : 'ignore', output ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (input) fs.createReadStream(input).pipe(child.stdin!);
    if (output) child.stdout!.pipe(fs.createWriteStream(output));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} a échoué (code ${code}) : ${stderr.trim()}`)),
    );
  });
}

/** One consistent snapshot of every table (InnoDB) into an SQL file. */
export function backupMysql(url: string, destination: string): Promise<void> {
  const { args, env, database } = clientArgs(url);
  return run(
    'mariadb-dump',
    [...args, '--single-transaction', '--quick', '--routines', '--triggers', '--no-tablespaces', database],
    env,
    undefined,
    destination,
  );
}

/** Loads a dump into the (empty, existing) database of `url`. */
export function restoreMysql(url: string, source: string): Promise<void> {
  const { args, env, database } = clientArgs(url);
  return run('mariadb', [...args, database], env, source);
}
