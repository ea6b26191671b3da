/**
 * Walks the audit chain in id order and recomputes every hash: an edited row no longer matches its
 * hash, a deleted or inserted row breaks the link to its neighbour, a removed tail no longer
 * matches the head row.
 */
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { AuditEvent, AuditHead } from './audit-event.entity';
import { GENESIS_HASH, hashAuditRow } from './audit.service';

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; count: number; brokenId: number | null; reason: string };

const BATCH = 1000;

/** Runs in one read transaction: the rows and the head come from the same snapshot, whatever is written meanwhile. */
export function verifyAuditChain(db: DataSource): Promise<ChainVerdict> {
  return db.transaction((em) => walk(em));
}

async function walk(em: EntityManager): Promise<ChainVerdict> {
  const head = await em.getRepository(AuditHead).findOneBy({ id: 1 });
  if (!head) return { ok: false, count: 0, brokenId: null, reason: 'la ligne de tête audit_head est absente' };
  const repo = em.getRepository(AuditEvent);
  let previousHash = GENESIS_HASH;
  let previousId = 0;
  let count = 0;
  for (;;) {
    const rows = await repo.find({ where: { id: MoreThan(previousId) }, order: { id: 'ASC' }, take: BATCH });
    for (const row of rows) {
      if (row.prevHash !== previousHash) {
        return {
          ok: false,
          count,
          brokenId: row.id,
          reason:
            previousId === 0
              ? 'le premier événement ne part pas de l’origine de la chaîne (événements supprimés au début ?)'
              : `le lien avec l’événement précédent (${previousId}) est rompu (événement supprimé ou inséré ?)`,
        };
      }
      if (hashAuditRow(row) !== row.hash) {
        return {
          ok: false,
          count,
          brokenId: row.id,
          reason: 'son contenu ne correspond plus à son empreinte (modifié)',
        };
      }
      previousHash = row.hash;
      previousId = row.id;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (head.lastId !== previousId || head.lastHash !== previousHash) {
    return {
      ok: false,
      count,
      brokenId: head.lastId || null,
      reason: `la tête de chaîne désigne l’événement ${head.lastId}, le dernier présent est ${previousId} (fin du journal supprimée ou ajoutée ?)`,
    };
  }
  return { ok: true, count };
}
