/**
 * Read-your-writes on a MariaDB Galera cluster. Replication is virtually synchronous: a node may
 * not yet have applied what another committed a moment ago (a session opened through node 1, read on
 * node 2). `wsrep_sync_wait = 1` makes a read first wait until the node has applied every write set
 * the cluster had committed when the read began. It costs a cluster round trip, so the server asks for
 * it only where a stale read would be wrong: the session lookup and the first read of a decision.
 * Elsewhere (SQLite, a single MySQL/MariaDB server) these helpers do nothing.
 */
import type { DataSource, EntityManager } from 'typeorm';

const galera = new WeakMap<DataSource, boolean>();

/** Asks the server once, at start-up, whether it is a ready Galera node; remembered for this DataSource. */
export async function detectGalera(db: DataSource): Promise<boolean> {
  let on = false;
  if (db.options.type === 'mysql' || db.options.type === 'mariadb') {
    const rows = (await db.query("SHOW VARIABLES LIKE 'wsrep_on'")) as { Value?: string }[];
    on = rows[0]?.Value === 'ON';
    if (on) {
      const ready = (await db.query("SHOW STATUS LIKE 'wsrep_ready'")) as { Value?: string }[];
      on = ready[0]?.Value === 'ON';
    }
  }
  galera.set(db, on);
  return on;
}

export const isGalera = (db: DataSource): boolean => galera.get(db) ?? false;

/**
 * Inside a transaction, before its first read: waits until this node has caught up with the cluster,
 * then takes the transaction's snapshot (a consistent read), so that every read after it sees every
 * write committed anywhere before the decision began.
 */
export async function causalBarrier(em: EntityManager): Promise<void> {
  if (!isGalera(em.connection)) return;
  await em.query('SET SESSION wsrep_sync_wait = 1');
  try {
    await em.query('SELECT 1 FROM `lease` LIMIT 1');
  } finally {
    await em.query('SET SESSION wsrep_sync_wait = 0');
  }
}

/** Runs reads outside a transaction on one connection that waits for the cluster first (the session lookup). */
export async function withCausalReads<T>(db: DataSource, read: (em: EntityManager | DataSource) => Promise<T>) {
  if (!isGalera(db)) return read(db);
  const runner = db.createQueryRunner();
  try {
    await runner.query('SET SESSION wsrep_sync_wait = 1');
    try {
      return await read(runner.manager);
    } finally {
      await runner.query('SET SESSION wsrep_sync_wait = 0');
    }
  } finally {
    await runner.release();
  }
}
