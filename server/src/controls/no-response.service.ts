/**
 * Closing the cases whose deadline passed without an answer, in bulk: a superviseur sees how many (preview),
 * confirms that count, and every case goes through the one transition path (`transitionControlCase`, action
 * NO_RESPONSE) in its own transaction — version check, history, findings, re-evaluation, indu, audit — with a
 * result per case. A run that dies midway leaves each case either closed (committed) or untouched; running
 * the action again closes the rest, and the version check means no case is closed twice.
 */
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import { findCampaign } from '../campaigns/campaigns.service';
import type { Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { ControlCase } from './control.entity';
import { transitionControlCase, type ControlRefusalCode } from './cases.service';

/** Cases closed per confirmation: the superviseur confirms again for the rest (the count is shown). */
export const NO_RESPONSE_BATCH = 500;
export const NO_RESPONSE_COMMENT = 'Clôture groupée : délai de réponse dépassé sans pièce reçue.';

export interface ExpiredCases {
  count: number;
  oldestDeadline: string | null;
}

export interface NoResponseCaseResult {
  caseId: number;
  closed: boolean;
  code: ControlRefusalCode | null;
  message: string | null;
}

export type NoResponseClosure =
  | {
      kind: 'CLOSED';
      closedCount: number;
      refusedCount: number;
      remainingCount: number;
      results: NoResponseCaseResult[];
    }
  | { kind: 'COUNT_CHANGED'; message: string; count: number };

const today = () => new Date().toISOString().slice(0, 10);

async function expiredQuery(ctx: RequestContext, campaignYear: number, scheme: Scheme, caisseCode?: string | null) {
  const agent = requirePermission(ctx.agent, Permission.PLAN_CONTROLS);
  const campaign = await findCampaign(ctx.db.manager, campaignYear, scheme);
  const caisses = effectiveCaisses(agent, caisseCode);
  const query = ctx.db
    .getRepository(ControlCase)
    .createQueryBuilder('c')
    .where('c.campaignId = :campaignId AND c.status = :status AND c.responseDeadline < :today', {
      campaignId: campaign.id,
      status: 'PIECES_REQUESTED',
      today: today(),
    });
  if (caisses) query.andWhere(caisses.length ? 'c.caisseCode IN (:...caisses)' : '1 = 0', { caisses });
  return query;
}

/** How many cases of the campaign (in the agent's scope) wait past their deadline. Nothing is written. */
export async function previewNoResponse(
  ctx: RequestContext,
  campaignYear: number,
  scheme: Scheme,
  caisseCode?: string | null,
): Promise<ExpiredCases> {
  const row = await (
    await expiredQuery(ctx, campaignYear, scheme, caisseCode)
  )
    .select('COUNT(*)', 'count')
    .addSelect('MIN(c.responseDeadline)', 'oldest')
    .getRawOne<{ count: string | number; oldest: string | Date | null }>();
  const oldest = row?.oldest ?? null;
  return {
    count: Number(row?.count ?? 0),
    oldestDeadline:
      oldest === null ? null : typeof oldest === 'string' ? oldest.slice(0, 10) : oldest.toISOString().slice(0, 10),
  };
}

/**
 * Closes up to NO_RESPONSE_BATCH expired cases, oldest deadline first, once the superviseur confirmed the count
 * the preview showed (a different count now: COUNT_CHANGED, nothing closed — preview again).
 */
export async function closeNoResponse(
  ctx: RequestContext,
  campaignYear: number,
  scheme: Scheme,
  expectedCount: number,
  caisseCode?: string | null,
): Promise<NoResponseClosure> {
  const { count } = await previewNoResponse(ctx, campaignYear, scheme, caisseCode);
  if (count !== expectedCount) {
    return {
      kind: 'COUNT_CHANGED',
      message: `${count} dossier(s) sont désormais hors délai (et non ${expectedCount}) : vérifiez l’aperçu puis confirmez de nouveau.`,
      count,
    };
  }
  const rows = await (
    await expiredQuery(ctx, campaignYear, scheme, caisseCode)
  )
    .select(['c.id', 'c.version'])
    .orderBy('c.responseDeadline', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .limit(NO_RESPONSE_BATCH)
    .getMany();
  const results: NoResponseCaseResult[] = [];
  for (const row of rows) {
    const outcome = await transitionControlCase(ctx, String(row.id), row.version, {
      action: 'NO_RESPONSE',
      comment: NO_RESPONSE_COMMENT,
      bulk: true,
    });
    results.push(
      outcome.kind === 'UPDATED'
        ? { caseId: row.id, closed: true, code: null, message: null }
        : { caseId: row.id, closed: false, code: outcome.code, message: outcome.message },
    );
  }
  const closedCount = results.filter((r) => r.closed).length;
  return {
    kind: 'CLOSED',
    closedCount,
    refusedCount: results.length - closedCount,
    remainingCount: Math.max(0, count - rows.length),
    results,
  };
}
