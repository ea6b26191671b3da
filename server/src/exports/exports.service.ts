/**
 * CSV exports for supervisors: the justificatif queue, campaign progress and rémunérations per
 * professional. Each is checked (permission, filters) before the first byte, audited, then produced
 * page by page over indexed keys, so that memory stays flat whatever the scope.
 */
import { In } from 'typeorm';
import { Permission, effectiveCaisses, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Indicator } from '../campaigns/indicator.entity';
import {
  PROFESSIONS,
  QUEUE_VIEWS,
  SCHEMES,
  type DeclarationStatus,
  type Profession,
  type QueueView,
  type Scheme,
} from '../common/enums';
import { badInput } from '../common/errors';
import { Declaration } from '../declarations/declaration.entity';
import { findCampaign } from '../campaigns/campaigns.service';
import type { RequestContext } from '../common/request-context';
import type { CsvValue } from '../imports/csv';
import { justificatifQueue } from '../justificatifs/queue.service';
import type { JustificatifQueueFilter } from '../justificatifs/justificatif.types';
import { Payment } from '../payments/payment.entity';
import { Professional } from '../professionals/professional.entity';
import { campaignProgress } from '../progress/progress.service';
import {
  DECLARATION_STATUS_LABELS,
  JUSTIFICATIF_CHANNEL_LABELS,
  JUSTIFICATIF_STATUS_LABELS,
  PROFESSION_LABELS,
  REJECTION_REASON_LABELS,
  parisDateTime,
} from '../common/labels';

export type Query = Record<string, unknown>;

export interface CsvExport {
  fileName: string;
  header: string[];
  rows: AsyncIterable<CsvValue[]>;
}

/** Professionals per page of the rémunérations export. */
const PAGE = 1_000;

export const money = (cents: number | null | undefined): CsvValue =>
  cents === null || cents === undefined ? '' : { raw: (cents / 100).toFixed(2).replace('.', ',') };

export const dateTime = (d: Date | null | undefined) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : '');

export function text(query: Query, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw badInput(`Paramètre « ${name} » invalide.`, name);
  return value;
}

export function int(query: Query, name: string, required = false): number | null {
  const value = text(query, name);
  if (value === null) {
    if (required) throw badInput(`Paramètre « ${name} » obligatoire.`, name);
    return null;
  }
  if (!/^\d{1,6}$/.test(value)) throw badInput(`Paramètre « ${name} » : nombre entier attendu.`, name);
  return Number(value);
}

export function member<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
  required = false,
): T | null {
  const value = text(query, name);
  if (value === null) {
    if (required) throw badInput(`Paramètre « ${name} » obligatoire (${allowed.join(', ')}).`, name);
    return null;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw badInput(`Paramètre « ${name} » : valeur inconnue « ${value.slice(0, 30)} ».`, name);
  }
  return value as T;
}

export async function audit(
  agent: AuthenticatedAgent,
  ctx: RequestContext,
  what: string,
  filters: Record<string, string | number | boolean | null>,
) {
  await ctx.db.transaction((em) =>
    recordAudit(em, {
      agentId: agent.id,
      action: 'EXPORT_DOWNLOADED',
      targetType: 'EXPORT',
      targetId: what,
      caisseCode: agent.caisseCode,
      details: filters,
    }),
  );
}

export const stamp = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------

