/**
 * The computation of a campaign as a resumable run. Each batch (declarations in id order after the
 * run's cursor) is evaluated as the rules see a computed campaign, its changed atteintes and amounts
 * written, its frozen snapshots inserted (`declaration_snapshot`, one multi-row statement), and the
 * run's cursor advanced, all in one transaction: a run killed at
 * any point resumes after its last committed batch, and a batch evaluated twice writes the same
 * values. The last transaction moves the campaign to COMPUTED (history, audit last).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.service';
import { bulkUpdateById, bulkUpsert } from '../../db/bulk';
import { Declaration, IndicatorValue } from '../../declarations/declaration.entity';
import { evaluateDeclaration } from '../../declarations/evaluation';
import { loadEvaluationInputs } from '../../declarations/evaluation-inputs';
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
  for (;;) {
    const run = await db.getRepository(CampaignRun).findOneBy({ id: runId });
    if (!run || run.status === 'DONE') return 'NOT_RUNNING';
    const step = await db.transaction((em) => computeBatch(em, run, batchSize));
    if (step === 'TAKEN_OVER') return step;
    if (step === 'FINISHED') return 'DONE';
    await options.hooks?.afterCommit?.(run.batchesCommitted);
  }
}

type Step = 'BATCH' | 'FINISHED' | 'TAKEN_OVER';

async function computeBatch(em: EntityManager, run: CampaignRun, batchSize: number): Promise<Step> {
  const ids: number[] = (
    await em
      .getRepository(Declaration)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.campaignId = :campaignId AND d.id > :cursor', {
        campaignId: run.campaignId,
        cursor: run.lastDeclarationId,
      })
      .orderBy('d.id', 'ASC')
      .limit(batchSize)
      .getRawMany<{ id: number | string }>()
  ).map((r) => Number(r.id));
  if (ids.length === 0) return finish(em, run);

  const now = new Date();
  const loaded = await loadEvaluationInputs(em, ids);
  const valueChanges: { id: number; achievement: IndicatorValue['achievement']; achievementReason: string }[] = [];
  const amounts: Pick<Declaration, 'id' | 'projectedRemunerationCents' | 'computedRemunerationCents'>[] = [];
  const snapshots: DeclarationSnapshot[] = [];
  let batchCents = 0;
  for (const [declarationId, entry] of loaded) {
    // The rules as they read a computed campaign: a piece not validated by now can no longer save its indicator.
    const evaluation = evaluateDeclaration({ ...entry.input, campaignStatus: 'COMPUTED' });
    // Unchanged atteintes and amounts are not written again (a resumed or repeated batch writes little).
    valueChanges.push(...storedEvaluationChanges(storedOf(entry), evaluation).values);
    const due = computeDue(evaluation);
    batchCents += due;
    const { projectedRemunerationCents, computedRemunerationCents } = entry.declaration;
    if (projectedRemunerationCents !== due || computedRemunerationCents !== due)
      amounts.push({ id: declarationId, projectedRemunerationCents: due, computedRemunerationCents: due });
    snapshots.push({
      declarationId,
      campaignId: run.campaignId,
      snapshot: snapshotOf(evaluation, now, entry.input.values),
    });
  }
  await bulkUpdateById(em, IndicatorValue, valueChanges, ['achievement', 'achievementReason']);
  await bulkUpdateById(em, Declaration, amounts, ['projectedRemunerationCents', 'computedRemunerationCents']);
  // One multi-row statement; an upsert, so that a batch computed again leaves one row per declaration.
  await bulkUpsert(em, DeclarationSnapshot, snapshots, ['declarationId'], ['snapshot']);
  // The cursor moves only from where this batch read it: of two processes resuming the same run, one writes.
  const advanced = await em
    .createQueryBuilder()
    .update(CampaignRun)
    .set({
      lastDeclarationId: ids[ids.length - 1]!,
      processedDeclarations: () => `processed_declarations + ${ids.length}`,
      batchesCommitted: () => 'batches_committed + 1',
      totalCents: () => `total_cents + ${batchCents}`,
      heartbeatAt: now,
      status: 'RUNNING',
    })
    .where('id = :id AND last_declaration_id = :cursor AND status <> :done', {
      id: run.id,
      cursor: run.lastDeclarationId,
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
  return 'BATCH';
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
