/** The référentiel's edit history, read by every agent: the catalogue's entries and the LAP exemption lists. */
import { In } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Permission, requirePermission } from '../agents/authorization';
import { badInput } from '../common/errors';
import { pageSize } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { changeSummary } from './referentiel-edit';
import { ReferentielChange, type ReferentielChangeKind } from './software.entity';
import type { ReferentielChangeNode } from './software.types';

/**
 * The history of one catalogue entry (kind SOFTWARE, target = software id) or of a campaign's exemption
 * list (LAP_EXEMPTIONS, target = campaign id), newest first: revision, author, date, re-evaluations.
 */
export async function referentielChanges(
  ctx: RequestContext,
  kind: ReferentielChangeKind,
  targetId: string,
  first: number | null | undefined,
): Promise<ReferentielChangeNode[]> {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  if (!/^\d{1,12}$/.test(targetId)) throw badInput('Identifiant mal formé.', 'targetId');
  const rows = await ctx.db
    .getRepository(ReferentielChange)
    .find({ where: { kind, targetId }, order: { id: 'DESC' }, take: pageSize(first) });
  const agentIds = [...new Set(rows.map((r) => r.agentId).filter((id): id is number => id !== null))];
  const agents = agentIds.length ? await ctx.db.getRepository(Agent).findBy({ id: In(agentIds) }) : [];
  const names = new Map(agents.map((a) => [a.id, a.displayName]));
  return rows.map((r) => ({
    id: String(r.id),
    revision: r.revision,
    author: r.agentId === null ? null : (names.get(r.agentId) ?? null),
    at: r.at,
    reevaluated: r.reevaluated,
    summary: changeSummary(kind, r.before, r.after),
  }));
}
