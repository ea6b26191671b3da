/**
 * Finding professionals: by exact identifier, or by name prefix on an indexed, accent-free key,
 * with keyset pagination on (search_name, id) and every filter inside the agent's caisse scope.
 */
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { Permission, assertInScope, effectiveCaisses, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import type { RequestContext } from '../graphql/context';
import { parseSearchQuery } from './identifiers';
import { searchKey } from './normalize';
import { Professional } from './professional.entity';
import type { ProfessionalFilter, ProfessionalNode } from './professional.types';

export const professionalNode = (row: Professional): ProfessionalNode => ({ ...row, id: String(row.id) });

type Query = SelectQueryBuilder<Professional>;

async function applyCampaignFilters(ctx: RequestContext, query: Query, filter: ProfessionalFilter): Promise<boolean> {
  const wantsCampaign =
    filter.declarationStatus ||
    (filter.hasJustificatifToProcess !== undefined && filter.hasJustificatifToProcess !== null) ||
    filter.indicatorCode ||
    filter.achievement;
  if (!wantsCampaign) return true;
  if (!filter.campaignYear) throw badInput('Ces critères demandent une année de campagne.', 'campaignYear');
  const campaignIds = (await ctx.loaders.campaigns())
    .filter((c) => c.referenceYear === filter.campaignYear && (!filter.scheme || c.scheme === filter.scheme))
    .map((c) => c.id);
  if (campaignIds.length === 0) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `Aucune campagne ${filter.scheme ?? ''} ${filter.campaignYear}.`.replace('  ', ' '),
      {
        field: 'campaignYear',
      },
    );
  }
  query.setParameter('campaignIds', campaignIds);
  if (filter.declarationStatus === 'NOT_STARTED') {
    query.andWhere(
      "NOT EXISTS (SELECT 1 FROM declaration d WHERE d.professional_id = p.id AND d.campaign_id IN (:...campaignIds) AND d.status <> 'NOT_STARTED')",
    );
  } else if (filter.declarationStatus) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM declaration d WHERE d.professional_id = p.id AND d.campaign_id IN (:...campaignIds) AND d.status = :declarationStatus)',
      { declarationStatus: filter.declarationStatus },
    );
  }
  if (filter.hasJustificatifToProcess !== undefined && filter.hasJustificatifToProcess !== null) {
    query.andWhere(
      `${filter.hasJustificatifToProcess ? '' : 'NOT '}EXISTS (SELECT 1 FROM justificatif j WHERE j.professional_id = p.id AND j.campaign_id IN (:...campaignIds) AND j.status = 'RECEIVED')`,
    );
  }
  if (filter.indicatorCode || filter.achievement) {
    if (!filter.indicatorCode || !filter.achievement) {
      throw badInput("Le filtre d'atteinte demande un indicateur et un statut.", 'indicatorCode');
    }
    query.andWhere(
      `EXISTS (SELECT 1 FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
         WHERE v.professional_id = p.id AND v.campaign_id IN (:...campaignIds) AND i.code = :indicatorCode AND v.achievement = :achievement)`,
      { indicatorCode: filter.indicatorCode, achievement: filter.achievement },
    );
  }
  return true;
}

export async function searchProfessionals(
  ctx: RequestContext,
  filter: ProfessionalFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number'] as const);
  const caisses = effectiveCaisses(agent, filter?.caisseCode);
  const empty = { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  if (caisses && caisses.length === 0) return empty;

  const query = ctx.db.getRepository(Professional).createQueryBuilder('p');
  query.where('1 = 1');
  if (caisses) query.andWhere('p.caisseCode IN (:...caisses)', { caisses });
  const text = filter?.query?.trim();
  if (text) {
    if (text.length > 100) throw badInput('Recherche trop longue (100 caractères au plus).', 'query');
    const parsed = parseSearchQuery(text);
    if (parsed.kind === 'MALFORMED_IDENTIFIER') {
      throw badInput(
        `Identifiant mal formé : « ${parsed.value.slice(0, 30)} ». Attendu : N° AM (9 caractères), RPPS (11 chiffres) ou ADELI (9 chiffres).`,
        'query',
      );
    }
    if (parsed.kind === 'IDENTIFIER') {
      query.andWhere(
        new Brackets((qb) => {
          for (const kind of parsed.candidates) {
            const column = kind === 'RPPS' ? 'p.rpps' : kind === 'ADELI' ? 'p.adeli' : 'p.amNumber';
            qb.orWhere(`${column} = :identifier`, { identifier: parsed.value });
          }
        }),
      );
    } else {
      const prefix = searchKey(parsed.value);
      if (!prefix) throw badInput('Saisissez au moins une lettre du nom.', 'query');
      // Escape LIKE wildcards so that a name is matched literally ('!' reads the same in both dialects).
      query.andWhere("p.searchName LIKE :prefix ESCAPE '!'", { prefix: `${prefix.replace(/[!%_]/g, '!$&')}%` });
    }
  }
  if (filter?.profession) query.andWhere('p.profession = :profession', { profession: filter.profession });
  if (filter?.commune?.trim()) query.andWhere('p.communeKey = :commune', { commune: searchKey(filter.commune) });
  if (filter) await applyCampaignFilters(ctx, query, filter);

  const totalCount = await query.clone().getCount();
  const page = query.clone().orderBy('p.searchName', 'ASC').addOrderBy('p.id', 'ASC');
  if (cursor) {
    page.andWhere(
      new Brackets((qb) =>
        qb
          .where('p.searchName > :cursorName', { cursorName: cursor[0] })
          .orWhere(
            new Brackets((tie) =>
              tie.where('p.searchName = :cursorName').andWhere('p.id > :cursorId', { cursorId: cursor[1] }),
            ),
          ),
      ),
    );
  }
  const rows = await page.take(limit + 1).getMany();
  const result = toPage(rows, limit, (row) => [row.searchName, row.id]);
  return {
    ...result,
    nodes: result.nodes.map(professionalNode),
    edges: result.edges.map((e) => ({ ...e, node: professionalNode(e.node) })),
    totalCount,
  };
}

/** Opens a professional's file: scoped (another caisse reads as unknown) and recorded in the audit trail. */
export async function getProfessional(ctx: RequestContext, rawId: string): Promise<ProfessionalNode> {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const id = parseId(rawId, 'Professionnel');
  const row = assertInScope(agent, await ctx.loaders.professional.load(id), 'Professionnel');
  await ctx.db.transaction((em) =>
    recordAudit(em, {
      agentId: agent.id,
      action: 'PROFESSIONAL_VIEWED',
      targetType: 'PROFESSIONAL',
      targetId: id,
      caisseCode: row.caisseCode,
    }),
  );
  return professionalNode(row);
}
