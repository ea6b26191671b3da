/** Justificatifs as the API shows them. */
import type { Agent } from '../agents/agent.entity';
import { agentSummary } from '../agents/agent-summary';
import { assertUnreachable } from '../common/errors';
import { indicatorNodes, remunerationNode } from '../declarations/declaration.nodes';
import type { EvaluatedDeclaration } from '../declarations/evaluation-inputs';
import { outcomeMessage, type DecisionOutcome } from './decision-outcome';
import type { DecisionOutcomeNode } from './decision-outcome.types';
import type { Justificatif } from './justificatif.entity';
import type { JustificatifDecisionResult, JustificatifNode } from './justificatif.types';

const DAY_MS = 86_400_000;

export function justificatifNode(row: Justificatif, now = Date.now()): JustificatifNode {
  return {
    ...row,
    id: String(row.id),
    ageDays: Math.max(0, Math.floor((now - row.receivedAt.getTime()) / DAY_MS)),
    fileUrl: row.fileId ? `/api/files/${row.fileId}` : null,
  };
}

/** The piece after a change, with the indicator and rémunération it re-evaluated. */
export function decisionResultNode(
  piece: Justificatif,
  evaluated: EvaluatedDeclaration | null,
): JustificatifDecisionResult {
  return {
    justificatif: justificatifNode(piece),
    indicator: evaluated ? (indicatorNodes(evaluated).find((i) => i.indicatorId === piece.indicatorId) ?? null) : null,
    remuneration: evaluated ? remunerationNode(evaluated.evaluation) : null,
  };
}

/** A decision's outcome as the union member the console switches on; `agentById` names who decided or holds. */
export async function decisionOutcomeNode(
  outcome: DecisionOutcome,
  agentById: (id: number) => Promise<Agent | null>,
): Promise<DecisionOutcomeNode> {
  const { piece } = outcome;
  const ids = [piece.decidedByAgentId, piece.assignedAgentId].filter((id): id is number => id !== null);
  const agents = new Map((await Promise.all(ids.map(agentById))).flatMap((a) => (a ? [[a.id, a] as const] : [])));
  const agent = (id: number | null) => (id === null ? null : (agents.get(id) ?? null));
  const base = {
    message: outcomeMessage(outcome, (id) => agent(id)?.displayName ?? null),
    justificatif: justificatifNode(piece),
  };
  switch (outcome.kind) {
    case 'DECIDED':
      return { __typename: 'Decided', ...base, ...decisionResultNode(piece, outcome.evaluated) };
    case 'ALREADY_DECIDED':
      return {
        __typename: 'AlreadyDecided',
        ...base,
        status: piece.status,
        decidedBy: agentSummary(agent(piece.decidedByAgentId)),
        decidedAt: piece.decidedAt,
        currentVersion: piece.version,
      };
    case 'HELD_BY_COLLEAGUE':
      return {
        __typename: 'HeldByColleague',
        ...base,
        assignedTo: agentSummary(agent(piece.assignedAgentId)),
        assignedAt: piece.assignedAt,
        currentVersion: piece.version,
      };
    case 'STALE_VERSION':
      return { __typename: 'StaleVersion', ...base, currentVersion: piece.version };
    case 'CAMPAIGN_CLOSED':
      return {
        __typename: 'CampaignClosed',
        ...base,
        campaignLabel: outcome.campaign.label,
        campaignStatus: outcome.campaign.status,
      };
    default:
      return assertUnreachable(outcome);
  }
}
