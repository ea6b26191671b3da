/**
 * Files for the national payment system, per caisse, from a computed campaign's frozen snapshots:
 * the payment file (a TOTAL line per professional, then its rémunération lines with labels, amounts
 * in cents), the reconciliation of the payments imported since (professionals whose paid amount
 * differs, with both amounts), and the régularisations made after payment.
 */
import { In, MoreThan } from 'typeorm';
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import type { Campaign } from '../campaigns/campaign.entity';
import { reconcile } from '../campaigns/lifecycle/amounts';
import { snapshotsOf } from '../campaigns/lifecycle/snapshots';
import { SCHEMES, type Scheme } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { Declaration } from '../declarations/declaration.entity';
import { findCampaign } from '../campaigns/campaigns.service';
import { audit, int, member, text, type CsvExport, type Query } from '../exports/exports.service';
import type { RequestContext } from '../common/request-context';
import type { CsvValue } from '../imports/csv';
import { Professional } from '../professionals/professional.entity';
import { Payment } from './payment.entity';
import { Regularisation } from './regularisation.entity';

const PAGE = 1_000;

interface Scope {
  campaign: Campaign;
  caisses: string[];
  caisseCode: string;
}

/** Campaign (computed or paid) and one caisse, within the agent's scope (another caisse: an empty file). */
async function scopeOf(ctx: RequestContext, query: Query, what: string): Promise<Scope> {
  const agent = requirePermission(ctx.agent, Permission.EXPORT);
  const year = int(query, 'campaignYear', true)!;
  const scheme = member<Scheme>(query, 'scheme', SCHEMES, true)!;
  const caisseCode = text(query, 'caisseCode');
  if (!caisseCode) throw badInput('Paramètre « caisseCode » obligatoire : un fichier par caisse.', 'caisseCode');
  const caisses = effectiveCaisses(agent, caisseCode) ?? [caisseCode];
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  if (campaign.status !== 'COMPUTED' && campaign.status !== 'PAID') {
    throw new AppError(
      ErrorCode.CONFLICT,
      `La campagne ${campaign.label} n'est pas encore calculée : aucun montant n'est figé.`,
    );
  }
  await audit(agent, ctx, what, { campaignYear: year, scheme, caisseCode });
  return { campaign, caisses, caisseCode };
}

type Row = Pick<Declaration, 'id' | 'professionalId' | 'computedRemunerationCents'>;

