/**
 * The outbox worker. It claims due rows with one conditional UPDATE (QUEUED and due, or SENDING whose
 * lease expired because its worker died), so two workers never hold the same row; sends each; then
 * records SENT, or QUEUED again with exponential back-off, or FAILED with the reason after the last attempt.
 * Runs in the server process by default and as `npm run worker` for replicas; the same code on SQLite and MySQL.
 *
 * Guarantee: a message is never lost (a crash leaves it QUEUED or SENDING, picked up again when the lease
 * ends). A crash between the relay's acceptance and our SENT write re-sends that one message, with the same
 * Message-ID (receivers deduplicate on it; the .eml and letter files are simply replaced).
 */
import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource } from 'typeorm';
import { logger } from '../logger';
import { Communication } from './communication.entity';
import type { Config } from '../config';
import { createTransport, failureReason, type Transport } from './transport';

export interface WorkerOptions {
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  batchSize?: number;
  /** How long a claim holds before another worker may take the row over. */
  leaseMs?: number;
  concurrency?: number;
  now?: () => Date;
}

export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  readonly id = randomUUID();

  constructor(
    private readonly db: DataSource,
    private readonly transport: Transport,
    private readonly options: WorkerOptions,
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** Claims up to batchSize due rows for this worker; returns them. */
  async claim(): Promise<Communication[]> {
    const now = this.now();
    const repo = this.db.getRepository(Communication);
    const candidates = await repo
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where(
        new Brackets((qb) => {
          qb.where('c.status = :queued AND c.nextAttemptAt <= :now', { queued: 'QUEUED', now }).orWhere(
            'c.status = :sending AND c.claimedUntil < :now',
            { sending: 'SENDING' },
          );
        }),
      )
      .orderBy('c.nextAttemptAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(this.options.batchSize ?? 20)
      .getRawMany<{ id: number }>();
    if (candidates.length === 0) return [];
    const token = randomUUID();
    await repo
      .createQueryBuilder()
      .update(Communication)
      .set({
        status: 'SENDING',
        claimToken: token,
        claimedUntil: new Date(now.getTime() + (this.options.leaseMs ?? 120_000)),
        attempts: () => 'attempts + 1',
        version: () => 'version + 1',
      })
      .where('id IN (:...ids)', { ids: candidates.map((c) => Number(c.id)) })
      .andWhere(
        new Brackets((qb) => {
          qb.where('(status = :queued AND next_attempt_at <= :now)', { queued: 'QUEUED', now }).orWhere(
            '(status = :sending AND claimed_until < :now)',
            { sending: 'SENDING' },
          );
        }),
      )
      .execute();
    return repo.find({ where: { claimToken: token, status: 'SENDING' }, order: { id: 'ASC' } });
  }

  private async settle(row: Communication, error: unknown | null) {
    const now = this.now();
    const repo = this.db.getRepository(Communication);
    const mine = { id: row.id, claimToken: row.claimToken!, status: 'SENDING' as const };
    if (error === null) {
      await repo.update(mine, {
        status: 'SENT',
        sentAt: now,
        claimToken: null,
        claimedUntil: null,
        lastError: null,
        version: () => 'version + 1',
      });
      return;
    }
    const reason = failureReason(error);
    const last = row.attempts >= this.options.maxAttempts;
    logger.warn({ communicationId: row.id, attempt: row.attempts, reason, final: last }, 'message not sent');
    await repo.update(mine, {
      status: last ? 'FAILED' : 'QUEUED',
      nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts, this.options.retryBaseMs)),
      claimToken: null,
      claimedUntil: null,
      lastError: reason,
      version: () => 'version + 1',
    });
  }

  /** One pass: claim a batch and send it. Returns how many messages were handled. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    const concurrency = this.options.concurrency ?? 4;
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        let failure: unknown | null = null;
        try {
          await this.transport.send(row);
        } catch (error) {
          failure = error ?? new Error('échec inconnu');
        }
        await this.settle(row, failure);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    return rows.length;
  }

  /** Works until nothing is due; for tests and the bench. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.runOnce();
      if (handled === 0) return total;
      total += handled;
    }
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        this.running = this.drain();
        await this.running;
      } catch (error) {
        logger.error({ err: error }, 'outbox worker pass failed');
      } finally {
        this.running = null;
        if (!this.stopped) this.timer = setTimeout(() => void tick(), this.options.pollMs);
      }
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transport.close();
  }
}

/** The worker as configured by the environment (SMTP_URL, MAIL_FROM, OUTBOX_*). */
export function workerFromConfig(
  db: DataSource,
  config: Pick<
    Config,
    'SMTP_URL' | 'MAIL_FROM' | 'outboxDir' | 'OUTBOX_MAX_ATTEMPTS' | 'OUTBOX_RETRY_BASE_MS' | 'OUTBOX_POLL_MS'
  >,
  overrides: Partial<WorkerOptions> = {},
): OutboxWorker {
  const transport = createTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.outboxDir });
  return new OutboxWorker(db, transport, {
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: config.OUTBOX_RETRY_BASE_MS,
    pollMs: config.OUTBOX_POLL_MS,
    ...overrides,
  });
}
