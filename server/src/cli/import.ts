/**
 * `npm run import -- <kind> <file.csv> [--batch-size N]`: imports a national feed into the configured
 * database (national scope), with progress on stderr, the rejected rows in `<file>.report.csv` and a summary.
 * Exit code: 0 every row accepted, 3 some rows rejected, 1 the file or the run failed, 2 usage or database.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { runWithDatabase } from '../db/open';
import { profileReport, profiling, timed } from '../imports/profile';
import { CLI_NAMES, kindFromCliName } from '../imports/import-kinds';
import { createRun, cliBatchSize, fileReportSink, finishRun, runImport, type ImportProgress } from '../imports/runner';

const USAGE = `Usage : npm run import -- <type> <fichier (csv, txt ou zip)> [--batch-size N]
Types : ${Object.values(CLI_NAMES).join(', ')}`;

/** `--name value` or `--name=value`. */
function option(name: string): string | undefined {
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

// Arguments that are neither an option nor the value of a `--name value` option.
const takesValue = (a: string | undefined) => !!a && a.startsWith('--') && !a.includes('=');
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !takesValue(all[i - 1]));
const [kindName, file] = positional;
const kind = kindName ? kindFromCliName(kindName) : null;
const asked = option('batch-size');
const batchSize = asked === undefined ? null : Number(asked);

if (!kind || !file) {
  console.error(kindName && !kind ? `Type d'import inconnu : « ${kindName} ».\n${USAGE}` : USAGE);
  process.exit(2);
}
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
  console.error(`Fichier introuvable : ${file}`);
  process.exit(2);
}
if (batchSize !== null && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
  console.error('--batch-size : nombre entier entre 1 et 10 000 attendu.');
  process.exit(2);
}

const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR');
const duration = (seconds: number | null) =>
  seconds === null
    ? '?'
    : seconds >= 60
      ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
      : `${Math.round(seconds)} s`;

function progressLine(p: ImportProgress): string {
  const percent = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 0;
  return `${percent} % — ${fmt(p.rowsRead)} lignes, ${fmt(p.rowsPerSecond)} lignes/s, reste ~${duration(p.etaSeconds)} (rejetées : ${fmt(p.rejected)})`;
}

runWithDatabase(async (db) => {
  const size = batchSize ?? cliBatchSize(db);
  const absolute = path.resolve(file);
  const reportPath = `${absolute}.report.csv`;
  const totalBytes = fs.statSync(absolute).size;
  const run = await createRun(db, {
    kind,
    fileId: null,
    fileName: path.basename(absolute).slice(0, 255),
    agentId: null,
    caisseCode: null,
    totalBytes,
  });
  const report = fileReportSink(reportPath);
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  // Test hook: a real crash — SIGKILL inside a batch's transaction (on MySQL the next batch is then
  // reading on a second connection).
  const crashAt = process.env.NODE_ENV === 'test' ? Number(process.env.MCBO_IMPORT_CRASH_AT_BATCH ?? NaN) : NaN;
  console.error(`Import ${CLI_NAMES[kind]} de ${absolute} (${fmt(totalBytes)} octets, lots de ${fmt(size)} lignes)…`);
  let progress: ImportProgress;
  try {
    progress = await runImport({
      db,
      runId: run.id,
      kind,
      source: fs.createReadStream(absolute, { highWaterMark: 256 * 1024 }),
      totalBytes,
      scope: null,
      report,
      batchSize: size,
      hooks: Number.isInteger(crashAt)
        ? {
            beforeCommit: (batch) => {
              if (batch === crashAt) process.kill(process.pid, 'SIGKILL');
            },
          }
        : undefined,
      onProgress: (p) => {
        if (Date.now() - lastPrinted < 1000) return;
        lastPrinted = Date.now();
        process.stderr.write(tty ? `\r${progressLine(p)}\u001b[K` : `${progressLine(p)}\n`);
      },
    });
  } catch (error) {
    await report.close().catch(() => {});
    const failed = await finishRun(db, run, { error });
    if (tty) process.stderr.write('\n');
    console.error(`Échec : ${failed.errorMessage}`);
    console.error(
      `Lignes traitées avant l'échec : ${fmt(failed.rowsRead)} (lots validés : ${failed.batchesCommitted}). Relancer le même fichier complète l'import.`,
    );
    return 1;
  }
  await report.close();
  await timed('end: finishRun', () => finishRun(db, run, { progress }));
  if (profiling()) console.error(profileReport());
  if (tty) process.stderr.write('\n');
  console.log(
    [
      `Terminé en ${duration(progress.elapsedMs / 1000)} (${fmt(progress.rowsPerSecond)} lignes/s).`,
      `Lues : ${fmt(progress.rowsRead)} — insérées : ${fmt(progress.inserted)}, mises à jour : ${fmt(progress.updated)}, inchangées : ${fmt(progress.unchanged)}, rejetées : ${fmt(progress.rejected)}.`,
      ...(progress.skipped > 0 || progress.unknown > 0 || progress.absent > 0
        ? [
            `Hors champ : ${fmt(progress.skipped)} — professionnels inconnus du répertoire : ${fmt(progress.unknown)}, connus mais absents du fichier : ${fmt(progress.absent)} (listés dans le rapport).`,
          ]
        : []),
      `Rapport : ${reportPath}`,
      `Mémoire : pic ${fmt(process.resourceUsage().maxRSS / 1024)} Mo.`,
    ].join('\n'),
  );
  return progress.rejected > 0 ? 3 : 0;
});
