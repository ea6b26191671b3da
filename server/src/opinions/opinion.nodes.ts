import type { Agent } from '../agents/agent.entity';
import type { OpinionRequest } from './opinion-request.entity';
import type { OpinionAdviserNode, OpinionRequestNode } from './opinion.types';

export const opinionRequestNode = (row: OpinionRequest): OpinionRequestNode => ({
  id: String(row.id),
  justificatifId: String(row.justificatifId),
  question: row.question,
  askedAt: row.askedAt,
  status: row.status,
  answer: row.answer,
  answeredAt: row.answeredAt,
  closedAt: row.closedAt,
  askedByAgentId: row.askedByAgentId,
  askedAgentId: row.askedAgentId,
});

export const opinionAdviserNode = (agent: Agent): OpinionAdviserNode => ({
  id: String(agent.id),
  displayName: agent.displayName,
  role: agent.role,
  caisseCode: agent.caisseCode,
  nationalScope: agent.nationalScope,
});
