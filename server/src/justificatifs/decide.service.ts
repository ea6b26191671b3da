/**
 * Decisions: conditional updates on the version, so that of two agents deciding at once exactly one
 * wins. The history row, the audit event and the re-evaluated atteinte go in the same transaction.
 */
import type { EntityManager } from 'typeorm';
import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { assertCampaignOpenForDecisions } from '../campaigns/campaigns.service';
import { Indicator } from '../campaigns/indicator.entity';
import { REJECTION_REASONS } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { IndicatorValue } from '../declarations/declaration.entity';
import { decideHeldConflict, decidedByLabel, resultAfterChange, writeHistory, type Decision } from './changes';
import { Justificatif, type ChecklistEntry } from './justificatif.entity';
import { checkTransition, heldByAnother } from './justificatif.machine';
import type { JustificatifDecisionResult } from './justificatif.types';

const MAX_COMMENT = 2000;

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
