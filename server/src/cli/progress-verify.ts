/**
 * `npm run progress:verify`: recounts the progress counters from the base tables (professionals,
 * declarations, justificatifs, indicator values, payments) and prints every difference. Exit 1 on any.
 */
import 'reflect-metadata';
import { runWithDatabase } from '../db/open';
import { verifyCounters } from '../progress/counters';

runWithDatabase(async (db) => {
  const verdict = await verifyCounters(db);
  for (const d of verdict.differences.slice(0, 100)) {
    console.error(
      `DIFFERENCE: ${d.key}: counted n=${d.counted.n} amount=${d.counted.amountCents} computed=${d.counted.computedCents}, recounted n=${d.recounted.n} amount=${d.recounted.amountCents} computed=${d.recounted.computedCents}`,
    );
  }
  if (verdict.differences.length > 100) console.error(`… and ${verdict.differences.length - 100} more`);
  const ok = verdict.differences.length === 0;
  console.log(`${ok ? 'OK' : 'DIFFERENT'}: ${verdict.rows} counters, ${verdict.differences.length} differences`);
  return ok ? 0 : 1;
});
