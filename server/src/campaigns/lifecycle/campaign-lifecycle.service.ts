/**
 * Campaign lifecycle commands (national ADMIN): close, compute (a resumable run), mark paid. Every
 * command goes through `transitionCampaign`: conditional update on the version, history, audit last,
 * in one transaction. Expected refusals come back as data (CampaignRefused), never as exceptions.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Agent } from '../../agents/agent.entity';
import { Permission, caisseScope, requireNational, requirePermission } from '../../agents/authorization';
import type { AuditDetails } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import type { CampaignStatus, Scheme } from '../../common/enums';
import { badInput, notFound } from '../../common/errors';
import { parseId } from '../../common/ids';
import { outsideSqlCount } from '../../db/sql-count';
import { Declaration } from '../../declarations/declaration.entity';
import { findCampaign } from '../campaigns.service';
import type { RequestContext } from '../../common/request-context';
import { Justificatif } from '../../justificatifs/justificatif.entity';
import { logger } from '../../logger';
import { Caisse } from '../../professionals/caisse.entity';
import { Campaign } from '../campaign.entity';
import { campaignNode } from '../campaign.nodes';
import {
  checkCampaignTransition,
  checkComputationRequest,
  computationPreview,
  staleCampaign,
  type CampaignCommand,
  type CampaignRefusal,
  type ComputationPreview,
} from './campaign-lifecycle';
import { runCampaignComputationSafely, type ComputationOptions } from './campaign-computation';
import { CampaignHistory, CampaignRun } from './campaign-run.entity';
import { campaignRunNode } from './campaign-lifecycle.nodes';
import type {
  CampaignChangedNode,
  CampaignHistoryNode,
  CampaignRefusedNode,
  CampaignRunNode,
} from './campaign-lifecycle.types';

export type LifecycleResult = CampaignChangedNode | CampaignRefusedNode;

interface TransitionInput {
  campaignId: number;
  expectedVersion: number;
  command: CampaignCommand | 'COMPUTE_START';
  from: CampaignStatus;
  to: CampaignStatus;
  agentId: number | null;
  reason: string | null;
  /** Other columns the command sets with the status. */
  set?: Partial<Pick<Campaign, 'computeRunId' | 'paymentDate' | 'computedAt'>>;
  details?: AuditDetails;
  auditAction: string;
}

/**
 * The one transition path of a campaign: conditional UPDATE on (version, status), history row, audit
 * event last. Returns the refusal when another command won the race or the state does not allow it.
 */
export async function transitionCampaign(
  em: EntityManager,
  input: TransitionInput,
): Promise<{ campaign: Campaign } | { refusal: CampaignRefusal; campaign: Campaign }> {
  const query = em
    .createQueryBuilder()
    .update(Campaign)
    .set({ status: input.to, version: () => 'version + 1', ...(input.set ?? {}) })
    .where('id = :id AND version = :version AND status = :from', {
      id: input.campaignId,
      version: input.expectedVersion,
      from: input.from,
    });
  if (input.command === 'COMPUTE_START') query.andWhere('compute_run_id IS NULL');
  const update = await query.execute();
  const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: input.campaignId });
  if (!update.affected) {
    if (campaign.version !== input.expectedVersion) return { refusal: staleCampaign(campaign.version), campaign };
    const check = checkCampaignTransition(
      campaign.status,
      input.command === 'COMPUTE_START' ? 'COMPUTE' : input.command,
    );
    return {
      refusal: check.allowed ? { code: 'COMPUTATION_RUNNING', message: 'Un calcul est déjà en cours.' } : check.refusal,
      campaign,
    };
  }
  await em.getRepository(CampaignHistory).insert({
    campaignId: campaign.id,
    fromStatus: input.from,
    toStatus: input.to,
    agentId: input.agentId,
    at: new Date(),
    reason: input.reason,
    command: input.command,
    details: input.details ?? null,
  });
  await recordAudit(em, {
    agentId: input.agentId,
    action: input.auditAction,
    targetType: 'CAMPAIGN',
    targetId: campaign.id,
    details: { from: input.from, to: input.to, reason: input.reason, ...(input.details ?? {}) },
  });
  return { campaign };
}

function checkVersion(expectedVersion: number) {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('Version attendue invalide.', 'expectedVersion');
}

const refused = (refusal: CampaignRefusal, campaign: Campaign, preview: ComputationPreview | null = null) => ({
  ...refusal,
  campaign: campaignNode(campaign),
  preview,
});

