/** The campaigns of the référentiel: listing, lookup by year and scheme, and whether they accept decisions. */
import { Permission, requirePermission } from '../agents/authorization';
import type { Scheme } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import type { EntityManager } from 'typeorm';
import { Campaign } from './campaign.entity';
import { campaignNode } from './campaign.nodes';
import type { CampaignNode } from './campaign.types';

export async function listCampaigns(ctx: RequestContext): Promise<CampaignNode[]> {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  return (await ctx.loaders.campaigns()).map(campaignNode);
}

export async function getCampaign(ctx: RequestContext, year: number, scheme: Scheme): Promise<CampaignNode> {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(`Année de campagne invalide : ${year}.`, 'year');
  const campaign = (await ctx.loaders.campaigns()).find((c) => c.referenceYear === year && c.scheme === scheme);
  if (!campaign) throw new AppError(ErrorCode.NOT_FOUND, `Campagne ${scheme} ${year} inconnue.`);
  return campaignNode(campaign);
}

export async function findCampaign(em: EntityManager, year: number, scheme: Scheme): Promise<Campaign> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(`Année de campagne invalide : ${year}.`, 'campaignYear');
  const campaign = await em.getRepository(Campaign).findOneBy({ referenceYear: year, scheme });
  if (!campaign)
    throw new AppError(ErrorCode.NOT_FOUND, `Campagne ${scheme} ${year} inconnue.`, { field: 'campaignYear' });
  return campaign;
}

/**
 * Why a campaign accepts no decision nor entry, or null when it does: it accepts them through its window,
 * then through the instruction until its computation.
 */
export function campaignClosedReason(campaign: Campaign): string | null {
  if (campaign.status === 'COMPUTED' || campaign.status === 'PAID')
    return `La campagne ${campaign.label} est calculée : ses décisions et déclarations sont figées.`;
  if (campaign.status === 'UPCOMING') return `La campagne ${campaign.label} n'est pas encore ouverte.`;
  return null;
}

export function assertCampaignOpenForDecisions(campaign: Campaign): void {
  const closed = campaignClosedReason(campaign);
  if (closed) throw new AppError(ErrorCode.CAMPAIGN_CLOSED, closed);
}
