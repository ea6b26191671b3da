/**
 * A real deadlock between two connections on MySQL/MariaDB: two agents decide the same row, both
 * having seen version 0. Each transaction reads the row with a shared lock, then updates it
 * conditionally on version 0. InnoDB kills one (1213); the retry runs it again as a whole, and its
 * conditional update now meets the winner's version: CONFLICT, as a service answers it.
 */
import { openTestDatabase, testDialect, type TestDatabase } from '../test-support/test-db';
import { onTransactionRetry, type TransactionRetryEvent } from './transaction-retry';

const mysqlOnly = testDialect() === 'mysql' ? describe : describe.skip;

mysqlOnly('transactions retried on a real deadlock', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.db.query('CREATE TABLE retry_probe (id INT PRIMARY KEY, version INT NOT NULL, owner VARCHAR(10) NULL)');
  });
  afterAll(() => t.close());

  /** Both sides hold the shared lock before either writes: a deadlock every time, not by luck. */
  function decide(owner: string, bothRead: Promise<void>, arrived: () => void, attempts: { n: number }) {
    return t.db.transaction(async (em) => {
      attempts.n += 1;
      await em.query('SELECT version FROM retry_probe WHERE id = 1 LOCK IN SHARE MODE');
      if (attempts.n === 1) {
        arrived();
        await bothRead;
      }
      const result = (await em.query(
        'UPDATE retry_probe SET version = version + 1, owner = ? WHERE id = 1 AND version = ?',
        [owner, 0],
      )) as { affectedRows: number };
      return result.affectedRows === 1 ? 'DECIDED' : 'CONFLICT';
    });
  }

  it('one wins, the other is retried and answers CONFLICT; the retry is reported', async () => {
    await t.db.query('DELETE FROM retry_probe');
    await t.db.query('INSERT INTO retry_probe (id, version) VALUES (1, 0)');
    const events: TransactionRetryEvent[] = [];
    const off = onTransactionRetry((e) => events.push(e));
    let count = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const arrived = () => {
      count += 1;
      if (count === 2) release();
    };
    const a = { n: 0 };
    const b = { n: 0 };
    const outcomes = await Promise.all([decide('a', bothRead, arrived, a), decide('b', bothRead, arrived, b)]);
    off();
    expect(outcomes.sort()).toEqual(['CONFLICT', 'DECIDED']);
    expect(events.filter((e) => e.code === 'ER_LOCK_DEADLOCK' && e.willRetry)).toHaveLength(1);
    expect(a.n + b.n).toBe(3);
    const [row] = (await t.db.query('SELECT version, owner FROM retry_probe WHERE id = 1')) as {
      version: number;
      owner: string;
    }[];
    expect(row!.version).toBe(1);
  });

  it('without the deadlock nothing is retried', async () => {
    const events: TransactionRetryEvent[] = [];
    const off = onTransactionRetry((e) => events.push(e));
    await t.db.transaction((em) => em.query('UPDATE retry_probe SET owner = NULL WHERE id = 1'));
    off();
    expect(events).toEqual([]);
  });
});
