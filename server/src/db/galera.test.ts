import type { DataSource, EntityManager } from 'typeorm';
import { causalBarrier, detectGalera, isGalera, withCausalReads } from './galera';

/** A DataSource answering SHOW VARIABLES/STATUS as a server would, and recording every statement. */
function fakeDb(type: string, wsrepOn: string, wsrepReady = 'ON') {
  const statements: string[] = [];
  const query = async (sql: string) => {
    statements.push(sql);
    if (sql.includes('wsrep_on')) return [{ Variable_name: 'wsrep_on', Value: wsrepOn }];
    if (sql.includes('wsrep_ready')) return [{ Variable_name: 'wsrep_ready', Value: wsrepReady }];
    return [];
  };
  const manager = { query } as unknown as EntityManager;
  const db = {
    options: { type },
    query,
    createQueryRunner: () => ({ query, manager, release: async () => undefined }),
  } as unknown as DataSource;
  Object.assign(manager, { connection: db });
  return { db, manager, statements };
}

describe('Galera read-your-writes', () => {
  it.each([
    ['a Galera node, synced', 'mariadb', 'ON', 'ON', true],
    ['a Galera node not ready', 'mariadb', 'ON', 'OFF', false],
    ['a single MariaDB', 'mariadb', 'OFF', 'OFF', false],
    ['SQLite (never asked)', 'better-sqlite3', 'ON', 'ON', false],
  ])('%s → %s', async (_label, type, on, ready, expected) => {
    const { db } = fakeDb(type, on, ready);
    expect(await detectGalera(db)).toBe(expected);
    expect(isGalera(db)).toBe(expected);
  });

  it('waits for the cluster before a decision reads, then stops waiting', async () => {
    const { db, manager, statements } = fakeDb('mariadb', 'ON');
    await detectGalera(db);
    statements.length = 0;
    await causalBarrier(manager);
    expect(statements).toEqual([
      'SET SESSION wsrep_sync_wait = 1',
      'SELECT 1 FROM `lease` LIMIT 1',
      'SET SESSION wsrep_sync_wait = 0',
    ]);
  });

  it('reads the session on one connection that waits, and resets it even when the read fails', async () => {
    const { db, statements } = fakeDb('mariadb', 'ON');
    await detectGalera(db);
    statements.length = 0;
    await expect(
      withCausalReads(db, async (em) => {
        await em.query('SELECT session');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(statements).toEqual([
      'SET SESSION wsrep_sync_wait = 1',
      'SELECT session',
      'SET SESSION wsrep_sync_wait = 0',
    ]);
  });

  it('does nothing off Galera', async () => {
    const { db, manager, statements } = fakeDb('mariadb', 'OFF');
    await detectGalera(db);
    statements.length = 0;
    await causalBarrier(manager);
    expect(await withCausalReads(db, async (em) => (em === db ? 'pool' : 'runner'))).toBe('pool');
    expect(statements).toEqual([]);
  });
});
