/**
 * Links the events requests insert unchained into one hash chain per caisse. One linker works at a
 * time across every server process and cluster node (the 'audit-linker' lease); it is resumable —
 * it simply takes the oldest unlinked events — and kill -9 safe: each batch is one transaction, so a
 * crash loses nothing and links nothing twice. Even if two linkers overlapped (an expired lease whose
 * holder was paused), the conditional updates below — an event is linked only while unlinked, a chain
 * head moves only from the position this batch read, and (chain, chainSeq) is unique — make the loser
 * roll back: a chain cannot fork.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { logger } from '../logger';
import { acquireLease, releaseLease } from '../db/lease';
import { AuditChain, AuditEvent } from './audit-event.entity';
import { chainOf, GENESIS_HASH, hashAuditRow } from './audit.service';

export const LINKER_LEASE = 'audit-linker';

/** Another linker moved a chain or linked an event while this batch was computed: roll it back. */
class LinkRaceError extends Error {}

interface ChainState {
  seq: number;
  lastId: number;
  hash: string;
  /** The head's lastSeq as read, or null when the chain has no head row yet. */
  readSeq: number | null;
}

/** Links up to `batchSize` of the oldest unlinked events in one transaction; returns how many it linked. */
export async function linkPendingEvents(db: DataSource, batchSize = 500): Promise<number> {
  try {
    return await db.transaction((em) => linkBatch(em, batchSize));
  } catch (error) {
    if (error instanceof LinkRaceError) return 0;
    throw error;
  }
}

async function linkBatch(em: EntityManager, batchSize: number): Promise<number> {
  const events = em.getRepository(AuditEvent);
  const pending = await events.find({ where: { chainSeq: IsNull() }, order: { id: 'ASC' }, take: batchSize });
  if (pending.length === 0) return 0;
  const keys = [...new Set(pending.map(chainOf))];
  const heads = await em.getRepository(AuditChain).findBy({ chain: In(keys) });
  const state = new Map<string, ChainState>(
    heads.map((h) => [h.chain, { seq: h.lastSeq, lastId: h.lastId, hash: h.lastHash, readSeq: h.lastSeq }]),
  );
  for (const event of pending) {
    const chain = chainOf(event);
    const current = state.get(chain) ?? { seq: 0, lastId: 0, hash: GENESIS_HASH, readSeq: null };
    const chainSeq = current.seq + 1;
    const prevHash = current.hash;
    const hash = hashAuditRow({ ...event, prevHash });
    const linked = await em
      .createQueryBuilder()
      .update(AuditEvent)
      .set({ chain, chainSeq, prevHash, hash })
      .where('id = :id AND chain_seq IS NULL', { id: event.id })
      .execute();
    if (linked.affected !== 1) throw new LinkRaceError();
    state.set(chain, { seq: chainSeq, lastId: event.id, hash, readSeq: current.readSeq });
  }
  for (const [chain, s] of state) {
    if (!keys.includes(chain)) continue;
    if (s.readSeq === null) {
      await em.getRepository(AuditChain).insert({ chain, lastSeq: s.seq, lastId: s.lastId, lastHash: s.hash });
      continue;
    }
    const moved = await em
      .createQueryBuilder()
      .update(AuditChain)
      .set({ lastSeq: s.seq, lastId: s.lastId, lastHash: s.hash })
      .where('chain = :chain AND last_seq = :readSeq', { chain, readSeq: s.readSeq })
      .execute();
    if (moved.affected !== 1) throw new LinkRaceError();
  }
  return pending.length;
}

export interface AuditLinkerOptions {
  /** Pause between rounds when there is nothing left to link. */
  intervalMs?: number;
  /** How long the lease outlives its last renewal: the take-over delay after a crash. */
  leaseMs?: number;
  batchSize?: number;
  /** Batches per round at most, so that the lease is renewed regularly under a backlog. */
  maxBatchesPerRound?: number;
}

/** The in-process linker: started with the server (AUDIT_LINKER=off leaves it to another process). */
export class AuditLinker {
  readonly holder = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly options: Required<AuditLinkerOptions>;

  constructor(
    private readonly db: DataSource,
    options: AuditLinkerOptions = {},
  ) {
    this.options = { intervalMs: 500, leaseMs: 10_000, batchSize: 500, maxBatchesPerRound: 20, ...options };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Waits for the current round, then gives the lease up so that another process takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
    if (this.db.isInitialized) await releaseLease(this.db, LINKER_LEASE, this.holder).catch(() => undefined);
  }

  /** One round: take or renew the lease, then link batches until none is full. Returns the events linked. */
  async runOnce(): Promise<number> {
    if (!(await acquireLease(this.db, LINKER_LEASE, this.holder, this.options.leaseMs))) return 0;
    let total = 0;
    for (let i = 0; i < this.options.maxBatchesPerRound && !this.stopped; i += 1) {
      const linked = await linkPendingEvents(this.db, this.options.batchSize);
      total += linked;
      if (linked < this.options.batchSize) break;
    }
    return total;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runOnce()
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'audit linker: round failed, retrying');
          return 0;
        })
        .then((linked) => {
          const backlog = linked >= this.options.batchSize * this.options.maxBatchesPerRound;
          this.schedule(backlog ? 0 : this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
