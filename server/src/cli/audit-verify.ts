/** `npm run audit:verify`: walks the audit chain; prints "OK: N events" or the first broken row, exit 1. */
import 'reflect-metadata';
import { verifyAuditChain } from '../audit/audit-verify';
import { runWithDatabase } from '../db/open';

runWithDatabase(async (db) => {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    console.log(`OK: ${verdict.count} events`);
    return 0;
  }
  console.error(
    `BROKEN: event ${verdict.brokenId ?? '?'} — ${verdict.reason} (${verdict.count} events verified before it)`,
  );
  return 1;
});
