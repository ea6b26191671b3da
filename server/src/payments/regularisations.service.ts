/**
 * The régularisations of a campaign (due amounts changed after computation: reversals, contrôles), in the
 * agent's caisses, in the order they were made (keyset over the id). The CSV export is payment-files.ts.
 */
import { In, MoreThan, type FindOptionsWhere } from 'typeorm';
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import { findCampaign } from '../campaigns/campaigns.service';
import type { Scheme } from '../common/enums';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import type { RegularisationNode } from '../justificatifs/reversal.types';
import { Professional } from '../professionals/professional.entity';
import { Regularisation } from './regularisation.entity';

export async function listRegularisations(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
  caisseCode: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const caisses = effectiveCaisses(agent, caisseCode);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['number'] as const);
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  if (caisses !== null && caisses.length === 0)
    return { ...toPage<RegularisationNode>([], limit, () => []), totalCount: 0 };
  const where: FindOptionsWhere<Regularisation> = { campaignId: campaign.id };
  if (caisses !== null) where.caisseCode = In(caisses);
  const repo = ctx.db.getRepository(Regularisation);
  const [totalCount, rows] = await Promise.all([
    repo.countBy(where),
    repo.find({
      where: cursor ? { ...where, id: MoreThan(cursor[0]) } : where,
      order: { id: 'ASC' },
      take: limit + 1,
    }),
  ]);
  const ids = [...new Set(rows.map((r) => r.professionalId))];
  const professionals = ids.length
    ? await ctx.db.getRepository(Professional).find({
        where: { id: In(ids) },
        select: { id: true, lastName: true, firstName: true },
      })
    : [];
  const names = new Map(professionals.map((p) => [p.id, `${p.lastName} ${p.firstName}`]));
  const nodes: RegularisationNode[] = rows.map((r) => ({
    ...r,
    id: String(r.id),
    professionalId: String(r.professionalId),
    professionalName: names.get(r.professionalId) ?? null,
  }));
  return { ...toPage(nodes, limit, (n) => [Number(n.id)]), totalCount };
}
