/**
 * Recours: a superviseur of the caisse reopens a decided justificatif (back to RECEIVED for a new
 * decision) or reverses it directly, with a mandatory reason, never their own decision. It goes through
 * the one transition path (transition.ts): conditional update on the version, history (both decisions
 * stay in it), re-evaluation, then — once the campaign is computed — the régularisation (new due −
 * already settled) in the same transaction, and the audit event last.
 */
import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { Campaign } from '../campaigns/campaign.entity';
import { computeDue, regularisationAmount } from '../campaigns/lifecycle/amounts';
import { REJECTION_REASONS, type RejectionReason } from '../common/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { Declaration } from '../declarations/declaration.entity';
import { Regularisation } from '../payments/regularisation.entity';
import { Justificatif } from './justificatif.entity';
import { justificatifNode } from './justificatif.nodes';
import { checkReversal, reversalRegularisationReason, type ReversalRefusal } from './reversal';
import { transition } from './transition';
import type { DecisionReversedNode } from './reversal.types';

export type ReversalOutcome = DecisionReversedNode | ReversalRefusal;

export async function reverseDecision(
  ctx: RequestContext,
  rawId: string,
  expectedVersion: number,
  reason: string,
  reopen: boolean,
  rejectionReasons: RejectionReason[],
): Promise<ReversalOutcome> {
  const agent = requirePermission(ctx.agent, Permission.REVERSE_DECISIONS);
  const id = parseId(rawId, 'Justificatif');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('Version attendue invalide.', 'expectedVersion');
  if (rejectionReasons.some((r) => !REJECTION_REASONS.includes(r)))
    throw badInput('Motif de rejet inconnu.', 'rejectionReasons');

  return ctx.db.transaction(async (em) => {
    const piece = assertInScope(agent, await em.getRepository(Justificatif).findOneBy({ id }), 'Justificatif');
    const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: piece.campaignId });
    const refusal = checkReversal(
      { reason, reopen, rejectionReasons },
      {
        status: piece.status,
        decidedByAgentId: piece.decidedByAgentId,
        agentId: agent.id,
        campaignStatus: campaign.status,
        computing: campaign.status === 'CLOSED' && campaign.computeRunId !== null,
      },
    );
    if (refusal) return refusal;
    const at = new Date();
    const note = reason.trim();
    const toRejected = !reopen && piece.status === 'VALIDATED';
    const computed = campaign.status === 'COMPUTED' || campaign.status === 'PAID';
    let regularisation: Regularisation | null = null;
    const result = await transition(em, piece, {
      action: reopen ? 'REOPENED' : 'REVERSED',
      by: agent,
      expectedVersion,
      holder: 'ANY',
      at,
      set: reopen
        ? {
            decidedByAgentId: null,
            decidedAt: null,
            rejectionReasons: null,
            comment: null,
            checklist: null,
            assignedAgentId: null,
          }
        : {
            decidedByAgentId: agent.id,
            decidedAt: at,
            rejectionReasons: toRejected ? [...rejectionReasons] : null,
            comment: toRejected ? note : null,
            checklist: null,
          },
      note: { reasons: toRejected ? [...rejectionReasons] : null, comment: note },
      reevaluate: true,
      audit: {
        action: reopen ? 'JUSTIFICATIF_REOPENED' : 'JUSTIFICATIF_REVERSED',
        details: { reason: note, from: piece.status, previousDecider: piece.decidedByAgentId },
      },
      after: async (tx, done) => {
        if (!computed || !done.evaluated) return;
        const declaration = await tx
          .getRepository(Declaration)
          .findOneByOrFail({ id: done.evaluated.loaded.declaration.id });
        const earlier = await tx.getRepository(Regularisation).findBy({
          campaignId: campaign.id,
          professionalId: piece.professionalId,
        });
        const settled = (declaration.computedRemunerationCents ?? 0) + earlier.reduce((s, r) => s + r.amountCents, 0);
        const newDue = computeDue(done.evaluated.evaluation);
        const amount = regularisationAmount(newDue, settled);
        if (amount === null) return;
        const inserted = await tx.getRepository(Regularisation).insert({
          campaignId: campaign.id,
          professionalId: piece.professionalId,
          caisseCode: piece.caisseCode,
          declarationId: declaration.id,
          previousDueCents: settled,
          newDueCents: newDue,
          amountCents: amount,
          reason: reversalRegularisationReason(piece.id, done.piece.status, note),
          source: 'REVERSAL',
          sourceId: String(piece.id),
          agentId: agent.id,
        });
        regularisation = await tx
          .getRepository(Regularisation)
          .findOneByOrFail({ id: Number(inserted.identifiers[0]?.id) });
      },
    });
    if (!result.done) {
      return {
        code: 'STALE_VERSION' as const,
        message: `Le justificatif a changé depuis votre lecture (version ${result.current.version}) : rechargez-le.`,
      };
    }
    const made = regularisation as Regularisation | null;
    return {
      justificatif: justificatifNode(result.piece),
      regularisation: made ? { ...made, id: String(made.id), professionalId: String(made.professionalId) } : null,
    };
  });
}
