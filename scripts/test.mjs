// `npm test`: install, make sure MySQL answers, then lint, typecheck, and one Jest run
// (unit + integration on SQLite + integration on MySQL + schema check) ending with its summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, run } from './lib.mjs';

async function main() {
  ensureDependencies();
  const { ensureMysql } = await import('./ensure-mysql.mjs');
  const serverUrl = await ensureMysql();
  const prefix = `mcbo_t${Date.now().toString(36)}`;
  const env = { ...process.env, TEST_DATABASE_URL: serverUrl, MCBO_TEST_DB_PREFIX: prefix, NODE_ENV: 'test' };

  console.log('› Lint');
  run('npx', ['eslint', '.', '--max-warnings', '0']);
  run('npx', ['prettier', '--check', '.', '--log-level', 'warn']);
  console.log('› Typecheck');
  run('npx', ['tsc', '-p', 'server/tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'client/tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'test/tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'bench/tsconfig.json', '--noEmit']);

  const report = path.join(os.tmpdir(), `${prefix}-jest.json`);
  let failed = false;
  try {
    run('npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { env });
  } catch {
    failed = true;
  } finally {
    await dropTestDatabases(serverUrl, prefix);
  }
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    // The plain closing line CI reads, after Jest's own summary.
    console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  }
  if (failed) process.exit(1);
}

async function dropTestDatabases(url, prefix) {
  const { default: mysql } = await import('mysql2/promise');
  const c = await mysql.createConnection({ uri: url });
  const [rows] = await c.query('SHOW DATABASES LIKE ?', [`${prefix}%`]);
  for (const row of rows) await c.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  await c.end();
}

main().catch((error) => {
  console.error(`✗ ${error.message}`);
  process.exit(error.exitCode ?? 1);
});
