/**
 * A pending opinion request lives as long as its asker holds the undecided piece. The one transition
 * path calls this after every other change of a piece: a decision (the asker decided without waiting),
 * a release, or a superviseur's reassignment closes the pending request « sans suite », in the same
 * transaction, so that an answer can no longer be given to a question nobody waits for.
 */
import type { EntityManager } from 'typeorm';
import type { Justificatif } from '../justificatifs/justificatif.entity';
import { OpinionRequest } from './opinion-request.entity';

export async function closeOpinionsOfChangedPiece(em: EntityManager, piece: Justificatif, at: Date): Promise<void> {
  const close = em
    .createQueryBuilder()
    .update(OpinionRequest)
    .set({ status: 'CLOSED', closedAt: at })
    .where('justificatif_id = :id AND status = :pending', { id: piece.id, pending: 'PENDING' });
  // Still to decide and still held by the asker (a take of one's own piece): the request goes on.
  if (piece.status === 'RECEIVED' && piece.assignedAgentId !== null)
    close.andWhere('asked_by_agent_id <> :holder', { holder: piece.assignedAgentId });
  await close.execute();
}
