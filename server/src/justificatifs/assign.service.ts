/** Taking, assigning and releasing a justificatif (a reservation of its decision, not a decision). */
import { Agent } from '../agents/agent.entity';
import { Permission, assertInScope, can, inScope, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { heldConflict, writeHistory } from './changes';
import { Justificatif } from './justificatif.entity';
import { justificatifNode } from './justificatif.nodes';
import { checkTransition } from './justificatif.machine';

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
