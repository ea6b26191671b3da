/** Supervision of the controls of one campaign: cases by status and age, compliance, indus per caisse. */
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import type { Profession, Scheme } from '../common/enums';
import { findCampaign } from '../campaigns/campaigns.service';
import type { RequestContext } from '../common/request-context';
import { CONCLUDED_STATUSES, ControlCase, ControlItem, type ControlCaseStatus } from './control.entity';

const DAY_MS = 86_400_000;

export interface ControlSupervision {
  caseCount: number;
  byStatus: {
    status: ControlCaseStatus;
    count: number;
    under30Days: number;
    from30To60Days: number;
    over60Days: number;
  }[];
  compliance: {
    indicatorCode: string;
    profession: Profession;
    concluded: number;
    nonCompliant: number;
    complianceRatePercent: number;
  }[];
  indusByCaisse: { caisseCode: string; caseCount: number; induCents: number }[];
  oldestOpenCase: ControlCase | null;
}

export async function controlSupervision(
  ctx: RequestContext,
  campaignYear: number,
  scheme: Scheme,
  caisseCode: string | null | undefined,
): Promise<ControlSupervision> {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const campaign = await findCampaign(ctx.db.manager, campaignYear, scheme);
  const caisses = effectiveCaisses(agent, caisseCode);
  const empty: ControlSupervision = {
    caseCount: 0,
    byStatus: [],
    compliance: [],
    indusByCaisse: [],
    oldestOpenCase: null,
  };
  if (caisses && caisses.length === 0) return empty;
  const cases = () => {
    const query = ctx.db
      .getRepository(ControlCase)
      .createQueryBuilder('c')
      .where('c.campaignId = :campaignId', { campaignId: campaign.id });
    if (caisses) query.andWhere('c.caisseCode IN (:...caisses)', { caisses });
    return query;
  };
  const now = Date.now();
  const concluded = [...CONCLUDED_STATUSES];
  const [statusRows, complianceRows, induRows, oldest] = await Promise.all([
    cases()
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(CASE WHEN c.openedAt > :d30 THEN 1 ELSE 0 END)', 'under30')
      .addSelect('SUM(CASE WHEN c.openedAt <= :d30 AND c.openedAt > :d60 THEN 1 ELSE 0 END)', 'from30')
      .setParameters({ d30: new Date(now - 30 * DAY_MS), d60: new Date(now - 60 * DAY_MS) })
      .groupBy('c.status')
      .getRawMany<Record<'status' | 'count' | 'under30' | 'from30', string>>(),
    cases()
      .innerJoin(ControlItem, 'ci', 'ci.caseId = c.id')
      .andWhere('c.status IN (:...concluded)', { concluded })
      .select('ci.indicatorCode', 'indicatorCode')
      .addSelect('c.profession', 'profession')
      .addSelect('COUNT(*)', 'concluded')
      .addSelect('COUNT(ci.finding)', 'nonCompliant')
      .groupBy('ci.indicatorCode')
      .addGroupBy('c.profession')
      .getRawMany<Record<'indicatorCode' | 'profession' | 'concluded' | 'nonCompliant', string>>(),
    cases()
      .andWhere('c.induCents > 0')
      .select('c.caisseCode', 'caisseCode')
      .addSelect('COUNT(*)', 'caseCount')
      .addSelect('SUM(c.induCents)', 'induCents')
      .groupBy('c.caisseCode')
      .orderBy('c.caisseCode', 'ASC')
      .getRawMany<Record<'caisseCode' | 'caseCount' | 'induCents', string>>(),
    cases()
      .andWhere('c.status NOT IN (:...concluded)', { concluded })
      .orderBy('c.openedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getOne(),
  ]);
  const byStatus = statusRows
    .map((r) => {
      const count = Number(r.count);
      const under30Days = Number(r.under30 ?? 0);
      const from30To60Days = Number(r.from30 ?? 0);
      return {
        status: r.status as ControlCaseStatus,
        count,
        under30Days,
        from30To60Days,
        over60Days: count - under30Days - from30To60Days,
      };
    })
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  return {
    caseCount: byStatus.reduce((sum, s) => sum + s.count, 0),
    byStatus,
    compliance: complianceRows
      .map((r) => {
        const total = Number(r.concluded);
        const nonCompliant = Number(r.nonCompliant);
        return {
          indicatorCode: r.indicatorCode,
          profession: r.profession as Profession,
          concluded: total,
          nonCompliant,
          complianceRatePercent: total === 0 ? 0 : Math.round(((total - nonCompliant) * 1000) / total) / 10,
        };
      })
      .sort((a, b) => (a.indicatorCode + a.profession < b.indicatorCode + b.profession ? -1 : 1)),
    indusByCaisse: induRows.map((r) => ({
      caisseCode: r.caisseCode,
      caseCount: Number(r.caseCount),
      induCents: Number(r.induCents),
    })),
    oldestOpenCase: oldest,
  };
}

const ORDER: ControlCaseStatus[] = [
  'OPEN',
  'PIECES_REQUESTED',
  'PIECES_RECEIVED',
  'CONCLUDED_COMPLIANT',
  'CONCLUDED_NON_COMPLIANT',
  'NO_RESPONSE',
];
