// `npm run test:browser`: the console in Debian's Chromium against the real server (SQLite, demo data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, buildIfStale, ensureDependencies, isRoot, run } from './lib.mjs';

ensureDependencies();
if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  if (!isRoot()) {
    console.error('✗ Chromium absent (/usr/bin/chromium) : installez le paquet Debian « chromium ».');
    process.exit(1);
  }
  console.log('› Installation de Chromium (Debian)…');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}
buildIfStale('serveur', ['server/src'], path.join(ROOT, 'server/dist/main.js'), [
  'run',
  'build',
  '-w',
  'server',
  '--silent',
]);
buildIfStale('console', ['client/src', 'client/index.html'], path.join(ROOT, 'client/dist/index.html'), [
  'run',
  'build',
  '-w',
  'client',
  '--silent',
]);

const report = path.join(os.tmpdir(), `mcbo-browser-${process.pid}.json`);
let failed = false;
try {
  run('npx', [
    'jest',
    '--config',
    'test/browser/jest.config.js',
    '--runInBand',
    '--ci',
    '--json',
    `--outputFile=${report}`,
  ]);
} catch {
  failed = true;
}
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  console.log(`\nbrowser: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
process.exit(failed ? 1 : 0);
