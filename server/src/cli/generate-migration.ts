/**
 * Writes the next migration for both dialects from the difference between the entities and
 * the schema the existing migrations produce. Usage: npm run migration:generate -w server -- Name
 * MySQL side: MIGRATION_MYSQL_URL (default mysql://root@127.0.0.1:3306), a scratch database is used.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { createDataSource, type DatabaseSettings } from '../db/data-source';

async function pendingSql(settings: DatabaseSettings) {
  const ds = await createDataSource(settings);
  await ds.initialize();
  await ds.runMigrations();
  const log = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  return log;
}

function render(className: string, up: string[], down: string[]) {
  const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>');
  const className = `${name}${Date.now()}`;
  const base = { poolSize: 2, queueLimit: 0, connectTimeoutMs: 5000 };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-migration-'));
  const serverUrl = process.env.MIGRATION_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const scratch = `mcbo_migration_${process.pid}`;
  const admin = await mysql.createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${scratch}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const targets = [
      { dialect: 'sqlite', settings: { ...base, sqlitePath: path.join(tmp, 'scratch.sqlite') } },
      { dialect: 'mysql', settings: { ...base, sqlitePath: '', url: `${serverUrl}/${scratch}` } },
    ];
    for (const { dialect, settings } of targets) {
      const log = await pendingSql(settings);
      if (log.upQueries.length === 0) {
        console.log(`${dialect}: no difference`);
        continue;
      }
      const dir = path.join(__dirname, '..', 'db', 'migrations', dialect);
      const file = path.join(dir, `${className}.ts`);
      fs.writeFileSync(
        file,
        render(
          className,
          log.upQueries.map((q) => q.query),
          log.downQueries.reverse().map((q) => q.query),
        ),
      );
      console.log(`${dialect}: wrote ${path.relative(process.cwd(), file)} — add it to ${dialect}/index.ts`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
    await admin.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