export async function justificatifsExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const filter: JustificatifQueueFilter = {
    view: member<QueueView>(query, 'view', QUEUE_VIEWS) ?? 'ALL_PENDING',
    campaignYear: int(query, 'campaignYear'),
    scheme: member<Scheme>(query, 'scheme', SCHEMES),
    indicatorCode: text(query, 'indicatorCode'),
    profession: member<Profession>(query, 'profession', PROFESSIONS),
    caisseCode: text(query, 'caisseCode'),
    minAgeDays: int(query, 'minAgeDays'),
    maxAgeDays: int(query, 'maxAgeDays'),
    oldestFirst: text(query, 'oldestFirst') !== 'false',
  };
  // The first page checks the filters before anything is sent.
  const firstPage = await justificatifQueue(ctx, filter, 100, null);
  await audit(agent, ctx, 'JUSTIFICATIFS', { ...filter, view: filter.view ?? null } as Record<
    string,
    string | number | boolean | null
  >);
  const campaigns = new Map((await ctx.loaders.campaigns()).map((c) => [c.id, c]));
  const indicators = new Map<number, { code: string; label: string }>();

  async function* rows(): AsyncGenerator<CsvValue[]> {
    let page = firstPage;
    for (;;) {
      const nodes = page.nodes;
      const professionals = new Map(
        nodes.length
          ? (
              await ctx.db
                .getRepository(Professional)
                .findBy({ id: In([...new Set(nodes.map((n) => n.professionalId))]) })
            ).map((p) => [p.id, p])
          : [],
      );
      const missing = [...new Set(nodes.map((n) => n.indicatorId))].filter((id) => !indicators.has(id));
      if (missing.length) {
        for (const i of await ctx.db
          .getRepository(Indicator)
          .find({ where: { id: In(missing) }, select: { id: true, code: true, label: true } })) {
          indicators.set(i.id, { code: i.code, label: i.label });
        }
      }
      for (const n of nodes) {
        const p = professionals.get(n.professionalId);
        yield [
          n.id,
          parisDateTime(n.receivedAt),
          n.ageDays,
          JUSTIFICATIF_CHANNEL_LABELS[n.channel] ?? n.channel,
          JUSTIFICATIF_STATUS_LABELS[n.status] ?? n.status,
          n.caisseCode,
          PROFESSION_LABELS[n.profession] ?? n.profession,
          campaigns.get(n.campaignId)?.label ?? '',
          indicators.get(n.indicatorId)?.code ?? '',
          indicators.get(n.indicatorId)?.label ?? '',
          p?.amNumber ?? '',
          p?.rpps ?? '',
          p?.lastName ?? '',
          p?.firstName ?? '',
          (n.rejectionReasons ?? []).map((r) => REJECTION_REASON_LABELS[r] ?? r).join(' / '),
          parisDateTime(n.decidedAt),
        ];
      }
      if (!page.pageInfo.hasNextPage) return;
      page = await justificatifQueue(ctx, filter, 100, page.pageInfo.endCursor);
    }
  }

  return {
    fileName: `justificatifs-${stamp()}.csv`,
    header: [
      'Identifiant',
      'Reçu le (heure de Paris)',
      'Ancienneté (jours)',
      'Canal',
      'Statut',
      'Caisse',
      'Profession',
      'Campagne',
      'Code indicateur',
      'Indicateur',
      'N° AM',
      'RPPS',
      'Nom',
      'Prénom',
      'Motifs de rejet',
      'Décidé le (heure de Paris)',
    ],
    rows: rows(),
  };
}

/** The achievement columns, filled on the per-indicator lines only. */
const NO_COUNTS: CsvValue[] = ['', '', '', ''];

export async function progressExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const year = int(query, 'campaignYear', true)!;
  const scheme = member<Scheme>(query, 'scheme', SCHEMES);
  const caisseCode = text(query, 'caisseCode');
  const profession = member<Profession>(query, 'profession', PROFESSIONS);
  const progress = await campaignProgress(ctx, year, scheme, caisseCode, profession);
  await audit(agent, ctx, 'PROGRESS', { campaignYear: year, scheme, caisseCode, profession });

  async function* rows(): AsyncGenerator<CsvValue[]> {
    yield [
      'Total',
      '',
      'Périmètre',
      progress.professionalsConcerned,
      progress.declarationsStarted,
      progress.declarationsTransmitted,
      progress.justificatifs.pending,
      money(progress.projectedCents),
      money(progress.computedCents),
      ...NO_COUNTS,
    ];
    for (const [section, lines] of [
      ['Profession', progress.byProfession],
      ['Caisse', progress.byCaisse],
    ] as const) {
      for (const l of lines) {
        yield [
          section,
          l.key,
          l.label,
          l.professionalsConcerned,
          l.declarationsStarted,
          l.declarationsTransmitted,
          l.justificatifsPending,
          money(l.projectedCents),
          money(l.computedCents),
          ...NO_COUNTS,
        ];
      }
    }
    for (const a of progress.achievementByIndicator) {
      yield [
        'Indicateur',
        a.code,
        a.label,
        '',
        '',
        '',
        '',
        '',
        '',
        a.achieved,
        a.notAchieved,
        a.neutralised,
        a.pendingJustificatif,
      ];
    }
  }

  return {
    fileName: `avancement-${year}${scheme ? `-${scheme.toLowerCase()}` : ''}-${stamp()}.csv`,
    header: [
      'Ventilation',
      'Clé',
      'Libellé',
      'PS concernés',
      'Déclarations commencées',
      'Déclarations transmises',
      'Justificatifs en attente',
      'Rémunération projetée (€)',
      'Rémunération calculée (€)',
      'Atteints',
      'Non atteints',
      'Neutralisés',
      'En attente de justificatif',
    ],
    rows: rows(),
  };
}

