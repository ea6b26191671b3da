/**
 * `npm run audit:verify`: walks every audit chain (one per caisse, the national one, the legacy one);
 * prints one line per chain and the events not linked yet. Exit 1 when a chain is broken.
 */
import 'reflect-metadata';
import { verifyAuditChains } from '../audit/audit-verify';
import { runWithDatabase } from '../db/open';

/** Beyond this, unlinked events mean that no linker is running (AUDIT_LINKER=off everywhere?). */
const STALE_BACKLOG_MS = 5 * 60_000;

runWithDatabase(async (db) => {
  const verdict = await verifyAuditChains(db);
  for (const chain of verdict.chains) {
    if (chain.ok) console.log(`OK: chain ${chain.chain}: ${chain.count} events`);
    else
      console.error(
        `BROKEN: chain ${chain.chain}: event ${chain.brokenId ?? '?'} — ${chain.reason} (${chain.count} events verified before it)`,
      );
  }
  if (verdict.unlinked > 0) {
    const age = verdict.oldestUnlinkedAt ? Date.now() - verdict.oldestUnlinkedAt.getTime() : 0;
    console.log(
      `PENDING: ${verdict.unlinked} events not linked yet (oldest ${verdict.oldestUnlinkedAt?.toISOString() ?? '?'})` +
        (age > STALE_BACKLOG_MS ? ' — the audit linker does not seem to run' : ''),
    );
  }
  console.log(`${verdict.ok ? 'OK' : 'BROKEN'}: ${verdict.count} events in ${verdict.chains.length} chains`);
  return verdict.ok ? 0 : 1;
});
