/**
 * Decisions (validation, rejection) through the one transition path: of two agents deciding at once
 * exactly one wins. Bad input is an error (BAD_USER_INPUT, nothing changes); a decision that cannot be
 * made as the agent asked — already decided, held by a colleague, stale version, campaign closed — is
 * an ordinary outcome, returned as data (`decideJustificatif`), or as the historical errors for the
 * older mutations (`decideOrThrow`).
 */
import type { EntityManager } from 'typeorm';
import { Permission, assertInScope, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { Campaign } from '../campaigns/campaign.entity';
import { campaignClosedReason } from '../campaigns/campaigns.service';
import { Indicator } from '../campaigns/indicator.entity';
import { REJECTION_REASONS, type RejectionReason } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { queueDecisionNotice } from '../communications/notices';
import { IndicatorValue } from '../declarations/declaration.entity';
import { outcomeMessage, refusal, type DecisionOutcome } from './decision-outcome';
import { Justificatif, type ChecklistEntry } from './justificatif.entity';
import { transition } from './transition';
import { recordPrecheckConfirmation } from '../precheck/precheck.service';
import { causalBarrier } from '../db/galera';

const MAX_COMMENT = 2000;

export type Decision =
  | { action: 'VALIDATED'; checklist: readonly ChecklistEntry[] | null | undefined }
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
  const checklist = decision.checklist;
  const items = indicator.definition.justificatif.checklist ?? [];
  const known = new Map(items.map((i) => [i.code, i]));
  const seen = new Set<string>();
  for (const entry of checklist) {
    if (!known.has(entry.code)) throw badInput(`Élément de contrôle inconnu : « ${entry.code} ».`, 'checklist');
    if (seen.has(entry.code)) throw badInput(`Élément de contrôle en double : ${entry.code}.`, 'checklist');
    seen.add(entry.code);
  }
  const missing = items.filter((i) => i.required && !checklist.some((e) => e.code === i.code && e.checked));
  if (missing.length > 0) {
    throw badInput(
      `Validation impossible : la pièce doit montrer ${missing.map((m) => `« ${m.label} »`).join(', ')}. Rejetez-la avec le motif correspondant.`,
      'checklist',
    );
  }
  return checklist.map((e) => ({ code: e.code, checked: e.checked }));
}

/** Validates or rejects a piece; every outcome but bad input, scope and habilitation is data. */
export async function decideJustificatif(
  ctx: RequestContext,
  rawId: string,
  expectedVersion: number,
  decision: Decision,
): Promise<DecisionOutcome> {
  const agent = requirePermission(ctx.agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = parseId(rawId, 'Justificatif');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('Version attendue invalide.', 'expectedVersion');

  return ctx.db.transaction(async (em) => {
    await causalBarrier(em); // Galera: read what any node committed before deciding
    const piece = assertInScope(agent, await em.getRepository(Justificatif).findOneBy({ id }), 'Justificatif');
    const indicator = await em.getRepository(Indicator).findOneByOrFail({ id: piece.indicatorId });
    const checklist = validateDecisionInput(decision, indicator);
    const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: piece.campaignId });
    const closed = campaignClosedReason(campaign);
    if (closed) return { kind: 'CAMPAIGN_CLOSED', piece, campaign, reason: closed };
    const refused = refusal(piece, agent.id, expectedVersion);
    if (refused) return refused;
    return decide(em, piece, agent, expectedVersion, decision, checklist);
  });
}