interface RemunerationRow {
  id: number;
  amNumber: string;
  rpps: string | null;
  adeli: string | null;
  lastName: string;
  firstName: string;
  profession: Profession;
  caisseCode: string;
  status: string | null;
  projected: number | string | null;
  computed: number | string | null;
}

export async function remunerationsExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const year = int(query, 'campaignYear', true)!;
  const scheme = member<Scheme>(query, 'scheme', SCHEMES, true)!;
  const caisses = effectiveCaisses(agent, text(query, 'caisseCode'));
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  await audit(agent, ctx, 'REMUNERATIONS', { campaignYear: year, scheme, caisseCode: text(query, 'caisseCode') });

  async function* rows(): AsyncGenerator<CsvValue[]> {
    if (caisses && caisses.length === 0) return;
    let afterId = 0;
    for (;;) {
      // Keyset over professionals of the campaign's professions (indexed by caisse, profession, id).
      const q = ctx.db
        .getRepository(Professional)
        .createQueryBuilder('p')
        .leftJoin(Declaration, 'd', 'd.professionalId = p.id AND d.campaignId = :campaignId', {
          campaignId: campaign.id,
        })
        .select('p.id', 'id')
        .addSelect('p.amNumber', 'amNumber')
        .addSelect('p.rpps', 'rpps')
        .addSelect('p.adeli', 'adeli')
        .addSelect('p.lastName', 'lastName')
        .addSelect('p.firstName', 'firstName')
        .addSelect('p.profession', 'profession')
        .addSelect('p.caisseCode', 'caisseCode')
        .addSelect('d.status', 'status')
        .addSelect('d.projectedRemunerationCents', 'projected')
        .addSelect('d.computedRemunerationCents', 'computed')
        .where('p.profession IN (:...professions)', { professions: campaign.professions })
        .andWhere('p.id > :afterId', { afterId })
        .orderBy('p.id', 'ASC')
        .limit(PAGE);
      if (caisses) q.andWhere('p.caisseCode IN (:...caisses)', { caisses });
      const page = await q.getRawMany<RemunerationRow>();
      if (page.length === 0) return;
      const paid = new Map<number, number>();
      const sums = await ctx.db
        .getRepository(Payment)
        .createQueryBuilder('pay')
        .select('pay.professionalId', 'professionalId')
        .addSelect('SUM(pay.amountCents)', 'total')
        .where('pay.campaignId = :campaignId', { campaignId: campaign.id })
        .andWhere("pay.status <> 'CANCELLED'")
        .andWhere('pay.professionalId IN (:...ids)', { ids: page.map((r) => Number(r.id)) })
        .groupBy('pay.professionalId')
        .getRawMany<{ professionalId: number | string; total: number | string | null }>();
      for (const s of sums) paid.set(Number(s.professionalId), Number(s.total ?? 0));
      for (const r of page) {
        yield [
          r.amNumber,
          r.rpps,
          r.adeli,
          r.lastName,
          r.firstName,
          PROFESSION_LABELS[r.profession] ?? r.profession,
          r.caisseCode,
          DECLARATION_STATUS_LABELS[(r.status ?? 'NOT_STARTED') as DeclarationStatus] ?? r.status,
          money(r.projected === null ? 0 : Number(r.projected)),
          money(r.computed === null ? null : Number(r.computed)),
          money(paid.get(Number(r.id)) ?? 0),
        ];
      }
      if (page.length < PAGE) return;
      afterId = Number(page[page.length - 1]!.id);
    }
  }

  return {
    fileName: `remunerations-${year}-${scheme.toLowerCase()}-${stamp()}.csv`,
    header: [
      'N° AM',
      'RPPS',
      'ADELI',
      'Nom',
      'Prénom',
      'Profession',
      'Caisse',
      'Statut de la déclaration',
      'Rémunération projetée (€)',
      'Rémunération calculée (€)',
      'Montant versé (€)',
    ],
    rows: rows(),
  };
}
