/**
 * A recours as pure checks: who may reverse a decision, with what reason, and what it may become
 * depending on the campaign's state. French refusals, table-tested in reversal.test.ts.
 */
import type { CampaignStatus, JustificatifStatus, RejectionReason } from '../common/enums';

export const REVERSAL_REFUSALS = [
  'REASON_REQUIRED',
  'INVALID_INPUT',
  'NOT_DECIDED',
  'OWN_DECISION',
  'REJECTION_REASONS_REQUIRED',
  'REOPEN_AFTER_COMPUTATION',
  'CAMPAIGN_NOT_OPEN',
  'STALE_VERSION',
] as const;
export type ReversalRefusalCode = (typeof REVERSAL_REFUSALS)[number];

export interface ReversalRefusal {
  code: ReversalRefusalCode;
  message: string;
}

export interface ReversalRequest {
  reason: string;
  reopen: boolean;
  rejectionReasons: readonly RejectionReason[];
}

export interface ReversalContext {
  status: JustificatifStatus;
  decidedByAgentId: number | null;
  agentId: number;
  campaignStatus: CampaignStatus;
  computing: boolean;
}

export const MAX_REVERSAL_REASON = 2000;

export function checkReversal(request: ReversalRequest, context: ReversalContext): ReversalRefusal | null {
  const reason = request.reason.trim();
  if (reason.length === 0) {
    return {
      code: 'REASON_REQUIRED',
      message: 'Un recours demande un motif (contestation du professionnel, erreur…).',
    };
  }
  if (reason.length > MAX_REVERSAL_REASON) {
    return { code: 'INVALID_INPUT', message: 'Motif trop long (2 000 caractères au plus).' };
  }
  if (context.status === 'RECEIVED') {
    return { code: 'NOT_DECIDED', message: "Le justificatif n'a pas encore été décidé : il n'y a rien à revoir." };
  }
  if (context.decidedByAgentId === context.agentId) {
    return {
      code: 'OWN_DECISION',
      message: 'Vous avez pris cette décision : un autre superviseur doit la revoir (double regard).',
    };
  }
  if (context.campaignStatus === 'UPCOMING' || context.computing) {
    return {
      code: 'CAMPAIGN_NOT_OPEN',
      message: 'Le calcul de la campagne est en cours : réessayez une fois terminé.',
    };
  }
  const computed = context.campaignStatus === 'COMPUTED' || context.campaignStatus === 'PAID';
  if (request.reopen && computed) {
    return {
      code: 'REOPEN_AFTER_COMPUTATION',
      message:
        'La campagne est calculée : plus aucune décision ne peut être prise, renversez directement la décision (une régularisation sera créée).',
    };
  }
  if (!request.reopen && context.status === 'VALIDATED' && request.rejectionReasons.length === 0) {
    return {
      code: 'REJECTION_REASONS_REQUIRED',
      message: 'Renverser une validation demande au moins un motif de rejet.',
    };
  }
  return null;
}

/** The régularisation's reason: the piece, the change and the superviseur's words. */
export function reversalRegularisationReason(pieceId: number, to: JustificatifStatus, reason: string): string {
  const change = to === 'VALIDATED' ? 'rejet renversé en validation' : 'validation renversée en rejet';
  return `Recours sur le justificatif n° ${pieceId} (${change}) : ${reason.trim()}`;
}
