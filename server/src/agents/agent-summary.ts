import type { Agent } from './agent.entity';
import type { AgentSummary } from './agent-summary.type';

export const agentSummary = (agent: Agent | null): AgentSummary | null =>
  agent ? { id: String(agent.id), displayName: agent.displayName, caisseCode: agent.caisseCode } : null;
