/**
 * GET /api/exports/indus?campaignYear=&scheme=[&caisseCode=]: one line per concluded control with an indu,
 * for recovery — who, which indicators, paid, due, indu, and the lines' reasons. Keyset over case ids.
 */
import { In } from 'typeorm';
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import { SCHEMES, type Scheme } from '../common/enums';
import { findCampaign } from '../campaigns/campaigns.service';
import {
  audit,
  dateTime,
  int,
  member,
  money,
  stamp,
  text,
  type CsvExport,
  type Query,
} from '../exports/exports.service';
import type { RequestContext } from '../common/request-context';
import type { CsvValue } from '../imports/csv';
import { Professional } from '../professionals/professional.entity';
import { formatEuros } from '../campaigns/rules/format';
import { ControlCase } from './control.entity';
import { STATUS_LABELS } from './control.machine';

const PAGE = 1_000;

export async function indusExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const year = int(query, 'campaignYear', true)!;
  const scheme = member<Scheme>(query, 'scheme', SCHEMES, true)!;
  const caisseCode = text(query, 'caisseCode');
  const caisses = effectiveCaisses(agent, caisseCode);
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  await audit(agent, ctx, 'INDUS', { campaignYear: year, scheme, caisseCode });

  async function* rows(): AsyncGenerator<CsvValue[]> {
    if (caisses && caisses.length === 0) return;
    let afterId = 0;
    for (;;) {
      const q = ctx.db
        .getRepository(ControlCase)
        .createQueryBuilder('c')
        .where('c.campaignId = :campaignId', { campaignId: campaign.id })
        .andWhere('c.induCents > 0')
        .andWhere('c.id > :afterId', { afterId })
        .orderBy('c.id', 'ASC')
        .take(PAGE);
      if (caisses) q.andWhere('c.caisseCode IN (:...caisses)', { caisses });
      const page = await q.getMany();
      if (page.length === 0) return;
      const professionals = new Map(
        (
          await ctx.db.getRepository(Professional).findBy({ id: In([...new Set(page.map((c) => c.professionalId))]) })
        ).map((p) => [p.id, p]),
      );
      for (const c of page) {
        const p = professionals.get(c.professionalId);
        yield [
          c.id,
          p?.amNumber ?? '',
          p?.rpps ?? '',
          p?.lastName ?? '',
          p?.firstName ?? '',
          c.profession,
          c.caisseCode,
          `${campaign.scheme} ${campaign.referenceYear}`,
          STATUS_LABELS[c.status],
          dateTime(c.concludedAt),
          (c.findings ?? []).map((f) => f.indicatorCode).join(', '),
          money(c.induCents),
          c.induReason ?? '',
          (c.induLines ?? []).map((l) => `${l.label} : ${formatEuros(l.induCents)} (${l.reason})`).join(' | '),
        ];
      }
      afterId = page.at(-1)!.id;
    }
  }

  return {
    fileName: `indus-${scheme.toLowerCase()}-${year}-${stamp()}.csv`,
    header: [
      'N° contrôle',
      'N° AM',
      'RPPS',
      'Nom',
      'Prénom',
      'Profession',
      'Caisse',
      'Campagne',
      'Conclusion',
      'Conclu le',
      'Indicateurs non conformes',
      'Indu',
      'Motif',
      'Détail par ligne',
    ],
    rows: rows(),
  };
}
