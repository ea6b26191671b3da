/**
 * Prometheus metrics of one server process (prom-client): request and GraphQL operation latency,
 * errors by code, the database pool, transaction retries, login checks and background queues.
 * Served on METRICS_PORT (a port the public never reaches) or at /metrics with METRICS_TOKEN.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { passwordSlotStats } from '../agents/password-slots';
import { onTransactionRetry } from '../db/transaction-retry';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'mcbo_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const metrics = {
  httpDuration: new Histogram({
    name: 'mcbo_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  operationDuration: new Histogram({
    name: 'mcbo_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  errors: new Counter({
    name: 'mcbo_errors_total',
    help: 'Errors answered, by code (GraphQL extensions.code or REST error.code) and surface',
    labelNames: ['code', 'surface'] as const,
    registers: [registry],
  }),
  /** Incremented by the transaction runner each time a whole transaction is retried (deadlock, lock wait). */
  transactionRetries: new Counter({
    name: 'mcbo_transaction_retries_total',
    help: 'Transactions retried as a whole after a deadlock or a lock wait timeout',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
};

// Every transaction retried as a whole (deadlock 1213, lock wait 1205) is counted by its code.
onTransactionRetry((event) => {
  if (event.willRetry) metrics.transactionRetries.inc({ reason: event.code });
});

new Gauge({
  name: 'mcbo_login_verifications_in_flight',
  help: 'argon2 password verifications running now',
  registers: [registry],
  collect() {
    this.set(passwordSlotStats.inFlight);
  },
});
new Counter({
  name: 'mcbo_login_turned_away_total',
  help: 'Logins answered TOO_MANY_ATTEMPTS at once because every verification slot was taken',
  registers: [registry],
  collect() {
    this.reset();
    this.inc(passwordSlotStats.turnedAway);
  },
});

type QueueDepth = () => Promise<number> | number;
const queues = new Map<string, QueueDepth>();

/** Background work waiting or running, by queue. Registering a queue is one line: `registerQueue('outbox', fn)`. */
export function registerQueue(name: string, depth: QueueDepth): void {
  queues.set(name, depth);
}

new Gauge({
  name: 'mcbo_queue_depth',
  help: 'Background work waiting or running, by queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [name, depth] of queues) {
      try {
        this.set({ queue: name }, await depth());
      } catch {
        // An unreachable database leaves the gauge out rather than failing the scrape.
      }
    }
  },
});

interface MysqlPoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

let watched: DataSource | null = null;
const pool = () => (watched?.driver as unknown as { pool?: MysqlPoolInternals } | undefined)?.pool;

new Gauge({
  name: 'mcbo_db_pool_in_use',
  help: 'Database connections in use (0 with SQLite, which has no pool)',
  registers: [registry],
  collect() {
    const p = pool();
    this.set(p ? (p._allConnections?.length ?? 0) - (p._freeConnections?.length ?? 0) : 0);
  },
});
new Gauge({
  name: 'mcbo_db_pool_queued',
  help: 'Requests waiting for a database connection',
  registers: [registry],
  collect() {
    this.set(pool()?._connectionQueue?.length ?? 0);
  },
});

/** The database whose pool the gauges read: the process's one. */
export function watchPool(db: DataSource): void {
  watched = db;
}

const ROUTES = [
  '/graphql',
  '/api/files',
  '/api/recap',
  '/api/imports',
  '/api/exports',
  '/healthz',
  '/readyz',
  '/metrics',
];

/** A bounded label for a request path: its route prefix, or 'console' for the app shell and its assets. */
export function routeLabel(path: string): string {
  return ROUTES.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'console';
}

const operationNames = new Set<string>();

/** Operation names are chosen by clients: past 200 distinct ones (or a strange one), they count as 'other'. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= 200) return 'other';
  operationNames.add(name);
  return name;
}
