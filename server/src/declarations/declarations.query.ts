import type { Scheme } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { declarationNode } from './declaration.nodes';
import type { DeclarationNode } from './declaration.types';

/** The declaration of a professional (already in the agent's scope) for one campaign, or null when none exists. */
export async function declarationFor(
  ctx: RequestContext,
  professionalId: number,
  year: number,
  scheme: Scheme,
): Promise<DeclarationNode | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(`Année de campagne invalide : ${year}.`, 'campaignYear');
  const campaign = (await ctx.loaders.campaigns()).find((c) => c.referenceYear === year && c.scheme === scheme);
  if (!campaign)
    throw new AppError(ErrorCode.NOT_FOUND, `Campagne ${scheme} ${year} inconnue.`, { field: 'campaignYear' });
  const declarations = await ctx.loaders.declarationsByProfessional.load(professionalId);
  const row = declarations.find((d) => d.campaignId === campaign.id);
  return row ? declarationNode(row) : null;
}
