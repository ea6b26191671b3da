/** Reads of control cases: one case, the queue (keyset, oldest first), a professional's controls. */
import { Brackets } from 'typeorm';
import { Permission, assertInScope, effectiveCaisses, requirePermission } from '../agents/authorization';
import type { Profession, Scheme } from '../common/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { CONCLUDED_STATUSES, ControlCase, type ControlCaseStatus } from './control.entity';

export const CONTROL_QUEUE_VIEWS = ['TO_PROCESS', 'MINE', 'ALL_OPEN', 'CONCLUDED'] as const;
export type ControlQueueView = (typeof CONTROL_QUEUE_VIEWS)[number];

export interface ControlQueueFilter {
  campaignYear?: number | null;
  scheme?: Scheme | null;
  planId?: string | null;
  status?: ControlCaseStatus | null;
  profession?: Profession | null;
  caisseCode?: string | null;
}

export async function getControlCase(ctx: RequestContext, rawId: string): Promise<ControlCase> {
  const agent = requirePermission(ctx.agent, Permission.READ_CONTROLS);
  const id = parseId(rawId, 'Contrôle');
  return assertInScope(agent, await ctx.db.getRepository(ControlCase).findOneBy({ id }), 'Contrôle');
}

export async function controlCaseQueue(
  ctx: RequestContext,
  view: ControlQueueView | null | undefined,
  filter: ControlQueueFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.READ_CONTROLS);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number'] as const);
  const caisses = effectiveCaisses(agent, filter?.caisseCode);
  const empty = { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  if (caisses && caisses.length === 0) return empty;

  const where = ctx.db.getRepository(ControlCase).createQueryBuilder('c');
  const concluded = [...CONCLUDED_STATUSES];
  const chosen = view ?? 'TO_PROCESS';
  if (chosen === 'CONCLUDED') where.where('c.status IN (:...concluded)', { concluded });
  else where.where('c.status NOT IN (:...concluded)', { concluded });
  if (chosen === 'TO_PROCESS') where.andWhere('c.assignedAgentId IS NULL');
  if (chosen === 'MINE') where.andWhere('c.assignedAgentId = :me', { me: agent.id });
  if (filter?.status) where.andWhere('c.status = :status', { status: filter.status });
  if (caisses) where.andWhere('c.caisseCode IN (:...caisses)', { caisses });
  if (filter?.profession) where.andWhere('c.profession = :profession', { profession: filter.profession });
  if (filter?.planId) where.andWhere('c.planId = :planId', { planId: parseId(filter.planId, 'Plan') });
  if (filter?.campaignYear !== null && filter?.campaignYear !== undefined) {
    const ids = (await ctx.loaders.campaigns())
      .filter((c) => c.referenceYear === filter.campaignYear && (!filter.scheme || c.scheme === filter.scheme))
      .map((c) => c.id);
    if (ids.length === 0) return empty;
    where.andWhere('c.campaignId IN (:...campaignIds)', { campaignIds: ids });
  }
  const totalCount = await where.clone().getCount();
  const page = where.clone().orderBy('c.openedAt', 'ASC').addOrderBy('c.id', 'ASC');
  if (cursor) {
    const at = new Date(cursor[0]);
    if (Number.isNaN(at.getTime())) throw badInput('Curseur de pagination invalide.', 'after');
    page.andWhere(
      new Brackets((qb) =>
        qb
          .where('c.openedAt > :cursorAt', { cursorAt: at })
          .orWhere(
            new Brackets((tie) =>
              tie.where('c.openedAt = :cursorAt').andWhere('c.id > :cursorId', { cursorId: cursor[1] }),
            ),
          ),
      ),
    );
  }
  const rows = await page.take(limit + 1).getMany();
  return { ...toPage(rows, limit, (row) => [row.openedAt.toISOString(), row.id]), totalCount };
}
