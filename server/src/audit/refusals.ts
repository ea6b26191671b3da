/**
 * Refusals (FORBIDDEN, and NOT_FOUND, which is how another caisse's record answers) go to the audit
 * trail aggregated: one ACCESS_REFUSED event per agent × operation × minute, with the count, so that an
 * agent probing shows up and a probe cannot flood the chain. Counts are kept in memory and written once
 * their minute is over (every 15 s, and when the server stops): a crash loses at most the last minute.
 */
import type { DataSource } from 'typeorm';
import type { AuthenticatedAgent } from '../agents/authorization';
import { logger } from '../logger';
import { recordAudit } from './audit.service';

export const REFUSED_CODES = new Set(['FORBIDDEN', 'NOT_FOUND']);

interface Bucket {
  agentId: number;
  caisseCode: string;
  operation: string;
  minute: number;
  forbidden: number;
  notFound: number;
}

const MINUTE = 60_000;
/** Past this many open buckets (a flood of distinct operations), they are written at once. */
const MAX_BUCKETS = 5_000;

export class RefusalTally {
  private readonly buckets = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one refusal; `operation` is a server-defined name (a root field, a REST route), never client text. */
  note(agent: AuthenticatedAgent | null, operation: string, code: string): void {
    if (!agent || !REFUSED_CODES.has(code)) return;
    const minute = Math.floor(this.now() / MINUTE) * MINUTE;
    const key = `${agent.id}|${operation}|${minute}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { agentId: agent.id, caisseCode: agent.caisseCode, operation, minute, forbidden: 0, notFound: 0 };
      this.buckets.set(key, bucket);
    }
    if (code === 'FORBIDDEN') bucket.forbidden += 1;
    else bucket.notFound += 1;
    if (this.buckets.size > MAX_BUCKETS) void this.flush(true);
  }

  /** Writes the buckets whose minute is over (all of them with `everything`), one event each. */
  flush(everything = false): Promise<void> {
    this.flushing = this.flushing.then(() => this.write(everything));
    return this.flushing;
  }

  private async write(everything: boolean): Promise<void> {
    const current = Math.floor(this.now() / MINUTE) * MINUTE;
    const due = [...this.buckets.entries()].filter(([, b]) => everything || b.minute < current);
    if (due.length === 0) return;
    for (const [key] of due) this.buckets.delete(key);
    try {
      await this.db.transaction(async (em) => {
        for (const [, b] of due) {
          await recordAudit(em, {
            agentId: b.agentId,
            action: 'ACCESS_REFUSED',
            caisseCode: b.caisseCode,
            details: {
              operation: b.operation,
              count: b.forbidden + b.notFound,
              forbidden: b.forbidden,
              notFound: b.notFound,
              minute: new Date(b.minute).toISOString(),
            },
          });
        }
      });
    } catch (error) {
      logger.warn({ err: error, events: due.length }, 'refusals not audited: the database did not answer');
    }
  }

  start(intervalMs = 15_000): void {
    this.timer ??= setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush(true);
  }
}
