/**
 * The superviseur's view of the work: the backlog and its trend over the weeks, the pieces held and
 * by whom, what each conseiller decided per day. A few grouped queries over the scope (days and weeks
 * cut in SQL by CASE over Paris midnights computed here), whatever the number of pieces.
 */
import { In } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { agentSummary } from '../agents/agent-summary';
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import { badInput } from '../common/errors';
import { addDays, parisDay, parisDayStart } from '../common/labels';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
import type { WorkloadNode } from './workload.types';

const DAY_MS = 86_400_000;
export const TREND_WEEKS = 12;
export const DECIDED_DAYS = 14;
const num = (v: unknown) => Number(v ?? 0);
/** A raw MIN(datetime): a Date (MySQL) or UTC text without a zone (SQLite). */
const instant = (at: string | Date) =>
  at instanceof Date ? at : new Date(/[TZ+]/.test(at.slice(10)) ? at : `${at.replace(' ', 'T')}Z`);
const ageDays = (at: string | Date | null | undefined, now: number) =>
  at === null || at === undefined ? null : Math.max(0, Math.floor((now - instant(at).getTime()) / DAY_MS));

/** Mondays (Paris) of the last `weeks` weeks, oldest first, the current week last. */
export function weekStarts(today: string, weeks: number): string[] {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(today, -weekday);
  return Array.from({ length: weeks }, (_, i) => addDays(monday, -7 * (weeks - 1 - i)));
}

export async function supervisionWorkload(
  ctx: RequestContext,
  campaignYear: number | null | undefined,
  caisseCode: string | null | undefined,
): Promise<WorkloadNode> {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const caisses = effectiveCaisses(agent, caisseCode);
  const empty: WorkloadNode = { pending: 0, held: 0, oldestPendingAgeDays: null, backlogTrend: [], conseillers: [] };
  if (caisses && caisses.length === 0) return empty;
  let campaignIds: number[] | null = null;
  if (campaignYear !== null && campaignYear !== undefined) {
    if (!Number.isInteger(campaignYear) || campaignYear < 2000 || campaignYear > 2100)
      throw badInput(`Année de campagne invalide : ${campaignYear}.`, 'campaignYear');
    campaignIds = (await ctx.loaders.campaigns()).filter((c) => c.referenceYear === campaignYear).map((c) => c.id);
    if (campaignIds.length === 0) return empty;
  }
  const base = () => {
    const q = ctx.db.getRepository(Justificatif).createQueryBuilder('j').where('1 = 1');
    if (caisses) q.andWhere('j.caisseCode IN (:...caisses)', { caisses });
    if (campaignIds) q.andWhere('j.campaignId IN (:...campaignIds)', { campaignIds });
    return q;
  };
  const now = new Date();
  const today = parisDay(now);
  const weeks = weekStarts(today, TREND_WEEKS);
  // The backlog at the end of each week: received before, not decided before. The current week: now.
  const ends = weeks.map((w, i) => (i === weeks.length - 1 ? now : parisDayStart(addDays(w, 7))));
  const trend = base().select('COUNT(*)', 'n');
  ends.forEach((end, i) =>
    trend.addSelect(
      `SUM(CASE WHEN j.receivedAt < :end${i} AND (j.decidedAt IS NULL OR j.decidedAt >= :end${i}) THEN 1 ELSE 0 END)`,
      `w${i}`,
    ),
  );
  for (const [i, end] of ends.entries()) trend.setParameter(`end${i}`, end);
  trend.andWhere('j.receivedAt < :lastEnd', { lastEnd: now });
  // Only what could count: received before now, and undecided or decided within the window.
  trend.andWhere('(j.decidedAt IS NULL OR j.decidedAt >= :firstEnd)', { firstEnd: ends[0] });

  const days = Array.from({ length: DECIDED_DAYS }, (_, i) => addDays(today, i - (DECIDED_DAYS - 1)));
  const dayStarts = days.map(parisDayStart);
  const dayCase = `CASE ${dayStarts
    .map((_, i) => `WHEN j.decidedAt >= :day${DECIDED_DAYS - 1 - i}`)
    .map((w, i) => `${w} THEN ${DECIDED_DAYS - 1 - i}`)
    .join(' ')} ELSE -1 END`;
  const decided = base()
    .select('j.decidedByAgentId', 'agentId')
    .addSelect(dayCase, 'day')
    .addSelect('COUNT(*)', 'n')
    .andWhere('j.status IN (:...decidedStatuses)', { decidedStatuses: ['VALIDATED', 'REJECTED'] })
    .andWhere('j.decidedAt >= :since', { since: dayStarts[0] })
    .andWhere('j.decidedByAgentId IS NOT NULL')
    .groupBy('j.decidedByAgentId')
    .addGroupBy('day');
  for (const [i, start] of dayStarts.entries()) decided.setParameter(`day${i}`, start);

  const [trendRow, pendingRow, heldRows, decidedRows, conseillers] = await Promise.all([
    trend.getRawOne<Record<string, string | number | null>>(),
    base()
      .select('COUNT(*)', 'n')
      .addSelect('MIN(j.receivedAt)', 'oldest')
      .andWhere('j.status = :received', { received: 'RECEIVED' })
      .getRawOne<{ n: string; oldest: string | Date | null }>(),
    base()
      .select('j.assignedAgentId', 'agentId')
      .addSelect('COUNT(*)', 'n')
      .addSelect('MIN(j.receivedAt)', 'oldest')
      .andWhere('j.status = :received', { received: 'RECEIVED' })
      .andWhere('j.assignedAgentId IS NOT NULL')
      .groupBy('j.assignedAgentId')
      .getRawMany<{ agentId: number | string; n: string; oldest: string | Date }>(),
    decided.getRawMany<{ agentId: number | string; day: number | string; n: string }>(),
    ctx.db.getRepository(Agent).find({
      where: { role: 'CONSEILLER', active: true, ...(caisses ? { caisseCode: In(caisses) } : {}) },
      order: { displayName: 'ASC' },
    }),
  ]);

  const nowMs = now.getTime();
  const ids = new Set<number>(conseillers.map((c) => c.id));
  // A holder or decider who is no longer an active conseiller of the scope still shows.
  for (const r of [...heldRows, ...decidedRows]) ids.add(num(r.agentId));
  const agents = (await ctx.loaders.agentById.loadMany([...ids])).filter(
    (a): a is Agent => !!a && !(a instanceof Error),
  );
  agents.sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  return {
    pending: num(pendingRow?.n),
    held: heldRows.reduce((a, r) => a + num(r.n), 0),
    oldestPendingAgeDays: ageDays(pendingRow?.oldest, nowMs),
    backlogTrend: weeks.map((weekStart, i) => ({ weekStart, backlog: num(trendRow?.[`w${i}`]) })),
    conseillers: agents.map((a) => {
      const held = heldRows.find((r) => num(r.agentId) === a.id);
      const perDay = days.map((day, i) => ({
        day,
        count: decidedRows
          .filter((r) => num(r.agentId) === a.id && num(r.day) === i)
          .reduce((acc, r) => acc + num(r.n), 0),
      }));
      return {
        agent: agentSummary(a)!,
        held: num(held?.n),
        oldestHeldAgeDays: ageDays(held?.oldest, nowMs),
        decidedPerDay: perDay,
        decidedTotal: perDay.reduce((acc, d) => acc + d.count, 0),
      };
    }),
  };
}
