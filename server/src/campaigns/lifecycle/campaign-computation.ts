/**
 * The computation of a campaign as a resumable run. Each batch (declarations in id order after the
 * run's cursor) is read and evaluated as the rules see a computed campaign; then one transaction writes
 * its changed atteintes and amounts, inserts its frozen snapshots (`declaration_snapshot`, one
 * multi-row statement) and advances the run's cursor from where the batch was read. A run killed at any
 * point resumes after its last committed batch, and a batch evaluated twice writes the same values. On
 * MySQL the next batch is read while the current one is evaluated and written. The last transaction
 * moves the campaign to COMPUTED (history, audit last).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.service';
import { bulkUpdateById, bulkUpsert } from '../../db/bulk';
import { Declaration, IndicatorValue } from '../../declarations/declaration.entity';
import { evaluateDeclaration } from '../../declarations/evaluation';
import { loadEvaluationInputs, type LoadedDeclaration } from '../../declarations/evaluation-inputs';
import { storedEvaluationChanges, storedOf } from '../../declarations/stored-evaluation';
import { logger } from '../../logger';
import { Campaign } from '../campaign.entity';
import { computeDue, snapshotOf } from './amounts';
import { CampaignHistory, CampaignRun } from './campaign-run.entity';
import { DeclarationSnapshot } from './declaration-snapshot.entity';

export const DEFAULT_COMPUTE_BATCH = 1_000;

export interface ComputationHooks {
  /** Called once a batch is committed (tests kill the process there, or hold the run to watch progress). */
  afterCommit?(batchIndex: number): void | Promise<void>;
}

export interface ComputationOptions {
  batchSize?: number;
  hooks?: ComputationHooks;
}

export type ComputationEnd = 'DONE' | 'TAKEN_OVER' | 'NOT_RUNNING';

/** Runs (or resumes) the run until every declaration of the campaign is computed. */
export async function runCampaignComputation(
  db: DataSource,
  runId: number,
  options: ComputationOptions = {},
): Promise<ComputationEnd> {
  const batchSize = options.batchSize ?? DEFAULT_COMPUTE_BATCH;
  // On MySQL the next batch is read while this one is evaluated and written (another pool connection):
  // the database and this process work at the same time. SQLite has one connection: batches in turn.
  const prefetch = db.options.type !== 'better-sqlite3';
  let next: Promise<ReadBatch> | null = null;
  try {
    for (;;) {
      const run = await db.getRepository(CampaignRun).findOneBy({ id: runId });
      if (!run || run.status === 'DONE') return 'NOT_RUNNING';
      const prefetched: ReadBatch | null = next ? await next : null;
      next = null;
      const batch =
        prefetched?.cursor === run.lastDeclarationId
          ? prefetched
          : await readBatch(db, run.campaignId, run.lastDeclarationId, batchSize);
      if (batch.ids.length === 0) {
        const step = await db.transaction((em) => finish(em, run));
        return step === 'FINISHED' ? 'DONE' : step;
      }
      if (prefetch) {
        next = readBatch(db, run.campaignId, batch.ids[batch.ids.length - 1]!, batchSize);
        // Awaited at the next turn (or below); never left rejected unobserved meanwhile.
        next.catch(() => undefined);
      }
      const evaluated = evaluateBatch(batch, run.campaignId, new Date());
      await db.transaction((em) => writeBatch(em, run, batch, evaluated));
      await options.hooks?.afterCommit?.(run.batchesCommitted);
    }
  } finally {
    // A read still under way finishes before the caller may close the pool.
    await (next as Promise<ReadBatch> | null)?.catch(() => undefined);
  }
}

type Step = 'FINISHED' | 'TAKEN_OVER';

/** The declarations after `cursor` in id order, with what the rules need (read outside the write transaction). */
interface ReadBatch {
  cursor: number;
  ids: number[];
  loaded: Map<number, LoadedDeclaration>;
}

async function readBatch(db: DataSource, campaignId: number, cursor: number, batchSize: number): Promise<ReadBatch> {
  const ids: number[] = (
    await db
      .getRepository(Declaration)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.campaignId = :campaignId AND d.id > :cursor', { campaignId, cursor })
      .orderBy('d.id', 'ASC')
      .limit(batchSize)
      .getRawMany<{ id: number | string }>()
  ).map((r) => Number(r.id));
  // The rows read are those only this batch writes (its declarations and their values): reading them
  // before the write transaction gives what reading them inside it would.
  return { cursor, ids, loaded: ids.length ? await loadEvaluationInputs(db.manager, ids) : new Map() };
}

interface EvaluatedBatch {
  at: Date;
  valueChanges: { id: number; achievement: IndicatorValue['achievement']; achievementReason: string }[];
  amounts: Pick<Declaration, 'id' | 'projectedRemunerationCents' | 'computedRemunerationCents'>[];
  snapshots: DeclarationSnapshot[];
  cents: number;
}

