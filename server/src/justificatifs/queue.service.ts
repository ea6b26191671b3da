/** The conseiller's queue: one justificatif, and the filtered, keyset-paginated list. */
import { Brackets, In, type SelectQueryBuilder } from 'typeorm';
import {
  Permission,
  assertInScope,
  effectiveCaisses,
  requirePermission,
  type AuthenticatedAgent,
} from '../agents/authorization';
import { Indicator } from '../campaigns/indicator.entity';
import { QUEUE_VIEWS, type QueueView } from '../common/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { OpinionRequest } from '../opinions/opinion-request.entity';
import { Precheck } from '../precheck/precheck.entity';
import { Justificatif } from './justificatif.entity';
import { justificatifNode } from './justificatif.nodes';
import type { JustificatifNode, JustificatifQueueFilter } from './justificatif.types';

const DAY_MS = 86_400_000;

/** One justificatif, for the review screen; another caisse's reads as unknown. */
export async function getJustificatif(ctx: RequestContext, rawId: string): Promise<JustificatifNode> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const id = parseId(rawId, 'Justificatif');
  const row = await ctx.db.getRepository(Justificatif).findOneBy({ id });
  return justificatifNode(assertInScope(agent, row, 'Justificatif'));
}

/** The page asked: forwards (`first` after a cursor) or backwards (`last` before a cursor, or the last page). */
export interface QueuePageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

type QueueWhere = SelectQueryBuilder<Justificatif>;

/**
 * The rows a filter selects in one view, as a query to count or to page; null when nothing can match
 * (no caisse in scope, unknown campaign or indicator). The tabs' counts and the list's total use this
 * one builder, so « À traiter : 11 » and « 11 justificatifs » cannot disagree.
 */
async function queueWhere(
  ctx: RequestContext,
  agent: AuthenticatedAgent,
  filter: JustificatifQueueFilter | null | undefined,
  view: QueueView,
  now: number,
): Promise<QueueWhere | null> {
  const caisses = effectiveCaisses(agent, filter?.caisseCode);
  if (caisses && caisses.length === 0) return null;

  const where = ctx.db.getRepository(Justificatif).createQueryBuilder('j');
  if (view === 'PROCESSED') where.where('j.status IN (:...decided)', { decided: ['VALIDATED', 'REJECTED'] });
  else where.where('j.status = :received', { received: 'RECEIVED' });
  if (view === 'TO_PROCESS') where.andWhere('j.assignedAgentId IS NULL');
  if (view === 'MINE') where.andWhere('j.assignedAgentId = :me', { me: agent.id });
  if (view === 'OPINION_ASKED') {
    const asked = where
      .subQuery()
      .select('o.justificatif_id')
      .from(OpinionRequest, 'o')
      .where('o.asked_agent_id = :me AND o.status = :pendingOpinion');
    where.andWhere(`j.id IN ${asked.getQuery()}`, { me: agent.id, pendingOpinion: 'PENDING' });
  }
  if (view === 'PROCESSED' && filter?.decidedByMe) where.andWhere('j.decidedByAgentId = :me', { me: agent.id });
  if (filter?.holderId !== undefined && filter?.holderId !== null) {
    where.andWhere('j.assignedAgentId = :holderId', { holderId: parseId(filter.holderId, 'Agent') });
  }
  if (filter?.held === true) where.andWhere('j.assignedAgentId IS NOT NULL');
  if (filter?.held === false) where.andWhere('j.assignedAgentId IS NULL');
  if (caisses) where.andWhere('j.caisseCode IN (:...caisses)', { caisses });
  if (filter?.profession) where.andWhere('j.profession = :profession', { profession: filter.profession });
  if (filter?.contradictionDetected) {
    const flagged = where.subQuery().select('p.justificatif_id').from(Precheck, 'p').where('p.contradictions > 0');
    where.andWhere(`j.id IN ${flagged.getQuery()}`);
  }
  if (filter?.campaignYear !== undefined && filter?.campaignYear !== null) {
    const campaigns = await ctx.loaders.campaigns();
    const ids = campaigns
      .filter((c) => c.referenceYear === filter.campaignYear && (!filter.scheme || c.scheme === filter.scheme))
      .map((c) => c.id);
    if (ids.length === 0) return null;
    where.andWhere('j.campaignId IN (:...campaignIds)', { campaignIds: ids });
    if (filter.indicatorCode) {
      const indicators = await ctx.db
        .getRepository(Indicator)
        .find({ where: { campaignId: In(ids), code: filter.indicatorCode }, select: { id: true } });
      if (indicators.length === 0) return null;
      where.andWhere('j.indicatorId IN (:...indicatorIds)', { indicatorIds: indicators.map((i) => i.id) });
    }
  } else if (filter?.indicatorCode) {
    throw badInput("Le filtre par indicateur demande l'année de campagne.", 'indicatorCode');
  }
  for (const [bound, op, field] of [
    [filter?.minAgeDays, '<=', 'minAgeDays'],
    [filter?.maxAgeDays, '>=', 'maxAgeDays'],
  ] as const) {
    if (bound === null || bound === undefined) continue;
    if (!Number.isInteger(bound) || bound < 0 || bound > 3650) throw badInput('Âge en jours invalide.', field);
    // The dashboard's age buckets cut at the same instants (progress/age-buckets.ts): at least N days old
    // is received before now − N days; at most N days old is received at or after now − (N + 1) days.
    if (op === '<=' && bound > 0)
      where.andWhere('j.receivedAt < :minAgeAt', { minAgeAt: new Date(now - bound * DAY_MS) });
    if (op === '>=') where.andWhere('j.receivedAt >= :maxAgeAt', { maxAgeAt: new Date(now - (bound + 1) * DAY_MS) });
  }
  return where;
}

