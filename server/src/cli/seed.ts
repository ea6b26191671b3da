/**
 * `npm run seed -- [--professionals N] [--seed 42] [--reset]`: loads a synthetic dataset (demo size by
 * default) into the configured database, with progress.
 */
import 'reflect-metadata';
import { runWithDatabase } from '../db/open';
import { FilesystemStorage } from '../files/storage';
import { seedDatabase } from '../seed';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

runWithDatabase(async (db, config) => {
  const professionals = Number(option('professionals') ?? 1500);
  const seed = Number(option('seed') ?? 42);
  if (!Number.isInteger(professionals) || professionals < 1 || professionals > 2_000_000) {
    console.error('--professionals : nombre entier entre 1 et 2 000 000 attendu.');
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error('--seed : nombre entier attendu.');
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
    log: console.log,
  });
  console.log(`Terminé : ${result.professionals} professionnels en ${result.seconds.toFixed(1)} s.`);
  return 0;
});
