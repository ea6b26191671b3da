/** The conseiller's queue: one justificatif, and the filtered, keyset-paginated list. */
import { Brackets, In, type SelectQueryBuilder } from 'typeorm';
import { Permission, assertInScope, effectiveCaisses, requirePermission } from '../agents/authorization';
import { Indicator } from '../campaigns/indicator.entity';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
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

export async function justificatifQueue(
  ctx: RequestContext,
  filter: JustificatifQueueFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const limit = pageSize(first);
  const view = filter?.view ?? 'TO_PROCESS';
  const oldestFirst = filter?.oldestFirst ?? true;
  const cursor = decodeCursor(after, ['string', 'number'] as const);
  const caisses = effectiveCaisses(agent, filter?.caisseCode);
  const emptyPage = { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  if (caisses && caisses.length === 0) return emptyPage;

  const where = ctx.db.getRepository(Justificatif).createQueryBuilder('j');
  if (view === 'PROCESSED') where.where('j.status IN (:...decided)', { decided: ['VALIDATED', 'REJECTED'] });
  else where.where('j.status = :received', { received: 'RECEIVED' });
  if (view === 'TO_PROCESS') where.andWhere('j.assignedAgentId IS NULL');
  if (view === 'MINE') where.andWhere('j.assignedAgentId = :me', { me: agent.id });
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
    if (ids.length === 0) return emptyPage;
    where.andWhere('j.campaignId IN (:...campaignIds)', { campaignIds: ids });
    if (filter.indicatorCode) {
      const indicators = await ctx.db
        .getRepository(Indicator)
        .find({ where: { campaignId: In(ids), code: filter.indicatorCode }, select: { id: true } });
      if (indicators.length === 0) return emptyPage;
      where.andWhere('j.indicatorId IN (:...indicatorIds)', { indicatorIds: indicators.map((i) => i.id) });
    }
  } else if (filter?.indicatorCode) {
    throw badInput("Le filtre par indicateur demande l'année de campagne.", 'indicatorCode');
  }
  const now = Date.now();
  for (const [bound, op] of [
    [filter?.minAgeDays, '<='],
    [filter?.maxAgeDays, '>='],
  ] as const) {
    if (bound === null || bound === undefined) continue;
    if (!Number.isInteger(bound) || bound < 0 || bound > 3650) throw badInput('Âge en jours invalide.', 'minAgeDays');
    where.andWhere(`j.receivedAt ${op} :${op === '<=' ? 'olderThan' : 'newerThan'}`, {
      [op === '<=' ? 'olderThan' : 'newerThan']: new Date(now - bound * DAY_MS),
    });
  }

  const totalCount = await where.clone().getCount();
  const page = where
    .clone()
    .orderBy('j.receivedAt', oldestFirst ? 'ASC' : 'DESC')
    .addOrderBy('j.id', oldestFirst ? 'ASC' : 'DESC');
  if (cursor) applyKeyset(page, new Date(cursor[0]), cursor[1], oldestFirst);
  const rows = await page.take(limit + 1).getMany();
  const result = toPage(
    rows.map((r) => justificatifNode(r, now)),
    limit,
    (n) => [n.receivedAt.toISOString(), Number(n.id)],
  );
  return { ...result, totalCount };
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