function checkView(filter: JustificatifQueueFilter | null | undefined): QueueView {
  if (filter?.minAgeDays != null && filter?.maxAgeDays != null && filter.minAgeDays > filter.maxAgeDays) {
    throw badInput('L’âge minimum dépasse l’âge maximum.', 'minAgeDays');
  }
  return filter?.view ?? 'TO_PROCESS';
}

export async function justificatifQueue(
  ctx: RequestContext,
  filter: JustificatifQueueFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  backwards: Pick<QueuePageRequest, 'last' | 'before'> = {},
) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const reverse = (backwards.last ?? null) !== null || !!backwards.before;
  if (reverse && after) throw badInput('« after » et « before » ne se combinent pas.', 'before');
  const limit = pageSize(reverse ? (backwards.last ?? first) : first);
  const view = checkView(filter);
  const oldestFirst = filter?.oldestFirst ?? true;
  const cursor = decodeCursor(reverse ? backwards.before : after, ['string', 'number'] as const);
  const now = Date.now();
  const emptyPage = {
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, endCursor: null },
    hasPreviousPage: false,
    startCursor: null,
    totalCount: 0,
  };
  const where = await queueWhere(ctx, agent, filter, view, now);
  if (!where) return emptyPage;

  const totalCount = await where.clone().getCount();
  // Backwards, the rows are read in the opposite order from the cursor, then put back in the list's order.
  const ascending = reverse ? !oldestFirst : oldestFirst;
  const page = where
    .clone()
    .orderBy('j.receivedAt', ascending ? 'ASC' : 'DESC')
    .addOrderBy('j.id', ascending ? 'ASC' : 'DESC');
  if (cursor) applyKeyset(page, new Date(cursor[0]), cursor[1], ascending);
  const rows = await page.take(limit + 1).getMany();
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  if (reverse) kept.reverse();
  const result = toPage(
    kept.map((r) => justificatifNode(r, now)),
    limit,
    (n) => [n.receivedAt.toISOString(), Number(n.id)],
  );
  const startCursor = result.edges[0]?.cursor ?? null;
  return reverse
    ? // Before a cursor there is always the cursor's row after; the last page has nothing after.
      {
        ...result,
        pageInfo: { hasNextPage: !!backwards.before, endCursor: result.pageInfo.endCursor },
        hasPreviousPage: more,
        startCursor,
        totalCount,
      }
    : {
        ...result,
        pageInfo: { hasNextPage: more, endCursor: result.pageInfo.endCursor },
        hasPreviousPage: !!after,
        startCursor,
        totalCount,
      };
}

/** The number of pieces per view for one filter: the tabs' counts. */
export async function justificatifQueueCounts(
  ctx: RequestContext,
  filter: JustificatifQueueFilter | null | undefined,
): Promise<Record<QueueView, number>> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  checkView(filter);
  const now = Date.now();
  const counts = await Promise.all(
    QUEUE_VIEWS.map(async (view) => {
      const where = await queueWhere(ctx, agent, filter, view, now);
      return where ? where.getCount() : 0;
    }),
  );
  return Object.fromEntries(QUEUE_VIEWS.map((view, i) => [view, counts[i]!])) as Record<QueueView, number>;
}

function applyKeyset(query: SelectQueryBuilder<Justificatif>, receivedAt: Date, id: number, ascending: boolean) {
  if (Number.isNaN(receivedAt.getTime())) throw badInput('Curseur de pagination invalide.', 'after');
  const op = ascending ? '>' : '<';
  query.andWhere(
    new Brackets((qb) =>
      qb
        .where(`j.receivedAt ${op} :cursorAt`, { cursorAt: receivedAt })
        .orWhere(
          new Brackets((tie) =>
            tie.where('j.receivedAt = :cursorAt').andWhere(`j.id ${op} :cursorId`, { cursorId: id }),
          ),
        ),
    ),
  );
}
