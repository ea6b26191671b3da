/**
 * The ordinary outcomes of a decision, as data: the piece was decided, or it was not because it is
 * already decided, held by a colleague, changed since the agent read it, or its campaign is closed.
 * Pure: the classification of a refused decision and the French sentence the console shows.
 */
import { assertUnreachable } from '../common/errors';
import type { Campaign } from '../campaigns/campaign.entity';
import type { EvaluatedDeclaration } from '../declarations/evaluation-inputs';
import type { Justificatif } from './justificatif.entity';
import { heldByAnother, isFinal } from './justificatif.machine';

export type DecisionOutcome =
  | { kind: 'DECIDED'; piece: Justificatif; evaluated: EvaluatedDeclaration | null }
  | { kind: 'ALREADY_DECIDED'; piece: Justificatif }
  | { kind: 'HELD_BY_COLLEAGUE'; piece: Justificatif }
  | { kind: 'STALE_VERSION'; piece: Justificatif }
  | { kind: 'CAMPAIGN_CLOSED'; piece: Justificatif; campaign: Campaign; reason: string };

export type Refusal = Exclude<DecisionOutcome, { kind: 'DECIDED' } | { kind: 'CAMPAIGN_CLOSED' }>;

/**
 * Why the agent may not decide the piece as it stands, or null when they may. Serves both before the
 * conditional update (the piece read) and after it lost a race (the piece re-read).
 */
export function refusal(piece: Justificatif, agentId: number, expectedVersion: number): Refusal | null {
  if (isFinal(piece.status)) return { kind: 'ALREADY_DECIDED', piece };
  if (heldByAnother(piece.assignedAgentId, agentId)) return { kind: 'HELD_BY_COLLEAGUE', piece };
  if (piece.version !== expectedVersion) return { kind: 'STALE_VERSION', piece };
  return null;
}

/** The sentence the console shows for an outcome; `name` gives an agent's display name. */
export function outcomeMessage(outcome: DecisionOutcome, name: (agentId: number | null) => string | null): string {
  switch (outcome.kind) {
    case 'DECIDED':
      return outcome.piece.status === 'VALIDATED' ? 'Justificatif validé.' : 'Justificatif rejeté.';
    case 'ALREADY_DECIDED': {
      const what = outcome.piece.status === 'VALIDATED' ? 'validé' : 'rejeté';
      const who = name(outcome.piece.decidedByAgentId) ?? 'un autre agent';
      return `Ce justificatif a déjà été ${what} par ${who}. L'affichage a été actualisé.`;
    }
    case 'HELD_BY_COLLEAGUE': {
      const who = name(outcome.piece.assignedAgentId) ?? 'un autre agent';
      return `Ce justificatif est pris en charge par ${who} : lui seul peut le décider.`;
    }
    case 'STALE_VERSION':
      return 'Le justificatif a changé depuis votre lecture : rechargez-le avant de décider.';
    case 'CAMPAIGN_CLOSED':
      return outcome.reason;
    default:
      return assertUnreachable(outcome);
  }
}
