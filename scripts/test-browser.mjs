// `npm run test:browser`: the console in Debian's Chromium against the real server (SQLite, demo data).
// Installs Chromium when it is missing (as root), rebuilds server and console when their sources changed,
// then runs test/browser/ in band; the suite starts the server on a free port over a fresh DATA_DIR and
// stops it at the end. Ends with Jest's summary and one plain line: `browser: N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, buildIfStale, ensureDependencies, isRoot, run } from './lib.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (!isRoot()) {
    console.error(
      `✗ Chromium absent (${CHROMIUM}) : installez le paquet Debian « chromium » (apt-get install chromium).`,
    );
    process.exit(1);
  }
  console.log('› Installation de Chromium (paquet Debian)…');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}

/** The agents' pace as measured by test/browser/pace.test.ts: printed, never asserted as timings. */
function printPace() {
  const file = path.join(ROOT, 'test/browser/screenshots/pace.json');
  if (!fs.existsSync(file)) return;
  const rows = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file, { force: true });
  console.log('\nRythme mesuré (navigateur de la suite, serveur local) :');
  const width = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) console.log(`  ${r.what.padEnd(width)}  ${r.value.padStart(9)}  ${r.target}`);
}

function main() {
  ensureDependencies();
  ensureChromium();
  buildIfStale('serveur', ['server/src', 'server/tsconfig.json'], path.join(ROOT, 'server/dist/main.js'), [
    'run',
    'build',
    '-w',
    'server',
    '--silent',
  ]);
  buildIfStale(
    'console',
    ['client/src', 'client/index.html', 'client/vite.config.ts'],
    path.join(ROOT, 'client/dist/index.html'),
    ['run', 'build', '-w', 'client', '--silent'],
  );

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
      ...process.argv.slice(2),
    ]);
  } catch {
    failed = true;
  }
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    fs.rmSync(report, { force: true });
    // The plain closing line CI reads, after Jest's own summary.
    printPace();
    console.log(`\nbrowser: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    console.log(`Captures d’écran : ${path.relative(ROOT, path.join(ROOT, 'test/browser/screenshots'))}/`);
  } else {
    console.log('\nbrowser: 0 passed, 0 failed (aucun rapport : la suite n’a pas pu démarrer)');
  }
  process.exit(failed ? 1 : 0);
}

main();
