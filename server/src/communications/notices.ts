/**
 * Decision notices: the message a professional receives when a conseiller rejects (or, where the campaign
 * has the template, validates) a piece. Queued in the decision's transaction; previewed in the reject dialog
 * with exactly the same rendering.
 */
import type { EntityManager } from 'typeorm';
import { Indicator } from '../campaigns/indicator.entity';
import type { RejectionReason } from '../common/enums';
import type { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { REJECTION_REASON_LABELS } from '../common/labels';
import type { CommunicationKind } from './communication.kinds';
import { compose, composeContext, enqueueMessage, type Composed } from './outbox';

export interface NoticeDecision {
  action: 'VALIDATED' | 'REJECTED';
  reasons?: readonly RejectionReason[] | null;
  comment?: string | null;
}

export function checklistLabels(indicator: Indicator): string[] {
  return (indicator.definition.justificatif.checklist ?? []).filter((c) => c.required).map((c) => c.label);
}

/** The rendered notice, or null when the campaign sends none for this decision (e.g. no NOTICE_VALIDATED). */
export async function composeNotice(
  em: EntityManager,
  piece: Pick<Justificatif, 'professionalId' | 'campaignId' | 'indicatorId' | 'caisseCode'>,
  decision: NoticeDecision,
  today = new Date(),
): Promise<{ composed: Composed; professional: Professional; kind: CommunicationKind } | null> {
  const kind: CommunicationKind = decision.action === 'REJECTED' ? 'NOTICE_REJECTED' : 'NOTICE_VALIDATED';
  const [professional, indicator, ctx] = await Promise.all([
    em.getRepository(Professional).findOneByOrFail({ id: piece.professionalId }),
    em.getRepository(Indicator).findOneByOrFail({ id: piece.indicatorId }),
    composeContext(em, piece.campaignId, piece.caisseCode, today),
  ]);
  const composed = compose(ctx, kind, professional, {
    indicator: { label: indicator.definition.shortLabel ?? indicator.label },
    motifs: (decision.reasons ?? []).map((r) => REJECTION_REASON_LABELS[r] ?? r),
    comment: decision.comment?.trim() || undefined,
    checklist: checklistLabels(indicator),
  });
  return composed ? { composed, professional, kind } : null;
}

/** Queues the decision's notice in the decision's own transaction; returns its id, or null if none is sent. */
export async function queueDecisionNotice(
  em: EntityManager,
  piece: Pick<Justificatif, 'id' | 'professionalId' | 'campaignId' | 'indicatorId' | 'caisseCode'>,
  decision: NoticeDecision,
  agentId: number,
  now = new Date(),
): Promise<number | null> {
  const notice = await composeNotice(em, piece, decision, now);
  if (!notice) return null;
  return enqueueMessage(em, {
    professional: notice.professional,
    campaignId: piece.campaignId,
    kind: notice.kind,
    ...notice.composed,
    justificatifId: piece.id,
    createdByAgentId: agentId,
    now,
  });
}
