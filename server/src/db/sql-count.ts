import { AsyncLocalStorage } from 'node:async_hooks';

/** The SQL statements of one counted request (tests and the benchmark read it in X-Sql-Statements). */
export interface SqlCount {
  statements: number;
}

/**
 * Counting SQL per request needs an `AsyncLocalStorage`, and on Node 20 an enabled one makes every
 * promise of the process run a hook: about a fifth of the API's CPU on its cheapest queries
 * (docs/performance.md, « API overhead »). So only requests that ask for a count run inside it, and the
 * storage is disabled again as soon as the last of them ends: the hooks are off for every other request.
 * The request id does not travel here: it is in the request's context and `res.locals`.
 */
const storage = new AsyncLocalStorage<SqlCount>();
let counting = 0;

/**
 * Runs `fn` (and everything it starts) with its statements counted into `count`; the returned function
 * ends the count (idempotent) and must be called when the request is over.
 */
export function countSql(count: SqlCount, fn: () => void): () => void {
  counting += 1;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    counting -= 1;
    // With no enabled instance left, Node turns its promise hooks off again.
    if (counting === 0) storage.disable();
  };
  try {
    storage.run(count, fn);
  } catch (error) {
    end();
    throw error;
  }
  return end;
}

/** The count of the request being served, when it asked for one. */
export const currentSqlCount = (): SqlCount | undefined => storage.getStore();

/** Runs `fn` outside any count: background work started by a request must not count in its statements. */
export const outsideSqlCount = <T>(fn: () => T): T => storage.exit(fn);

/** Whether a count is in flight, i.e. whether the storage (and Node's promise hooks) are on. */
export const sqlCountActive = (): boolean => counting > 0;
