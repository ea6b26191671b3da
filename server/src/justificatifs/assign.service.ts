/** Taking, assigning and releasing a justificatif (a reservation of its decision, not a decision). */
import { Agent } from '../agents/agent.entity';
import { Permission, assertInScope, can, inScope, requirePermission } from '../agents/authorization';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import type { EntityManager } from 'typeorm';
import { Justificatif } from './justificatif.entity';
import { justificatifNode } from './justificatif.nodes';
import { checkTransition } from './justificatif.machine';
import { transition } from './transition';
import { causalBarrier } from '../db/galera';

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
    await causalBarrier(em); // Galera: read what any node committed before deciding
    const repo = em.getRepository(Justificatif);
    const row = assertInScope(agent, await repo.findOneBy({ id }), 'Justificatif');
    if (!mayAssignAny && targetId === null && row.assignedAgentId !== agent.id) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vous ne pouvez libérer que vos propres dossiers.');
    }
    const action = targetId === null ? 'RELEASED' : 'ASSIGNED';
    const move = checkTransition(row.status, action);
    if (!move.allowed) throw new AppError(ErrorCode.CONFLICT, move.reason, { status: row.status });
    if (targetId !== null) {
      const target = await em.getRepository(Agent).findOneBy({ id: targetId });
      if (!target || !target.active || !inScope(agent, target.caisseCode)) throw notFound('Agent');
      if (target.role !== 'CONSEILLER') throw badInput('Un justificatif ne s’attribue qu’à un conseiller.', 'agentId');
      if (!target.nationalScope && target.caisseCode !== row.caisseCode) {
        throw badInput('Ce conseiller ne traite pas les justificatifs de cette caisse.', 'agentId');
      }
    }
    const result = await transition(em, row, {
      action,
      by: agent,
      // Taking a piece must not silently steal it from a colleague who took it first; a conseiller
      // releases only what they hold; a superviseur reassigns whoever holds it.
      holder: mayAssignAny ? 'ANY' : targetId === null ? 'MINE' : 'FREE_OR_MINE',
      set: { assignedAgentId: targetId, assignedAt: targetId === null ? null : new Date() },
      reevaluate: false,
      audit: { action: `JUSTIFICATIF_${action}`, details: { assignedAgentId: targetId } },
    });
    if (!result.done) {
      // A colleague committed first: they decided the piece, or took it.
      const current = result.current;
      const refused = checkTransition(current.status, action);
      if (!refused.allowed) throw new AppError(ErrorCode.CONFLICT, refused.reason, { status: current.status });
      throw await heldConflict(em, current.assignedAgentId);
    }
    return justificatifNode(result.piece);
  });
}

/** CONFLICT for a piece a colleague has taken, naming them in `extensions.assignedTo` (the console shows who). */
async function heldConflict(em: EntityManager, assignedAgentId: number | null): Promise<AppError> {
  const holder = assignedAgentId ? await em.getRepository(Agent).findOneBy({ id: assignedAgentId }) : null;
  return new AppError(
    ErrorCode.CONFLICT,
    `Ce justificatif est déjà pris en charge par ${holder?.displayName ?? 'un autre agent'}.`,
    { assignedTo: holder ? { id: String(holder.id), displayName: holder.displayName } : null },
  );
}
