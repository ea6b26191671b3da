/**
 * Finding professionals: by exact identifier, or by name prefix on an indexed, accent-free key,
 * with keyset pagination on (search_name, id) and every filter inside the agent's caisse scope.
 */
import { Permission, assertInScope, effectiveCaisses, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { selectFrom } from '../db/find-by-key';
import type { RequestContext } from '../common/request-context';
import { parseSearchQuery } from './identifiers';
import { nameSearchPatterns } from './name-search';
import { searchKey } from './normalize';
import { Professional } from './professional.entity';
import { professionalNode } from './professional.nodes';
import type { ProfessionalFilter, ProfessionalNode } from './professional.types';

/** Conditions of a WHERE clause with their positional parameters, in order. */
interface Conditions {
  sql: string[];
  parameters: unknown[];
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

async function addCampaignFilters(ctx: RequestContext, where: Conditions, filter: ProfessionalFilter): Promise<void> {
  const wantsCampaign =
    filter.declarationStatus ||
    (filter.hasJustificatifToProcess !== undefined && filter.hasJustificatifToProcess !== null) ||
    filter.indicatorCode ||
    filter.achievement;
  if (!wantsCampaign) return;
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
  const inCampaigns = `campaign_id IN (${placeholders(campaignIds)})`;
  if (filter.declarationStatus === 'NOT_STARTED') {
    where.sql.push(
      `NOT EXISTS (SELECT 1 FROM declaration d WHERE d.professional_id = p.id AND d.${inCampaigns} AND d.status <> 'NOT_STARTED')`,
    );
    where.parameters.push(...campaignIds);
  } else if (filter.declarationStatus) {
    where.sql.push(
      `EXISTS (SELECT 1 FROM declaration d WHERE d.professional_id = p.id AND d.${inCampaigns} AND d.status = ?)`,
    );
    where.parameters.push(...campaignIds, filter.declarationStatus);
  }
  if (filter.hasJustificatifToProcess !== undefined && filter.hasJustificatifToProcess !== null) {
    where.sql.push(
      `${filter.hasJustificatifToProcess ? '' : 'NOT '}EXISTS (SELECT 1 FROM justificatif j WHERE j.professional_id = p.id AND j.${inCampaigns} AND j.status = 'RECEIVED')`,
    );
    where.parameters.push(...campaignIds);
  }
  if (filter.indicatorCode || filter.achievement) {
    if (!filter.indicatorCode || !filter.achievement) {
      throw badInput("Le filtre d'atteinte demande un indicateur et un statut.", 'indicatorCode');
    }
    where.sql.push(
      `EXISTS (SELECT 1 FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
         WHERE v.professional_id = p.id AND v.${inCampaigns} AND i.code = ? AND v.achievement = ?)`,
    );
    where.parameters.push(...campaignIds, filter.indicatorCode, filter.achievement);
  }
}

/**
 * The search is written in SQL rather than with the query builder: it is the console's most frequent
 * request, and building the query cost more CPU than running it (docs/performance.md).
 */
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

  const where: Conditions = { sql: [], parameters: [] };
  if (caisses) {
    where.sql.push(`p.caisse_code IN (${placeholders(caisses)})`);
    where.parameters.push(...caisses);
  }
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
      const columns = parsed.candidates.map((kind) =>
        kind === 'RPPS' ? 'p.rpps' : kind === 'ADELI' ? 'p.adeli' : 'p.am_number',
      );
      where.sql.push(`(${columns.map((column) => `${column} = ?`).join(' OR ')})`);
      where.parameters.push(...columns.map(() => parsed.value));
    } else {
      // Surname or first name first, each word possibly unfinished (name-search.ts).
      const patterns = nameSearchPatterns(parsed.value);
      if (patterns.length === 0) throw badInput('Saisissez au moins une lettre du nom.', 'query');
      where.sql.push(`(${patterns.map(() => "p.search_name LIKE ? ESCAPE '!'").join(' OR ')})`);
      where.parameters.push(...patterns);
    }
  }
  if (filter?.profession) {
    where.sql.push('p.profession = ?');
    where.parameters.push(filter.profession);
  }
  if (filter?.commune?.trim()) {
    where.sql.push('p.commune_key = ?');
    where.parameters.push(searchKey(filter.commune));
  }
  if (filter) await addCampaignFilters(ctx, where, filter);

  const clause = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
  const [count] = (await ctx.db.query(
    `SELECT COUNT(*) AS total FROM professional p${clause(where.sql)}`,
    where.parameters,
  )) as { total: number | string }[];
  const keyset = cursor ? ['(p.search_name > ? OR (p.search_name = ? AND p.id > ?))'] : [];
  const select = selectFrom(ctx.db, Professional, 'p');
  const rows = select.hydrate(
    await ctx.db.query(
      `${select.sql}${clause([...where.sql, ...keyset])} ORDER BY p.search_name ASC, p.id ASC LIMIT ?`,
      [...where.parameters, ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []), limit + 1],
    ),
  );
  const result = toPage(rows, limit, (row) => [row.searchName, row.id]);
  return {
    ...result,
    nodes: result.nodes.map(professionalNode),
    edges: result.edges.map((e) => ({ ...e, node: professionalNode(e.node) })),
    totalCount: Number(count?.total ?? 0),
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
