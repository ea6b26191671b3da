import { QueryFailedError, type DataSource } from 'typeorm';
import {
  DEFAULT_RETRY_POLICY,
  installTransactionRetry,
  onTransactionRetry,
  retryDelayMs,
  retryableCode,
  withRetry,
  type TransactionRetryEvent,
} from './transaction-retry';

const driverError = (errno: number, code: string) => Object.assign(new Error(code), { errno, code });
const wrapped = (errno: number, code: string) => new QueryFailedError('COMMIT', [], driverError(errno, code));

describe('retryableCode', () => {
  it.each([
    ['a deadlock from mysql2', driverError(1213, 'ER_LOCK_DEADLOCK'), 'ER_LOCK_DEADLOCK'],
    ['a deadlock wrapped by TypeORM (raised at COMMIT)', wrapped(1213, 'ER_LOCK_DEADLOCK'), 'ER_LOCK_DEADLOCK'],
    ['a lock wait timeout', wrapped(1205, 'ER_LOCK_WAIT_TIMEOUT'), 'ER_LOCK_WAIT_TIMEOUT'],
    ['a code without errno', Object.assign(new Error('x'), { code: 'ER_LOCK_DEADLOCK' }), 'ER_LOCK_DEADLOCK'],
    ['a cause chain', new Error('outer', { cause: driverError(1213, 'ER_LOCK_DEADLOCK') }), 'ER_LOCK_DEADLOCK'],
    ['a duplicate key (not transient)', wrapped(1062, 'ER_DUP_ENTRY'), null],
    ['a lost connection (the commit may have happened)', driverError(2013, 'PROTOCOL_CONNECTION_LOST'), null],
    ['a plain error', new Error('boom'), null],
    ['not an error', 'ER_LOCK_DEADLOCK', null],
  ])('%s', (_label, error, expected) => {
    expect(retryableCode(error)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 60 };
  it.each([
    // attempt that failed, random, delay
    [1, 0, 5],
    [1, 0.999999, 10],
    [2, 0, 10],
    [2, 0.5, 15],
    [3, 1, 40],
    [4, 0, 30], // 80 capped at 60: half fixed
    [9, 1, 60],
  ])('after attempt %i with random %d waits %i ms', (attempt, random, delay) => {
    expect(retryDelayMs(attempt, policy, () => random)).toBe(delay);
  });

  it('spreads the losers of one race: the jitter is half the ceiling', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelayMs(3, policy, () => r)));
    expect(delays.size).toBe(4);
  });
});

describe('withRetry', () => {
  const noSleep = jest.fn(async (_ms: number) => {});
  let events: TransactionRetryEvent[];
  let unsubscribe: () => void;
  beforeEach(() => {
    events = [];
    noSleep.mockClear();
    unsubscribe = onTransactionRetry((e) => events.push(e));
  });
  afterEach(() => unsubscribe());

  it('runs the whole attempt again after a deadlock, then returns its result', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw wrapped(1213, 'ER_LOCK_DEADLOCK');
        return 'CONFLICT';
      },
      { sleep: noSleep, random: () => 0 },
    );
    expect(result).toBe('CONFLICT');
    expect(calls).toBe(3);
    expect(noSleep.mock.calls.map(([ms]) => ms)).toEqual([4, 8]);
    expect(events).toEqual([
      { attempt: 1, code: 'ER_LOCK_DEADLOCK', delayMs: 4, willRetry: true },
      { attempt: 2, code: 'ER_LOCK_DEADLOCK', delayMs: 8, willRetry: true },
    ]);
  });

  it('gives up after maxAttempts and hands the last error to the caller', async () => {
    let calls = 0;
    const error = wrapped(1205, 'ER_LOCK_WAIT_TIMEOUT');
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw error;
        },
        { sleep: noSleep },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(events.at(-1)).toMatchObject({ attempt: DEFAULT_RETRY_POLICY.maxAttempts, willRetry: false });
  });

  it('never retries any other error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw wrapped(1062, 'ER_DUP_ENTRY');
        },
        { sleep: noSleep },
      ),
    ).rejects.toThrow('ER_DUP_ENTRY');
    expect(calls).toBe(1);
    expect(events).toEqual([]);
  });

  it('a failing listener does not change the outcome', async () => {
    const off = onTransactionRetry(() => {
      throw new Error('listener down');
    });
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          if (calls === 1) throw driverError(1213, 'ER_LOCK_DEADLOCK');
          return 1;
        },
        { sleep: noSleep },
      ),
    ).resolves.toBe(1);
    off();
  });
});

describe('installTransactionRetry on SQLite', () => {
  /** A DataSource stand-in whose transactions record when they run. */
  function fakeSqlite() {
    const log: string[] = [];
    const manager = {
      async transaction(name: string, work?: () => Promise<void>) {
        log.push(`begin ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        if (work) await work();
        log.push(`end ${name}`);
        return name;
      },
    };
    const db = { manager, options: { type: 'better-sqlite3' } } as unknown as DataSource;
    installTransactionRetry(db);
    const transaction = manager.transaction as (name: string, work?: () => Promise<void>) => Promise<string>;
    return { log, transaction };
  }

  it('queues transactions, runs one opened inside another at once, and queues again once idle', async () => {
    const { log, transaction } = fakeSqlite();
    const results = await Promise.all([
      transaction('a', async () => {
        await transaction('a.inner');
      }),
      transaction('b'),
    ]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['begin a', 'begin a.inner', 'end a.inner', 'end a', 'begin b', 'end b']);
    // Idle in between (the storage disabled): a later pair is still queued, not taken for nested.
    log.length = 0;
    await Promise.all([transaction('c'), transaction('d')]);
    expect(log).toEqual(['begin c', 'end c', 'begin d', 'end d']);
  });
});