async function decide(
  em: EntityManager,
  piece: Justificatif,
  agent: AuthenticatedAgent,
  expectedVersion: number,
  decision: Decision,
  checklist: ChecklistEntry[] | null,
): Promise<DecisionOutcome> {
  const at = new Date();
  const rejected = decision.action === 'REJECTED';
  const comment = rejected ? decision.comment?.trim() || null : null;
  const declaredSoftware = rejected ? null : await currentDeclaredSoftware(em, piece);
  const result = await transition(em, piece, {
    action: decision.action,
    by: agent,
    expectedVersion,
    holder: 'FREE_OR_MINE',
    at,
    set: {
      decidedByAgentId: agent.id,
      decidedAt: at,
      rejectionReasons: rejected ? decision.reasons : null,
      comment,
      checklist,
      ...(declaredSoftware ?? {}),
    },
    note: rejected ? { reasons: decision.reasons, comment } : undefined,
    reevaluate: true,
    // The professional's notice commits with the decision, or not at all; sending it is the outbox worker's job.
    // Which pre-check findings the agent confirmed and which they changed, in the decision's transaction.
    after: async (tx, done) => {
      await queueDecisionNotice(tx, done.piece, decision, agent.id, at);
      await recordPrecheckConfirmation(tx, piece.id, { action: decision.action, checklist }, agent.id, at);
    },
    audit: {
      action: rejected ? 'JUSTIFICATIF_REJECTED' : 'JUSTIFICATIF_VALIDATED',
      details: rejected ? { reasons: decision.reasons } : null,
    },
  });
  if (result.done) return { kind: 'DECIDED', piece: result.piece, evaluated: result.evaluated };
  // A colleague committed between our read and our write: say what they did.
  return refusal(result.current, agent.id, expectedVersion) ?? { kind: 'STALE_VERSION', piece: result.current };
}

/** What the validated piece vouches for: the software declared at decision time. */
async function currentDeclaredSoftware(em: EntityManager, piece: Justificatif) {
  const value = await em.getRepository(IndicatorValue).findOneBy({
    professionalId: piece.professionalId,
    campaignId: piece.campaignId,
    indicatorId: piece.indicatorId,
  });
  if (value?.value?.type !== 'SOFTWARE') return null;
  return { declaredSoftwareId: value.value.softwareId, declaredPublisherId: value.value.publisherId };
}

/**
 * The older mutations' contract (validateJustificatif, rejectJustificatif): a refused decision is an
 * error — CONFLICT naming who decided or who holds the piece, STALE_VERSION with the current version,
 * CAMPAIGN_CLOSED — with the same French message as the outcome.
 */
export async function decideOrThrow(
  ctx: RequestContext,
  rawId: string,
  expectedVersion: number,
  decision: Decision,
): Promise<Extract<DecisionOutcome, { kind: 'DECIDED' }>> {
  const outcome = await decideJustificatif(ctx, rawId, expectedVersion, decision);
  if (outcome.kind === 'DECIDED') return outcome;
  const ids = [outcome.piece.decidedByAgentId, outcome.piece.assignedAgentId].filter((i): i is number => i !== null);
  const agents = new Map(
    (await ctx.loaders.agentById.loadMany(ids)).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a]] : [])),
  );
  const summary = (agentId: number | null) => {
    const a = agentId === null ? undefined : agents.get(agentId);
    return a ? { id: String(a.id), displayName: a.displayName } : null;
  };
  const message = outcomeMessage(outcome, (agentId) => summary(agentId)?.displayName ?? null);
  switch (outcome.kind) {
    case 'ALREADY_DECIDED':
      throw new AppError(ErrorCode.CONFLICT, message, {
        status: outcome.piece.status,
        decidedBy: summary(outcome.piece.decidedByAgentId),
        decidedAt: outcome.piece.decidedAt?.toISOString() ?? null,
      });
    case 'HELD_BY_COLLEAGUE':
      throw new AppError(ErrorCode.CONFLICT, message, {
        status: 'RECEIVED',
        assignedTo: summary(outcome.piece.assignedAgentId),
      });
    case 'STALE_VERSION':
      throw new AppError(ErrorCode.STALE_VERSION, message, { currentVersion: outcome.piece.version });
    case 'CAMPAIGN_CLOSED':
      throw new AppError(ErrorCode.CAMPAIGN_CLOSED, message);
  }
}
