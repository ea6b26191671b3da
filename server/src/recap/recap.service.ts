import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { snapshotOfDeclaration } from '../campaigns/lifecycle/snapshots';
import { PROFESSION_LABELS, formatEuros } from '../campaigns/rules/format';
import { SCHEMES, type Scheme } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { declarationFor } from '../declarations/declarations.query';
import { indicatorNodes } from '../declarations/declaration.nodes';
import type { RequestContext } from '../common/request-context';
import { readsSnapshot, recapBody } from './recap-body';
import { renderRecapPdf, type RecapData } from './recap-pdf';

const frenchDate = (d: Date | string) =>
  new Date(typeof d === 'string' ? `${d}T00:00:00Z` : d).toLocaleDateString('fr-FR', { timeZone: 'UTC' });

/** Builds the recap of one professional for one campaign; scoped and audited like the file itself. */
export async function buildRecap(
  ctx: RequestContext,
  rawProfessionalId: string,
  rawYear: string,
  rawScheme: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const professionalId = parseId(rawProfessionalId, 'Professionnel');
  if (!/^\d{4}$/.test(rawYear))
    throw badInput(`Année de campagne invalide : « ${rawYear.slice(0, 10)} ».`, 'campaignYear');
  if (!SCHEMES.includes(rawScheme as Scheme))
    throw badInput(`Dispositif inconnu : « ${rawScheme.slice(0, 30)} ».`, 'scheme');
  const year = Number(rawYear);
  const scheme = rawScheme as Scheme;
  const professional = assertInScope(agent, await ctx.loaders.professional.load(professionalId), 'Professionnel');
  const declaration = await declarationFor(ctx, professionalId, year, scheme);
  if (!declaration)
    throw new AppError(ErrorCode.NOT_FOUND, `Aucune déclaration ${scheme} ${year} pour ce professionnel.`);
  const evaluated = (await ctx.loaders.evaluation.load(Number(declaration.id)))!;
  const campaign = evaluated.loaded.campaign;
  const indicators = new Map(evaluated.loaded.indicators.map((i) => [i.id, i]));
  // A computed or paid campaign prints what its computation froze, whatever the référentiel says since.
  const frozen = readsSnapshot(campaign.status) ? await snapshotOfDeclaration(ctx.db, Number(declaration.id)) : null;
  const body = recapBody(
    {
      indicators: indicatorNodes(evaluated).map((i) => ({
        code: indicators.get(i.indicatorId)?.code ?? '',
        label: indicators.get(i.indicatorId)?.label ?? '',
        value: i.value?.display ?? null,
        achievement: i.atteinte.status,
        reason: i.atteinte.reason,
        mention: i.validatedMention,
      })),
      remuneration: evaluated.evaluation.remuneration,
    },
    frozen,
  );
  const payments = (await ctx.loaders.paymentsByProfessional.load(professionalId)).filter(
    (p) => p.campaignId === campaign.id,
  );
  const caisse = await ctx.loaders.caisse.load(professional.caisseCode);

  const data: RecapData = {
    title: `MA CONVENTION - MA DÉCLARATION ${year}`,
    campaignLabel: campaign.label,
    identity: [
      `${professional.lastName.toUpperCase()} ${professional.firstName}`,
      `${PROFESSION_LABELS[professional.profession]}${professional.specialty ? ` — ${professional.specialty}` : ''}`,
      `N° AM : ${professional.amNumber}${professional.rpps ? `   RPPS : ${professional.rpps}` : ''}${professional.adeli ? `   ADELI : ${professional.adeli}` : ''}`,
      professional.addressLine,
      `${professional.postalCode} ${professional.commune.toUpperCase()}`,
      `Caisse de rattachement : ${caisse?.name ?? professional.caisseCode} (${professional.caisseCode})`,
    ],
    ...body,
    payments: payments.map((p) => ({
      label: `${p.kind === 'INITIAL' ? 'Paiement initial' : 'Régularisation'} transmis le ${frenchDate(p.paidOn)}`,
      amount: formatEuros(p.amountCents),
    })),
    generatedOn: frenchDate(new Date()),
  };
  await ctx.db.transaction((em) =>
    recordAudit(em, {
      agentId: agent.id,
      action: 'RECAP_DOWNLOADED',
      targetType: 'PROFESSIONAL',
      targetId: professionalId,
      caisseCode: professional.caisseCode,
      details: { campaignId: campaign.id },
    }),
  );
  return {
    fileName: `recapitulatif-${scheme.toLowerCase()}-${year}-${professional.amNumber}.pdf`,
    bytes: await renderRecapPdf(data),
  };
}
