/**
 * Walks every audit chain in its order and recomputes every hash: an edited row no longer matches
 * its hash, a deleted or inserted row breaks the link to its neighbour, a removed tail no longer
 * matches the chain's head row. Events not yet linked (the linker's backlog) are counted and dated.
 */
import { IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { AuditChain, AuditEvent } from './audit-event.entity';
import { GENESIS_HASH, hashAuditRow } from './audit.service';

export type ChainVerdict =
  | { ok: true; chain: string; count: number }
  | { ok: false; chain: string; count: number; brokenId: number | null; reason: string };

export interface AuditVerdict {
  ok: boolean;
  /** Linked events verified, all chains together. */
  count: number;
  chains: ChainVerdict[];
  /** Events recorded but not linked yet; they are verified once linked. */
  unlinked: number;
  oldestUnlinkedAt: Date | null;
}

const BATCH = 1000;

/** Runs in one read transaction: the rows and the heads come from the same snapshot, whatever is written meanwhile. */
export function verifyAuditChains(db: DataSource): Promise<AuditVerdict> {
  return db.transaction((em) => verifyAll(em));
}

async function verifyAll(em: EntityManager): Promise<AuditVerdict> {
  const heads = await em.getRepository(AuditChain).find({ order: { chain: 'ASC' } });
  const used = (await em
    .getRepository(AuditEvent)
    .createQueryBuilder('e')
    .select('DISTINCT e.chain', 'chain')
    .where('e.chain IS NOT NULL')
    .getRawMany()) as { chain: string }[];
  const byName = new Map(heads.map((h) => [h.chain, h]));
  const names = [...new Set([...byName.keys(), ...used.map((u) => u.chain)])].sort();
  const chains: ChainVerdict[] = [];
  for (const name of names) chains.push(await walk(em, name, byName.get(name) ?? null));
  const events = em.getRepository(AuditEvent);
  const unlinked = await events.countBy({ chainSeq: IsNull() });
  const oldest = unlinked > 0 ? await events.findOne({ where: { chainSeq: IsNull() }, order: { id: 'ASC' } }) : null;
  return {
    ok: chains.every((c) => c.ok),
    count: chains.reduce((sum, c) => sum + c.count, 0),
    chains,
    unlinked,
    oldestUnlinkedAt: oldest?.at ?? null,
  };
}

async function walk(em: EntityManager, chain: string, head: AuditChain | null): Promise<ChainVerdict> {
  if (!head) {
    return { ok: false, chain, count: 0, brokenId: null, reason: `la tête de la chaîne ${chain} est absente` };
  }
  const repo = em.getRepository(AuditEvent);
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  let previousId = 0;
  let count = 0;
  const broken = (brokenId: number | null, reason: string): ChainVerdict => ({
    ok: false,
    chain,
    count,
    brokenId,
    reason,
  });
  for (;;) {
    const rows = await repo.find({
      where: { chain, chainSeq: MoreThan(previousSeq) },
      order: { chainSeq: 'ASC' },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== previousHash) {
        return broken(
          row.id,
          previousId === 0
            ? 'le premier événement ne part pas de l’origine de la chaîne (événements supprimés au début ?)'
            : `le lien avec l’événement précédent (${previousId}) est rompu (événement supprimé ou inséré ?)`,
        );
      }
      if (hashAuditRow({ ...row, prevHash: row.prevHash }) !== row.hash) {
        return broken(row.id, 'son contenu ne correspond plus à son empreinte (modifié)');
      }
      previousHash = row.hash;
      previousSeq = row.chainSeq ?? previousSeq;
      previousId = row.id;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (head.lastSeq !== previousSeq || head.lastHash !== previousHash) {
    return broken(
      head.lastId || null,
      `la tête de chaîne désigne l’événement ${head.lastId}, le dernier présent est ${previousId || 'aucun'} (fin du journal supprimée ou ajoutée ?)`,
    );
  }
  return { ok: true, chain, count };
}

/** All chains at once, in the shape callers of the single chain knew: the first broken chain, if any. */
export async function verifyAuditChain(
  db: DataSource,
): Promise<{ ok: true; count: number } | { ok: false; count: number; brokenId: number | null; reason: string }> {
  const verdict = await verifyAuditChains(db);
  const broken = verdict.chains.find((c) => !c.ok);
  if (!broken || broken.ok) return { ok: true, count: verdict.count };
  return {
    ok: false,
    count: verdict.count,
    brokenId: broken.brokenId,
    reason: `chaîne ${broken.chain} : ${broken.reason}`,
  };
}