/** Computed declarations of the caisse, keyset over their id. */
async function* computedDeclarations(ctx: RequestContext, scope: Scope): AsyncGenerator<Row[]> {
  if (scope.caisses.length === 0) return;
  let afterId = 0;
  for (;;) {
    const page = await ctx.db.getRepository(Declaration).find({
      select: { id: true, professionalId: true, computedRemunerationCents: true },
      where: { campaignId: scope.campaign.id, caisseCode: In(scope.caisses), id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: PAGE,
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    afterId = page[page.length - 1]!.id;
  }
}

async function professionalsOf(ctx: RequestContext, ids: number[]): Promise<Map<number, Professional>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.getRepository(Professional).findBy({ id: In([...new Set(ids)]) });
  return new Map(rows.map((p) => [p.id, p]));
}

const identity = (p: Professional | undefined): CsvValue[] => [
  p?.amNumber ?? '',
  p?.rpps ?? '',
  p?.adeli ?? '',
  p?.lastName ?? '',
  p?.firstName ?? '',
];

const IDENTITY_HEADER = ['numero_am', 'rpps', 'adeli', 'nom', 'prenom'];
const fileStem = (kind: string, s: Scope) =>
  `${kind}-${s.campaign.referenceYear}-${s.campaign.scheme.toLowerCase()}-${s.caisseCode}`;

export async function paymentFileExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const scope = await scopeOf(ctx, query, 'PAYMENT_FILE');
  async function* rows(): AsyncGenerator<CsvValue[]> {
    for await (const page of computedDeclarations(ctx, scope)) {
      const payable = page.filter((d) => (d.computedRemunerationCents ?? 0) > 0);
      const [professionals, snapshots] = await Promise.all([
        professionalsOf(
          ctx,
          payable.map((d) => d.professionalId),
        ),
        snapshotsOf(
          ctx.db,
          payable.map((d) => d.id),
        ),
      ]);
      for (const d of payable) {
        const p = professionals.get(d.professionalId);
        const base = [scope.caisseCode, ...identity(p)];
        yield ['TOTAL', ...base, '', 'Rémunération calculée', d.computedRemunerationCents!];
        for (const line of snapshots.get(d.id)?.lines ?? []) {
          if (line.amountCents === 0) continue;
          yield ['LIGNE', ...base, line.indicatorCode ?? '', line.label, line.amountCents];
        }
      }
    }
  }
  return {
    fileName: `${fileStem('paiement', scope)}.csv`,
    header: ['type', 'caisse', ...IDENTITY_HEADER, 'code_ligne', 'libelle', 'montant_centimes'],
    rows: rows(),
  };
}

async function paidBy(ctx: RequestContext, campaignId: number, professionalIds: number[]) {
  if (professionalIds.length === 0) return [];
  const sums = await ctx.db
    .getRepository(Payment)
    .createQueryBuilder('pay')
    .select('pay.professionalId', 'professionalId')
    .addSelect('SUM(pay.amountCents)', 'total')
    .where('pay.campaignId = :campaignId', { campaignId })
    .andWhere("pay.status <> 'CANCELLED'")
    .andWhere('pay.professionalId IN (:...ids)', { ids: professionalIds })
    .groupBy('pay.professionalId')
    .getRawMany<{ professionalId: number | string; total: number | string | null }>();
  return sums.map((s) => ({ professionalId: Number(s.professionalId), paidCents: Number(s.total ?? 0) }));
}

async function regularisedBy(ctx: RequestContext, campaignId: number, professionalIds: number[]) {
  if (professionalIds.length === 0) return [];
  const sums = await ctx.db
    .getRepository(Regularisation)
    .createQueryBuilder('r')
    .select('r.professionalId', 'professionalId')
    .addSelect('SUM(r.amountCents)', 'total')
    .where('r.campaignId = :campaignId', { campaignId })
    .andWhere('r.professionalId IN (:...ids)', { ids: professionalIds })
    .groupBy('r.professionalId')
    .getRawMany<{ professionalId: number | string; total: number | string | null }>();
  return sums.map((s) => ({ professionalId: Number(s.professionalId), dueCents: Number(s.total ?? 0) }));
}

/** Professionals of the caisse whose paid amount (payments imported, not cancelled) differs from the due one. */
export async function reconciliationExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const scope = await scopeOf(ctx, query, 'RECONCILIATION');
  async function* rows(): AsyncGenerator<CsvValue[]> {
    for await (const page of computedDeclarations(ctx, scope)) {
      const ids = page.map((d) => d.professionalId);
      const due = [
        ...page.map((d) => ({ professionalId: d.professionalId, dueCents: d.computedRemunerationCents ?? 0 })),
        ...(await regularisedBy(ctx, scope.campaign.id, ids)),
      ];
      const gaps = reconcile(due, await paidBy(ctx, scope.campaign.id, ids));
      const professionals = await professionalsOf(
        ctx,
        gaps.map((g) => g.professionalId),
      );
      for (const gap of gaps) {
        yield [
          scope.caisseCode,
          ...identity(professionals.get(gap.professionalId)),
          gap.dueCents,
          gap.paidCents,
          gap.differenceCents,
        ];
      }
    }
  }
  return {
    fileName: `${fileStem('rapprochement', scope)}.csv`,
    header: ['caisse', ...IDENTITY_HEADER, 'du_centimes', 'paye_centimes', 'ecart_centimes'],
    rows: rows(),
  };
}

/** Régularisations of the caisse, in the order they were made, like the payment file's lines. */
export async function regularisationsExport(ctx: RequestContext, query: Query): Promise<CsvExport> {
  const scope = await scopeOf(ctx, query, 'REGULARISATIONS');
  async function* rows(): AsyncGenerator<CsvValue[]> {
    if (scope.caisses.length === 0) return;
    let afterId = 0;
    for (;;) {
      const page = await ctx.db.getRepository(Regularisation).find({
        where: { campaignId: scope.campaign.id, caisseCode: In(scope.caisses), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      if (page.length === 0) return;
      const professionals = await professionalsOf(
        ctx,
        page.map((r) => r.professionalId),
      );
      for (const r of page) {
        yield [
          'REGULARISATION',
          scope.caisseCode,
          ...identity(professionals.get(r.professionalId)),
          r.previousDueCents,
          r.newDueCents,
          r.amountCents,
          r.reason,
          r.createdAt.toISOString().slice(0, 10),
        ];
      }
      if (page.length < PAGE) return;
      afterId = page[page.length - 1]!.id;
    }
  }
  return {
    fileName: `${fileStem('regularisations', scope)}.csv`,
    header: [
      'type',
      'caisse',
      ...IDENTITY_HEADER,
      'du_avant_centimes',
      'du_apres_centimes',
      'montant_centimes',
      'motif',
      'date',
    ],
    rows: rows(),
  };
}