/** OPEN → CLOSED: the window ends; received pieces are still checked until the computation. */
export async function closeCampaign(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
  expectedVersion: number,
): Promise<LifecycleResult> {
  const agent = requireNational(ctx.agent, Permission.MANAGE_CAMPAIGNS);
  checkVersion(expectedVersion);
  return ctx.db.transaction(async (em) => {
    const campaign = await findCampaign(em, year, scheme);
    const check = checkCampaignTransition(campaign.status, 'CLOSE');
    if (!check.allowed) return refused(check.refusal, campaign);
    const result = await transitionCampaign(em, {
      campaignId: campaign.id,
      expectedVersion,
      command: 'CLOSE',
      from: 'OPEN',
      to: 'CLOSED',
      agentId: agent.id,
      reason: null,
      auditAction: 'CAMPAIGN_CLOSED',
    });
    if ('refusal' in result) return refused(result.refusal, result.campaign);
    return { campaign: campaignNode(result.campaign), run: null };
  });
}

/** COMPUTED → PAID: the payment file was sent; later changes of a due amount become régularisations. */
export async function markCampaignPaid(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
  expectedVersion: number,
  paymentDate: string | null | undefined,
): Promise<LifecycleResult> {
  const agent = requireNational(ctx.agent, Permission.MANAGE_CAMPAIGNS);
  checkVersion(expectedVersion);
  return ctx.db.transaction(async (em) => {
    const campaign = await findCampaign(em, year, scheme);
    const check = checkCampaignTransition(campaign.status, 'MARK_PAID');
    if (!check.allowed) return refused(check.refusal, campaign);
    const paidOn = paymentDate ?? campaign.paymentDate ?? new Date().toISOString().slice(0, 10);
    const result = await transitionCampaign(em, {
      campaignId: campaign.id,
      expectedVersion,
      command: 'MARK_PAID',
      from: 'COMPUTED',
      to: 'PAID',
      agentId: agent.id,
      reason: null,
      set: { paymentDate: paidOn },
      details: { paymentDate: paidOn },
      auditAction: 'CAMPAIGN_PAID',
    });
    if ('refusal' in result) return refused(result.refusal, result.campaign);
    return { campaign: campaignNode(result.campaign), run: null };
  });
}

/** Received pieces per caisse (all caisses, or the agent's) and declarations of the campaign. */
async function previewOf(em: EntityManager, campaign: Campaign, scope: string[] | null): Promise<ComputationPreview> {
  const pieces = em
    .getRepository(Justificatif)
    .createQueryBuilder('j')
    .select('j.caisseCode', 'caisseCode')
    .addSelect('COUNT(*)', 'received')
    .where('j.campaignId = :campaignId AND j.status = :received', { campaignId: campaign.id, received: 'RECEIVED' })
    .groupBy('j.caisseCode');
  const declarations = em
    .getRepository(Declaration)
    .createQueryBuilder('d')
    .where('d.campaignId = :campaignId', { campaignId: campaign.id });
  if (scope) {
    pieces.andWhere('j.caisseCode IN (:...scope)', { scope });
    declarations.andWhere('d.caisseCode IN (:...scope)', { scope });
  }
  const [rows, count, caisses] = await Promise.all([
    pieces.getRawMany<{ caisseCode: string; received: number | string }>(),
    declarations.getCount(),
    em.getRepository(Caisse).find(),
  ]);
  const names = new Map(caisses.map((c) => [c.code, c.name]));
  return computationPreview(
    count,
    rows.map((r) => ({
      caisseCode: r.caisseCode,
      caisseName: names.get(r.caisseCode) ?? r.caisseCode,
      received: Number(r.received),
    })),
  );
}

/** What computing would do; superviseurs see their caisse's part. */
export async function campaignComputationPreview(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
): Promise<ComputationPreview> {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  return previewOf(ctx.db.manager, campaign, caisseScope(agent));
}

const active = new Map<number, Promise<unknown>>();

/** Starts (or resumes) the run in the background, once per process. */
export function launchComputation(db: DataSource, runId: number, options: ComputationOptions = {}): Promise<unknown> {
  const running = active.get(runId);
  if (running) return running;
  // Outside the request's scope: the run outlives the request and must not count in its statements.
  const job = outsideSqlCount(() => runCampaignComputationSafely(db, runId, options));
  active.set(runId, job);
  void job.finally(() => active.delete(runId));
  return job;
}

/** Waits for this process's run of the campaign, if any (tests, CLI). */
export const computationInProgress = (runId: number) => active.get(runId) ?? null;

export interface StartComputation {
  campaign: Campaign;
  expectedVersion: number;
  agentId: number | null;
  force: boolean;
  reason: string | null;
}

/**
 * The command: refuses while pieces remain unless forced with a reason, otherwise writes the run and
 * marks the campaign as computing in one transaction. A campaign whose run was interrupted resumes it.
 */
export async function startComputation(
  em: EntityManager,
  input: StartComputation,
): Promise<
  | { run: CampaignRun; campaign: Campaign }
  | { refusal: CampaignRefusal; campaign: Campaign; preview: ComputationPreview | null }
