/**
 * `npm run migrate`: applies the pending migrations of the configured database (as the server does at
 * start-up) and lists what the database now records, so that a release can migrate before traffic.
 */
import 'reflect-metadata';
import { runWithDatabase } from '../db/open';

runWithDatabase(async (db) => {
  // openDatabase has already run what was pending, each migration in its own transaction.
  const applied = (await db.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
  console.log(`Migrations appliquées (${applied.length}) : ${applied.map((m) => m.name).join(', ')}`);
  return 0;
});
