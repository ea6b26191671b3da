/**
 * `npm run seed -- [--professionals N] [--seed 42] [--reset] [--today YYYY-MM-DD]`: loads a synthetic
 * dataset (demo size by default) into the configured database (SQLite under DATA_DIR, or DATABASE_URL),
 * printing progress. The same seed gives the same professionals and identifiers.
 */
import 'reflect-metadata';
import { runWithDatabase } from '../db/open';
import { FilesystemStorage } from '../files/storage';
import { DEMO_PROFESSIONALS, seedDatabase } from '../seed';

const USAGE = 'Usage : npm run seed -- [--professionals N] [--seed 42] [--reset] [--today AAAA-MM-JJ]';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

runWithDatabase(async (db, config) => {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const professionals = Number(option('professionals') ?? DEMO_PROFESSIONALS);
  const seed = Number(option('seed') ?? 42);
  const todayText = option('today');
  if (!Number.isInteger(professionals) || professionals < 1 || professionals > 2_000_000) {
    console.error(`--professionals : nombre entier entre 1 et 2 000 000 attendu.\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error(`--seed : nombre entier attendu.\n${USAGE}`);
    return 2;
  }
  const today = todayText === undefined ? new Date() : new Date(`${todayText}T09:00:00Z`);
  if (Number.isNaN(today.getTime()) || (todayText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(todayText))) {
    console.error(`--today : date AAAA-MM-JJ attendue.\n${USAGE}`);
    return 2;
  }
  if (process.argv.includes('--reset')) {
    console.log('Remise à zéro de la base…');
    await db.dropDatabase();
    await db.runMigrations({ transaction: 'each' });
  }
  const result = await seedDatabase(db, new FilesystemStorage(config.filesDir), {
    professionals,
    seed,
    today,
    log: console.log,
  });
  console.log(
    `Terminé : ${result.professionals} professionnels, ${result.rows} lignes en ${result.seconds.toFixed(1)} s.`,
  );
  return 0;
});