> {
  const { campaign } = input;
  if (campaign.computeRunId !== null && campaign.status === 'CLOSED') {
    // Interrupted (process killed, error): the same command resumes the same run.
    const run = await em.getRepository(CampaignRun).findOneByOrFail({ id: campaign.computeRunId });
    return { run, campaign };
  }
  const check = checkCampaignTransition(campaign.status, 'COMPUTE');
  if (!check.allowed) return { refusal: check.refusal, campaign, preview: null };
  const preview = await previewOf(em, campaign, null);
  const refusal = checkComputationRequest(preview, input);
  if (refusal) return { refusal, campaign, preview };
  const reason = input.reason?.trim() || null;
  const now = new Date();
  const inserted = await em.getRepository(CampaignRun).insert({
    campaignId: campaign.id,
    status: 'RUNNING',
    agentId: input.agentId,
    forced: preview.receivedPieces > 0,
    reason,
    receivedPieces: preview.receivedPieces,
    totalDeclarations: preview.declarations,
    processedDeclarations: 0,
    lastDeclarationId: 0,
    batchesCommitted: 0,
    totalCents: 0,
    startedAt: now,
    heartbeatAt: now,
    finishedAt: null,
    errorMessage: null,
  });
  const runId = Number(inserted.identifiers[0]?.id);
  const result = await transitionCampaign(em, {
    campaignId: campaign.id,
    expectedVersion: input.expectedVersion,
    command: 'COMPUTE_START',
    from: 'CLOSED',
    to: 'CLOSED',
    agentId: input.agentId,
    reason,
    set: { computeRunId: runId },
    details: {
      runId,
      declarations: preview.declarations,
      forced: preview.receivedPieces > 0,
      receivedPieces: preview.receivedPieces,
      perCaisse: preview.perCaisse.map((c) => `${c.caisseCode} : ${c.received}`),
    },
    auditAction: 'CAMPAIGN_COMPUTATION_STARTED',
  });
  if ('refusal' in result) {
    // Undo the run row: the refusal changes nothing.
    await em.getRepository(CampaignRun).delete({ id: runId });
    return { refusal: result.refusal, campaign: result.campaign, preview };
  }
  return { run: await em.getRepository(CampaignRun).findOneByOrFail({ id: runId }), campaign: result.campaign };
}

export async function computeCampaign(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
  expectedVersion: number,
  force: boolean,
  reason: string | null | undefined,
): Promise<LifecycleResult> {
  const agent = requireNational(ctx.agent, Permission.MANAGE_CAMPAIGNS);
  checkVersion(expectedVersion);
  const outcome = await ctx.db.transaction(async (em) =>
    startComputation(em, {
      campaign: await findCampaign(em, year, scheme),
      expectedVersion,
      agentId: agent.id,
      force,
      reason: reason ?? null,
    }),
  );
  if ('refusal' in outcome) return refused(outcome.refusal, outcome.campaign, outcome.preview);
  void launchComputation(ctx.db, outcome.run.id).catch((error: unknown) =>
    logger.error({ err: error, runId: outcome.run.id }, 'campaign computation could not run'),
  );
  return { campaign: campaignNode(outcome.campaign), run: campaignRunNode(outcome.run) };
}

/** A run's progress; superviseurs and administrators read it. */
export async function getCampaignRun(ctx: RequestContext, rawId: string): Promise<CampaignRunNode> {
  requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const run = await ctx.db.getRepository(CampaignRun).findOneBy({ id: parseId(rawId, 'Calcul') });
  if (!run) throw notFound('Calcul');
  return campaignRunNode(run);
}

export async function currentRunOf(ctx: RequestContext, computeRunId: number | null): Promise<CampaignRunNode | null> {
  if (computeRunId === null || !ctx.agent) return null;
  const run = await ctx.db.getRepository(CampaignRun).findOneBy({ id: computeRunId });
  return run ? campaignRunNode(run) : null;
}

export async function campaignHistory(ctx: RequestContext, campaignId: number): Promise<CampaignHistoryNode[]> {
  requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const rows = await ctx.db.getRepository(CampaignHistory).find({ where: { campaignId }, order: { id: 'ASC' } });
  const agentIds = [...new Set(rows.map((r) => r.agentId).filter((id): id is number => id !== null))];
  const agents = agentIds.length ? await ctx.db.getRepository(Agent).findBy(agentIds.map((id) => ({ id }))) : [];
  const names = new Map(agents.map((a) => [a.id, a.displayName]));
  return rows.map((r) => ({
    ...r,
    id: String(r.id),
    agentName: r.agentId === null ? null : (names.get(r.agentId) ?? null),
  }));
}
