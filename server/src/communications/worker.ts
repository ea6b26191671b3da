/**
 * The outbox worker. It claims due rows with one conditional UPDATE (QUEUED and due, or SENDING whose
 * lease expired because its worker died), so two workers never hold the same row; sends each; then
 * records SENT, or QUEUED again with exponential back-off, or FAILED with the reason after the last attempt.
 * Runs in the server process by default and as `npm run worker` for replicas; the same code on SQLite and MySQL.
 *
 * Leases: a claim holds for `leaseMs`. While a batch is in hand the worker renews the lease of its rows
 * (a heartbeat every leaseMs/4, and once more right before handing each rendered message over, conditional
 * on its claim token), so
 * a batch that takes longer than the lease is never taken over by another worker while its owner lives.
 * Right before sending a row the worker checks, with that conditional update, that it still owns it; a
 * row it lost (its process stalled beyond the lease and another worker took the row over) is not sent.
 * `drain()` returns only when nothing due is left, including rows another worker (alive or dead) holds:
 * it waits for them to be settled or for their lease to end, then takes them over.
 *
 * Guarantee: at-least-once, never lost; a duplicate only for a message whose send was in flight when its
 * worker died (or stalled beyond the lease mid-send). That message is re-sent with the same Message-ID
 * (receivers deduplicate on it; the .eml and letter files are simply replaced). See docs/communications.md.
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
        claimedUntil: this.leaseEnd(now),
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
      const sent = await repo.update(mine, {
        status: 'SENT',
        sentAt: now,
        claimToken: null,
        claimedUntil: null,
        lastError: null,
        version: () => 'version + 1',
      });
      if (sent.affected !== 1) logger.warn({ communicationId: row.id }, 'sent, but the claim was taken over meanwhile');
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

  /**
   * When a claim made now ends: rounded up to the whole second, because MySQL DATETIME keeps seconds
   * (it would round .5 s and above up and below down, so a lease could end before it began).
   */
  private leaseEnd(now = this.now()) {
    return new Date(Math.ceil((now.getTime() + this.leaseMs) / 1000) * 1000);
  }

  private get leaseMs() {
    return this.options.leaseMs ?? 120_000;
  }

  /** Extends the lease of every row this claim still holds. */
  private async renew(token: string) {
    await this.db
      .getRepository(Communication)
      .update({ claimToken: token, status: 'SENDING' }, { claimedUntil: this.leaseEnd() });
  }

  /** Renews this row's lease if (and only if) the claim still owns it: the check right before a send. */
  private async stillOwns(row: Communication): Promise<boolean> {
    const result = await this.db
      .getRepository(Communication)
      .update({ id: row.id, claimToken: row.claimToken!, status: 'SENDING' }, { claimedUntil: this.leaseEnd() });
    return result.affected === 1;
  }

  /** One pass: claim a batch and send it. Returns how many messages were handled. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const token = rows[0]!.claimToken!;
    let renewing: Promise<void> = Promise.resolve();
    const heartbeat = setInterval(
      () => {
        renewing = renewing
          .then(() => this.renew(token))
          .catch((error: unknown) => logger.warn({ err: error }, 'outbox lease not renewed'));
      },
      Math.max(10, Math.floor(this.leaseMs / 4)),
    );
    const concurrency = this.options.concurrency ?? 4;
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        let failure: unknown | null = null;
        try {
          // Rendered first; the ownership check (and lease renewal) comes right before the hand-over.
          if (!(await this.transport.send(row, () => this.stillOwns(row)))) {
            logger.warn({ communicationId: row.id, worker: this.id }, 'claim lost before sending: not sent');
            continue;
          }
        } catch (error) {
          failure = error ?? new Error('échec inconnu');
        }
        await this.settle(row, failure);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    } finally {
      clearInterval(heartbeat);
      await renewing;
    }
    return rows.length;
  }

  /** How many rows are SENDING (held by a live worker, or by a dead one until its lease ends). */
  async inFlight(): Promise<number> {
    return this.db.getRepository(Communication).count({ where: { status: 'SENDING' } });
  }

  /**
   * Works until nothing is due and nothing is in flight: rows another worker holds are waited for (they
   * get settled, or their lease ends and this worker takes them over). Rows waiting for a retry later
   * (back-off) are left to the polling workers. For `npm run worker -- --drain`, tests and the bench.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      total += await this.sendDue();
      if ((await this.inFlight()) === 0) return total;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.pollMs, this.leaseMs)));
    }
  }

  /** Claims and sends batches until none is due (the polling loop's pass). */
  private async sendDue(): Promise<number> {
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
        this.running = this.sendDue();
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
