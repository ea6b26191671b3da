/**
 * Every transaction is retried as a whole when MySQL/MariaDB gives it up for a reason that a second
 * try may not meet: a deadlock (1213; on a Galera cluster also a certification failure, often raised at
 * COMMIT) or a lock wait timeout (1205). The server has already rolled the transaction back; the
 * retry runs the whole callback again, so its conditional update now sees the winner's row and the
 * service answers its typed CONFLICT instead of an INTERNAL_SERVER_ERROR.
 *
 * It is installed once on the DataSource's manager (see createDataSource), so every
 * `db.transaction(…)` of every service goes through it; nested `em.transaction` calls (savepoints)
 * are not retried on their own — only the outermost transaction can be.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

export const RETRYABLE_ERRNOS: ReadonlyMap<number, string> = new Map([
  [1213, 'ER_LOCK_DEADLOCK'],
  [1205, 'ER_LOCK_WAIT_TIMEOUT'],
]);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Back-off before the second attempt; doubled for each following one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

// Eight attempts: every decision also updates a few hot counter rows (progress_counter), which writers on
// several Galera nodes certify against each other; five could be spent under a burst of decisions.
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 8, maxDelayMs: 400 };

/** The retryable error code ('ER_LOCK_DEADLOCK'…) of a driver error or of TypeORM's wrapper, else null. */
export function retryableCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { errno?: unknown; code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.errno === 'number' && RETRYABLE_ERRNOS.has(e.errno)) return RETRYABLE_ERRNOS.get(e.errno) ?? null;
    if (typeof e.code === 'string' && [...RETRYABLE_ERRNOS.values()].includes(e.code)) return e.code;
    current = e.driverError ?? e.cause;
  }
  return null;
}

/**
 * Delay before attempt `attempt + 1` (attempt ≥ 1 has just failed): exponential, capped, with
 * "equal jitter" — half fixed, half random — so that the losers of one race do not collide again
 * in step. `random` returns a number in [0, 1).
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** What a retry listener is told; the metrics module counts these. */
export interface TransactionRetryEvent {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  code: string;
  delayMs: number;
  /** false when the attempts are exhausted and the error goes to the caller. */
  willRetry: boolean;
}

type RetryListener = (event: TransactionRetryEvent) => void;
const listeners = new Set<RetryListener>();

/** Subscribes to retried (and finally abandoned) transactions; returns the unsubscribe function. */
export function onTransactionRetry(listener: RetryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(event: TransactionRetryEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      /* a listener's failure must not change the transaction's outcome */
    }
  }
}

export interface RetryOptions {
  policy?: RetryPolicy;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for a non-retryable reason, or the attempts are spent. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? defaultSleep;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const code = retryableCode(error);
      if (!code) throw error;
      const willRetry = n < policy.maxAttempts;
      const delayMs = willRetry ? retryDelayMs(n, policy, options.random) : 0;
      notify({ attempt: n, code, delayMs, willRetry });
      if (!willRetry) throw error;
      await sleep(delayMs);
    }
  }
}

type TransactionFn = EntityManager['transaction'];

/**
 * Makes `db.transaction` / `db.manager.transaction` retry as a whole. Only MySQL/MariaDB raise
 * these errors; on SQLite the retry is inert, and transactions are queued instead: better-sqlite3
 * gives TypeORM one connection per process, so a second BEGIN while one transaction is open (two
 * requests, or a request and the audit linker) would fail — or run its statements inside the
 * other's transaction. A transaction opened from inside another (same async context) is not queued:
 * it fails at once, as before, rather than waiting for itself.
 */
export function installTransactionRetry(db: DataSource, options: RetryOptions = {}): void {
  const manager = db.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const retrying = (...args: unknown[]) => withRetry(() => original(...args), options);
  manager.transaction = (db.options.type === 'better-sqlite3' ? queued(retrying) : retrying) as TransactionFn;
}

function queued(run: (...args: unknown[]) => Promise<unknown>): (...args: unknown[]) => Promise<unknown> {
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  // On Node 20 an enabled AsyncLocalStorage runs a hook on every promise of the process: the storage is
  // disabled whenever no transaction is queued or running (db/sql-count.ts says what that costs).
  let pending = 0;
  const settled = () => {
    pending -= 1;
    if (pending === 0) inside.disable();
  };
  return (...args) => {
    if (inside.getStore()) return run(...args);
    pending += 1;
    const result = tail.then(() => inside.run(true, () => run(...args)));
    result.then(settled, settled);
    tail = result.catch(() => undefined);
    return result;
  };
}
