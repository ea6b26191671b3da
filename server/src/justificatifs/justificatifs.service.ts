/**
 * The conseiller's work: the queue, and decisions that are conditional updates on the version,
 * so that of two agents deciding at once exactly one wins. Every transition writes its history row,
 * its audit event and the re-evaluated atteinte in one transaction.
 */
import { Brackets, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import {
  Permission,
  assertInScope,
  can,
  effectiveCaisses,
  inScope,
  requirePermission,
  type AuthenticatedAgent,
} from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { REJECTION_REASONS, type RejectionReason } from '../common/enums';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import {
  assertCampaignOpenForDecisions,
  ensureDeclaration,
  findCampaign,
  indicatorNodes,
  recomputeDeclaration,
  remunerationNode,
} from '../declarations/declarations.service';
import { StoredFile } from '../files/stored-file.entity';
import type { RequestContext } from '../graphql/context';
import { Professional } from '../professionals/professional.entity';
import { Precheck } from '../precheck/precheck.entity';
import { enqueuePrecheck, recordPrecheckConfirmation } from '../precheck/precheck.service';
import { Justificatif, JustificatifHistory, type ChecklistEntry, type JustificatifAction } from './justificatif.entity';
import { checkTransition, heldByAnother } from './justificatif.machine';
import type {
  ChecklistItemInput,
  JustificatifDecisionResult,
  JustificatifNode,
  JustificatifQueueFilter,
  ReceiveJustificatifInput,
} from './justificatif.types';

const DAY_MS = 86_400_000;
const MAX_COMMENT = 2000;

export function justificatifNode(row: Justificatif, now = Date.now()): JustificatifNode {
  return {
    ...row,
    id: String(row.id),
    ageDays: Math.max(0, Math.floor((now - row.receivedAt.getTime()) / DAY_MS)),
    fileUrl: row.fileId ? `/api/files/${row.fileId}` : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Queue

/** One justificatif, for the review screen; another caisse's reads as unknown. */
export async function getJustificatif(ctx: RequestContext, rawId: string): Promise<JustificatifNode> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const id = parseId(rawId, 'Justificatif');
  const row = await ctx.db.getRepository(Justificatif).findOneBy({ id });
  return justificatifNode(assertInScope(agent, row, 'Justificatif'));
}

export async function justificatifQueue(
  ctx: RequestContext,
  filter: JustificatifQueueFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const limit = pageSize(first);
  const view = filter?.view ?? 'TO_PROCESS';
  const oldestFirst = filter?.oldestFirst ?? true;
  const cursor = decodeCursor(after, ['string', 'number'] as const);
  const caisses = effectiveCaisses(agent, filter?.caisseCode);
  const emptyPage = { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  if (caisses && caisses.length === 0) return emptyPage;

  const where = ctx.db.getRepository(Justificatif).createQueryBuilder('j');
  if (view === 'PROCESSED') where.where('j.status IN (:...decided)', { decided: ['VALIDATED', 'REJECTED'] });
  else where.where('j.status = :received', { received: 'RECEIVED' });
  if (view === 'TO_PROCESS') where.andWhere('j.assignedAgentId IS NULL');
  if (view === 'MINE') where.andWhere('j.assignedAgentId = :me', { me: agent.id });
  if (caisses) where.andWhere('j.caisseCode IN (:...caisses)', { caisses });
  if (filter?.profession) where.andWhere('j.profession = :profession', { profession: filter.profession });
  if (filter?.contradictionDetected) {
    where.andWhere(
      `j.id IN ${where.subQuery().select('p.justificatif_id').from(Precheck, 'p').where('p.contradictions > 0').getQuery()}`,
    );
  }
  if (filter?.campaignYear !== undefined && filter?.campaignYear !== null) {
    const campaigns = await ctx.loaders.campaigns();
    const ids = campaigns
      .filter((c) => c.referenceYear === filter.campaignYear && (!filter.scheme || c.scheme === filter.scheme))
      .map((c) => c.id);
    if (ids.length === 0) return emptyPage;
    where.andWhere('j.campaignId IN (:...campaignIds)', { campaignIds: ids });
    if (filter.indicatorCode) {
      const indicators = await ctx.db
        .getRepository(Indicator)
        .find({ where: { campaignId: In(ids), code: filter.indicatorCode }, select: { id: true } });
      if (indicators.length === 0) return emptyPage;
      where.andWhere('j.indicatorId IN (:...indicatorIds)', { indicatorIds: indicators.map((i) => i.id) });
    }
  } else if (filter?.indicatorCode) {
    throw badInput("Le filtre par indicateur demande l'année de campagne.", 'indicatorCode');
  }
  const now = Date.now();
  for (const [bound, op] of [
    [filter?.minAgeDays, '<='],
    [filter?.maxAgeDays, '>='],
  ] as const) {
    if (bound === null || bound === undefined) continue;
    if (!Number.isInteger(bound) || bound < 0 || bound > 3650) throw badInput('Âge en jours invalide.', 'minAgeDays');
    where.andWhere(`j.receivedAt ${op} :${op === '<=' ? 'olderThan' : 'newerThan'}`, {
      [op === '<=' ? 'olderThan' : 'newerThan']: new Date(now - bound * DAY_MS),
    });
  }

  const totalCount = await where.clone().getCount();
  const page = where
    .clone()
    .orderBy('j.receivedAt', oldestFirst ? 'ASC' : 'DESC')
    .addOrderBy('j.id', oldestFirst ? 'ASC' : 'DESC');
  if (cursor) applyKeyset(page, new Date(cursor[0]), cursor[1], oldestFirst);
  const rows = await page.take(limit + 1).getMany();
  const result = toPage(
    rows.map((r) => justificatifNode(r, now)),
    limit,
    (n) => [n.receivedAt.toISOString(), Number(n.id)],
  );
  return { ...result, totalCount };
}

function applyKeyset(query: SelectQueryBuilder<Justificatif>, receivedAt: Date, id: number, ascending: boolean) {
  if (Number.isNaN(receivedAt.getTime())) throw badInput('Curseur de pagination invalide.', 'after');
  const op = ascending ? '>' : '<';
  query.andWhere(
    new Brackets((qb) =>
      qb
        .where(`j.receivedAt ${op} :cursorAt`, { cursorAt: receivedAt })
        .orWhere(
          new Brackets((tie) =>
            tie.where('j.receivedAt = :cursorAt').andWhere(`j.id ${op} :cursorId`, { cursorId: id }),
          ),
        ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Decisions

type Decision =
  | { action: 'VALIDATED'; checklist: ChecklistItemInput[] | null | undefined }
  | { action: 'REJECTED'; reasons: RejectionReason[]; comment: string | null | undefined };

function validateDecisionInput(decision: Decision, indicator: Indicator): ChecklistEntry[] | null {
  if (decision.action === 'REJECTED') {
    if (decision.reasons.length === 0) throw badInput('Indiquez au moins un motif de rejet.', 'reasons');
    if (decision.reasons.some((r) => !REJECTION_REASONS.includes(r)))
      throw badInput('Motif de rejet inconnu.', 'reasons');
    if (new Set(decision.reasons).size !== decision.reasons.length)
      throw badInput('Motif de rejet en double.', 'reasons');
    if ((decision.comment ?? '').length > MAX_COMMENT)
      throw badInput('Commentaire trop long (2 000 caractères au plus).', 'comment');
    return null;
  }
  if (!decision.checklist) return null;
  const items = indicator.definition.justificatif.checklist ?? [];
  const known = new Map(items.map((i) => [i.code, i]));
  const seen = new Set<string>();
  for (const entry of decision.checklist) {
    if (!known.has(entry.code)) throw badInput(`Élément de contrôle inconnu : « ${entry.code} ».`, 'checklist');
    if (seen.has(entry.code)) throw badInput(`Élément de contrôle en double : ${entry.code}.`, 'checklist');
    seen.add(entry.code);
  }
  const missing = items.filter((i) => i.required && !decision.checklist!.some((e) => e.code === i.code && e.checked));
  if (missing.length > 0) {
    throw badInput(
      `Validation impossible : la pièce doit montrer ${missing.map((m) => `« ${m.label} »`).join(', ')}. Rejetez-la avec le motif correspondant.`,
      'checklist',
    );
  }
  return decision.checklist.map((e) => ({ code: e.code, checked: e.checked }));
}

async function decidedByLabel(em: EntityManager, row: Justificatif): Promise<Record<string, unknown>> {
  const decider = row.decidedByAgentId ? await em.getRepository(Agent).findOneBy({ id: row.decidedByAgentId }) : null;
  return {
    status: row.status,
    decidedBy: decider ? { id: String(decider.id), displayName: decider.displayName } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** CONFLICT for a piece a colleague has taken, naming them in `extensions.assignedTo` (the console shows who). */
async function heldConflict(
  em: EntityManager,
  assignedAgentId: number | null,
  message: (holder: string) => string,
  details: Record<string, unknown> = {},
): Promise<AppError> {
  const holder = assignedAgentId ? await em.getRepository(Agent).findOneBy({ id: assignedAgentId }) : null;
  return new AppError(ErrorCode.CONFLICT, message(holder?.displayName ?? 'un autre agent'), {
    ...details,
    assignedTo: holder ? { id: String(holder.id), displayName: holder.displayName } : null,
  });
}

const decideHeldConflict = (em: EntityManager, assignedAgentId: number) =>
  heldConflict(
    em,
    assignedAgentId,
    (who) => `Ce justificatif est pris en charge par ${who} : lui seul peut le décider.`,
    {
      status: 'RECEIVED',
    },
  );

function conflictMessage(details: Record<string, unknown>): string {
  const who = (details.decidedBy as { displayName: string } | null)?.displayName ?? 'un autre agent';
  const what = details.status === 'VALIDATED' ? 'validé' : 'rejeté';
  return `Ce justificatif a déjà été ${what} par ${who}. L'affichage a été actualisé.`;
}

export async function decideJustificatif(
  ctx: RequestContext,
  rawId: string,
  expectedVersion: number,
  decision: Decision,
): Promise<JustificatifDecisionResult> {
  const agent = requirePermission(ctx.agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = parseId(rawId, 'Justificatif');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('Version attendue invalide.', 'expectedVersion');

  return ctx.db.transaction(async (em) => {
    const repo = em.getRepository(Justificatif);
    const row = assertInScope(agent, await repo.findOneBy({ id }), 'Justificatif');
    const indicator = await em.getRepository(Indicator).findOneByOrFail({ id: row.indicatorId });
    const checklist = validateDecisionInput(decision, indicator);
    const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: row.campaignId });
    assertCampaignOpenForDecisions(campaign);

    const transition = checkTransition(row.status, decision.action);
    if (!transition.allowed) {
      const details = await decidedByLabel(em, row);
      throw new AppError(ErrorCode.CONFLICT, conflictMessage(details), details);
    }
    if (heldByAnother(row.assignedAgentId, agent.id)) throw await decideHeldConflict(em, row.assignedAgentId!);
    if (row.version !== expectedVersion) {
      throw new AppError(
        ErrorCode.STALE_VERSION,
        'Le justificatif a changé depuis votre lecture : rechargez-le avant de décider.',
        { currentVersion: row.version },
      );
    }

    const now = new Date();
    const declaredSoftware = decision.action === 'VALIDATED' ? await currentDeclaredSoftware(em, row) : null;
    const update = await repo
      .createQueryBuilder()
      .update(Justificatif)
      .set({
        status: transition.to,
        decidedByAgentId: agent.id,
        decidedAt: now,
        rejectionReasons: decision.action === 'REJECTED' ? decision.reasons : null,
        comment: decision.action === 'REJECTED' ? decision.comment?.trim() || null : null,
        checklist,
        version: () => 'version + 1',
        ...(declaredSoftware ?? {}),
      })
      .where('id = :id AND version = :version AND status = :status', {
        id,
        version: expectedVersion,
        status: 'RECEIVED',
      })
      .andWhere('(assigned_agent_id IS NULL OR assigned_agent_id = :me)', { me: agent.id })
      .execute();
    if (!update.affected) {
      // Another agent committed between our read and our write: report who decided, or who took it.
      const current = await repo.findOneByOrFail({ id });
      if (current.status === 'RECEIVED' && heldByAnother(current.assignedAgentId, agent.id)) {
        throw await decideHeldConflict(em, current.assignedAgentId!);
      }
      const details = await decidedByLabel(em, current);
      throw new AppError(ErrorCode.CONFLICT, conflictMessage(details), details);
    }
    await writeHistory(em, row, decision.action, transition.to, agent, now, decision);
    await recordPrecheckConfirmation(em, id, { action: decision.action, checklist }, agent.id, now);
    await recordAudit(em, {
      agentId: agent.id,
      action: decision.action === 'VALIDATED' ? 'JUSTIFICATIF_VALIDATED' : 'JUSTIFICATIF_REJECTED',
      targetType: 'JUSTIFICATIF',
      targetId: id,
      caisseCode: row.caisseCode,
      professionalId: row.professionalId,
      details: decision.action === 'REJECTED' ? { reasons: decision.reasons } : null,
    });
    return resultAfterChange(em, id, row);
  });
}

/** What the validated piece vouches for: the software declared at decision time. */
async function currentDeclaredSoftware(em: EntityManager, row: Justificatif) {
  const value = await em.getRepository(IndicatorValue).findOneBy({
    professionalId: row.professionalId,
    campaignId: row.campaignId,
    indicatorId: row.indicatorId,
  });
  if (value?.value?.type !== 'SOFTWARE') return null;
  return { declaredSoftwareId: value.value.softwareId, declaredPublisherId: value.value.publisherId };
}

async function writeHistory(
  em: EntityManager,
  row: Justificatif,
  action: JustificatifAction,
  toStatus: Justificatif['status'],
  agent: AuthenticatedAgent | null,
  at: Date,
  decision?: Decision,
) {
  await em.getRepository(JustificatifHistory).insert({
    justificatifId: row.id,
    action,
    fromStatus: action === 'RECEIVED' ? null : row.status,
    toStatus,
    agentId: agent?.id ?? null,
    at,
    reasons: decision?.action === 'REJECTED' ? decision.reasons : null,
    comment: decision?.action === 'REJECTED' ? decision.comment?.trim() || null : null,
  });
}

/** Re-evaluates the indicator and rémunération of the declaration the piece belongs to. */
async function resultAfterChange(
  em: EntityManager,
  id: number,
  row: Justificatif,
): Promise<JustificatifDecisionResult> {
  const fresh = await em.getRepository(Justificatif).findOneByOrFail({ id });
  const declaration = await em
    .getRepository(Declaration)
    .findOneBy({ professionalId: row.professionalId, campaignId: row.campaignId });
  if (!declaration) return { justificatif: justificatifNode(fresh), indicator: null, remuneration: null };
  const evaluated = await recomputeDeclaration(em, declaration.id);
  return {
    justificatif: justificatifNode(fresh),
    indicator: indicatorNodes(evaluated).find((i) => i.indicatorId === row.indicatorId) ?? null,
    remuneration: remunerationNode(evaluated.evaluation),
  };
}

// ---------------------------------------------------------------------------------------------
// Assignment

export async function assignJustificatif(ctx: RequestContext, rawId: string, rawAgentId: string | null | undefined) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const id = parseId(rawId, 'Justificatif');
  const targetId = rawAgentId === null || rawAgentId === undefined ? null : parseId(rawAgentId, 'Agent');
  const mayAssignAny = can(agent, Permission.ASSIGN_ANY_JUSTIFICATIF);
  if (!mayAssignAny && !can(agent, Permission.TAKE_JUSTIFICATIF))
    throw new AppError(ErrorCode.FORBIDDEN, "Vous n'êtes pas habilité à attribuer des justificatifs.");
  if (!mayAssignAny && targetId !== null && targetId !== agent.id) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Seul un superviseur attribue un justificatif à un autre agent.');
  }

  return ctx.db.transaction(async (em) => {
    const repo = em.getRepository(Justificatif);
    const row = assertInScope(agent, await repo.findOneBy({ id }), 'Justificatif');
    if (!mayAssignAny && targetId === null && row.assignedAgentId !== agent.id) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vous ne pouvez libérer que vos propres dossiers.');
    }
    const transition = checkTransition(row.status, targetId === null ? 'RELEASED' : 'ASSIGNED');
    if (!transition.allowed) throw new AppError(ErrorCode.CONFLICT, transition.reason, { status: row.status });
    if (targetId !== null) {
      const target = await em.getRepository(Agent).findOneBy({ id: targetId });
      if (!target || !target.active || !inScope(agent, target.caisseCode)) throw notFound('Agent');
      if (target.role !== 'CONSEILLER') throw badInput('Un justificatif ne s’attribue qu’à un conseiller.', 'agentId');
      if (!target.nationalScope && target.caisseCode !== row.caisseCode) {
        throw badInput('Ce conseiller ne traite pas les justificatifs de cette caisse.', 'agentId');
      }
    }
    const query = repo
      .createQueryBuilder()
      .update(Justificatif)
      .set({ assignedAgentId: targetId, assignedAt: targetId === null ? null : new Date() })
      .where('id = :id AND status = :status', { id, status: 'RECEIVED' });
    // Taking an item nobody holds must not silently steal it from a colleague who took it first.
    if (!mayAssignAny && targetId !== null)
      query.andWhere('(assigned_agent_id IS NULL OR assigned_agent_id = :me)', { me: agent.id });
    const update = await query.execute();
    if (!update.affected) {
      const current = await repo.findOneByOrFail({ id });
      throw await heldConflict(
        em,
        current.assignedAgentId,
        (who) => `Ce justificatif est déjà pris en charge par ${who}.`,
      );
    }
    const now = new Date();
    await writeHistory(em, row, targetId === null ? 'RELEASED' : 'ASSIGNED', row.status, agent, now);
    await recordAudit(em, {
      agentId: agent.id,
      action: targetId === null ? 'JUSTIFICATIF_RELEASED' : 'JUSTIFICATIF_ASSIGNED',
      targetType: 'JUSTIFICATIF',
      targetId: id,
      caisseCode: row.caisseCode,
      professionalId: row.professionalId,
      details: { assignedAgentId: targetId },
    });
    return justificatifNode(await repo.findOneByOrFail({ id }));
  });
}

// ---------------------------------------------------------------------------------------------
// Receipt

export async function receiveJustificatif(
  ctx: RequestContext,
  input: ReceiveJustificatifInput,
): Promise<JustificatifDecisionResult> {
  const agent = requirePermission(ctx.agent, Permission.RECEIVE_JUSTIFICATIFS);
  const professionalId = parseId(input.professionalId, 'Professionnel');
  if (!/^[a-f0-9]{64}$/.test(input.fileId)) throw badInput('Identifiant de fichier mal formé.', 'fileId');
  const receivedAt = input.receivedAt ?? new Date();
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > Date.now() + 60_000) {
    throw badInput('La date de réception ne peut pas être dans le futur.', 'receivedAt');
  }

  return ctx.db.transaction(async (em) => {
    const professional = assertInScope(
      agent,
      await em.getRepository(Professional).findOneBy({ id: professionalId }),
      'Professionnel',
    );
    const campaign = await findCampaign(em, input.campaignYear, input.scheme);
    assertCampaignOpenForDecisions(campaign);
    const indicator = await em
      .getRepository(Indicator)
      .findOneBy({ campaignId: campaign.id, code: input.indicatorCode });
    if (!indicator)
      throw badInput(`Indicateur inconnu pour cette campagne : « ${input.indicatorCode} ».`, 'indicatorCode');
    if (indicator.justificatifPolicy !== 'DOCUMENT' || !indicator.definition.justificatif.family) {
      throw badInput(`L'indicateur « ${indicator.label} » ne demande pas de pièce justificative.`, 'indicatorCode');
    }
    if (indicator.professions && !indicator.professions.includes(professional.profession)) {
      throw badInput(`L'indicateur « ${indicator.label} » ne concerne pas cette profession.`, 'indicatorCode');
    }
    if (!(await em.getRepository(StoredFile).existsBy({ id: input.fileId }))) {
      throw badInput('Fichier introuvable : déposez-le d’abord (POST /api/files).', 'fileId');
    }
    const repo = em.getRepository(Justificatif);
    const duplicate = await repo.findOneBy({
      professionalId,
      campaignId: campaign.id,
      indicatorId: indicator.id,
      fileId: input.fileId,
      status: In(['RECEIVED', 'VALIDATED']),
    });
    if (duplicate)
      throw new AppError(ErrorCode.CONFLICT, 'Ce document est déjà enregistré pour cet indicateur.', {
        justificatifId: String(duplicate.id),
      });

    const declaration = await ensureDeclaration(em, professional, campaign);
    const value = await em
      .getRepository(IndicatorValue)
      .findOneBy({ declarationId: declaration.id, indicatorId: indicator.id });
    const software = value?.value?.type === 'SOFTWARE' ? value.value : null;
    const inserted = await repo.insert({
      professionalId,
      campaignId: campaign.id,
      indicatorId: indicator.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      family: indicator.definition.justificatif.family,
      receivedAt,
      channel: input.channel,
      fileId: input.fileId,
      status: 'RECEIVED',
      declaredSoftwareId: software?.softwareId ?? null,
      declaredPublisherId: software?.publisherId ?? null,
      version: 1,
    });
    const id = Number(inserted.identifiers[0]?.id);
    const row = await repo.findOneByOrFail({ id });
    await writeHistory(em, row, 'RECEIVED', 'RECEIVED', agent, new Date());
    await enqueuePrecheck(em, row);
    await recordAudit(em, {
      agentId: agent.id,
      action: 'JUSTIFICATIF_RECEIVED',
      targetType: 'JUSTIFICATIF',
      targetId: id,
      caisseCode: professional.caisseCode,
      professionalId,
      details: { channel: input.channel, fileId: input.fileId },
    });
    return resultAfterChange(em, id, row);
  });
}
