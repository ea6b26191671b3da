/**
 * A database that is down, restarting or not answering is an outage, not a bug: the client gets
 * HTTP 503 and SERVICE_UNAVAILABLE with the seconds to wait, and the console offers to retry.
 */
import { AppError, ErrorCode } from './errors';

/** What the console waits before it offers to retry, and what Retry-After says. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Driver error codes (mysql2, Node sockets, SQLite) that mean the database could not be reached or used. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'CR_CONNECTION_ERROR',
  'CR_CONN_HOST_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

const UNAVAILABLE_MESSAGES = [
  /Queue limit reached/i,
  /Pool is closed/i,
  /connection is in closed state/i,
  /Connection lost/i,
  /connect ETIMEDOUT/i,
  /database is locked/i,
];

/** True when the error (or what it wraps: TypeORM's driverError, a cause) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (error instanceof AppError) return error.code === ErrorCode.SERVICE_UNAVAILABLE;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  return [e.driverError, e.cause, e.originalError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export const serviceUnavailable = (
  message = 'Le service est momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes.',
) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, {
    retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
    // Apollo reads this when the error is thrown while building the context; it never reaches the client.
    http: { status: 503, headers: new Map([['retry-after', String(OUTAGE_RETRY_AFTER_SECONDS)]]) },
  });

/** Rejects after `ms` when the promise has not settled: a frozen database must not hang a probe. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