/** The rules as they read a computed campaign: a piece not validated by now can no longer save its indicator. */
function evaluateBatch(batch: ReadBatch, campaignId: number, at: Date): EvaluatedBatch {
  const out: EvaluatedBatch = { at, valueChanges: [], amounts: [], snapshots: [], cents: 0 };
  for (const [declarationId, entry] of batch.loaded) {
    const evaluation = evaluateDeclaration({ ...entry.input, campaignStatus: 'COMPUTED' });
    // Unchanged atteintes and amounts are not written again (a resumed or repeated batch writes little).
    out.valueChanges.push(...storedEvaluationChanges(storedOf(entry), evaluation).values);
    const due = computeDue(evaluation);
    out.cents += due;
    const { projectedRemunerationCents, computedRemunerationCents } = entry.declaration;
    if (projectedRemunerationCents !== due || computedRemunerationCents !== due)
      out.amounts.push({ id: declarationId, projectedRemunerationCents: due, computedRemunerationCents: due });
    out.snapshots.push({ declarationId, campaignId, snapshot: snapshotOf(evaluation, at, entry.input.values) });
  }
  return out;
}

/** One transaction: the batch's writes, then the run's cursor moved from where the batch was read. */
async function writeBatch(em: EntityManager, run: CampaignRun, batch: ReadBatch, evaluated: EvaluatedBatch) {
  const { ids } = batch;
  await bulkUpdateById(em, IndicatorValue, evaluated.valueChanges, ['achievement', 'achievementReason']);
  await bulkUpdateById(em, Declaration, evaluated.amounts, ['projectedRemunerationCents', 'computedRemunerationCents']);
  // One multi-row statement, prepared (megabytes of JSON are not escaped into the SQL text); an upsert,
  // so that a batch computed again leaves one row per declaration.
  await bulkUpsert(em, DeclarationSnapshot, evaluated.snapshots, ['declarationId'], ['snapshot'], [], {
    prepared: true,
  });
  // The cursor moves only from where this batch read it: of two processes resuming the same run, one writes.
  const advanced = await em
    .createQueryBuilder()
    .update(CampaignRun)
    .set({
      lastDeclarationId: ids[ids.length - 1]!,
      processedDeclarations: () => `processed_declarations + ${ids.length}`,
      batchesCommitted: () => 'batches_committed + 1',
      totalCents: () => `total_cents + ${evaluated.cents}`,
      heartbeatAt: evaluated.at,
      status: 'RUNNING',
    })
    .where('id = :id AND last_declaration_id = :cursor AND status <> :done', {
      id: run.id,
      cursor: batch.cursor,
      done: 'DONE',
    })
    .execute();
  if (!advanced.affected) {
    logger.warn({ runId: run.id }, 'campaign run advanced by another process: this one stops');
    // Roll this batch back: the other process writes (or wrote) the same values.
    throw new TakenOver();
  }
  run.lastDeclarationId = ids[ids.length - 1]!;
  run.batchesCommitted += 1;
}

class TakenOver extends Error {}

async function finish(em: EntityManager, run: CampaignRun): Promise<Step> {
  const now = new Date();
  const closed = await em
    .createQueryBuilder()
    .update(CampaignRun)
    .set({ status: 'DONE', finishedAt: now, heartbeatAt: now })
    .where('id = :id AND status <> :done', { id: run.id, done: 'DONE' })
    .execute();
  if (!closed.affected) return 'TAKEN_OVER';
  const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: run.campaignId });
  const moved = await em
    .createQueryBuilder()
    .update(Campaign)
    .set({ status: 'COMPUTED', computedAt: now, version: () => 'version + 1' })
    .where('id = :id AND status = :closed AND compute_run_id = :runId', {
      id: campaign.id,
      closed: 'CLOSED',
      runId: run.id,
    })
    .execute();
  if (!moved.affected) throw new Error(`campaign ${campaign.id} left CLOSED during run ${run.id}`);
  const finished = await em.getRepository(CampaignRun).findOneByOrFail({ id: run.id });
  await em.getRepository(CampaignHistory).insert({
    campaignId: campaign.id,
    fromStatus: 'CLOSED',
    toStatus: 'COMPUTED',
    agentId: run.agentId,
    at: now,
    reason: run.reason,
    command: 'COMPUTE',
    details: {
      runId: run.id,
      declarations: finished.processedDeclarations,
      totalCents: finished.totalCents,
      forced: run.forced,
      receivedPieces: run.receivedPieces,
    },
  });
  await recordAudit(em, {
    agentId: run.agentId,
    action: 'CAMPAIGN_COMPUTED',
    targetType: 'CAMPAIGN',
    targetId: campaign.id,
    details: { runId: run.id, declarations: finished.processedDeclarations, totalCents: finished.totalCents },
  });
  return 'FINISHED';
}

/** Runs the computation, turning a crash of this process's run into a FAILED run that a rerun resumes. */
export async function runCampaignComputationSafely(
  db: DataSource,
  runId: number,
  options: ComputationOptions = {},
): Promise<ComputationEnd | 'FAILED'> {
  try {
    return await runCampaignComputation(db, runId, options);
  } catch (error) {
    if (error instanceof TakenOver) return 'TAKEN_OVER';
    logger.error({ err: error, runId }, 'campaign computation failed');
    await db
      .getRepository(CampaignRun)
      .update(
        { id: runId, status: 'RUNNING' },
        { status: 'FAILED', errorMessage: String((error as Error).message).slice(0, 1000), heartbeatAt: new Date() },
      );
    return 'FAILED';
  }
}
