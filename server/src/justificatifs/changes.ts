/** What every change of a justificatif shares: its history row, the re-read result, the conflicts it reports. */
import type { EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import type { AuthenticatedAgent } from '../agents/authorization';
import type { RejectionReason } from '../common/enums';
import { AppError, ErrorCode } from '../common/errors';
import { Declaration } from '../declarations/declaration.entity';
import { indicatorNodes, remunerationNode } from '../declarations/declaration.nodes';
import { recomputeDeclaration } from '../declarations/declarations.service';
import { Justificatif, JustificatifHistory, type JustificatifAction } from './justificatif.entity';
import { justificatifNode } from './justificatif.nodes';
import type { ChecklistItemInput, JustificatifDecisionResult } from './justificatif.types';

export type Decision =
  | { action: 'VALIDATED'; checklist: ChecklistItemInput[] | null | undefined }
  | { action: 'REJECTED'; reasons: RejectionReason[]; comment: string | null | undefined };

export async function decidedByLabel(em: EntityManager, row: Justificatif): Promise<Record<string, unknown>> {
  const decider = row.decidedByAgentId ? await em.getRepository(Agent).findOneBy({ id: row.decidedByAgentId }) : null;
  return {
    status: row.status,
    decidedBy: decider ? { id: String(decider.id), displayName: decider.displayName } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** CONFLICT for a piece a colleague has taken, naming them in `extensions.assignedTo` (the console shows who). */
export async function heldConflict(
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

export const decideHeldConflict = (em: EntityManager, assignedAgentId: number) =>
  heldConflict(
    em,
    assignedAgentId,
    (who) => `Ce justificatif est pris en charge par ${who} : lui seul peut le décider.`,
    {
      status: 'RECEIVED',
    },
  );

export async function writeHistory(
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
export async function resultAfterChange(
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
