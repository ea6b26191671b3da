import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { SchemeEnum } from '../common/graphql-enums';
import { CampaignNode, IndicatorNode } from './campaign.types';
import { indicatorNode } from './campaign.nodes';
import { getCampaign, listCampaigns } from './campaigns.service';

@Resolver(() => CampaignNode)
export class CampaignsResolver {
  @Query(() => [CampaignNode], { description: 'Toutes les campagnes, la plus récente d’abord.' })
  campaigns(@Ctx() ctx: RequestContext): Promise<CampaignNode[]> {
    return listCampaigns(ctx);
  }

  @Query(() => CampaignNode)
  campaign(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ): Promise<CampaignNode> {
    return getCampaign(ctx, year, scheme);
  }

  @FieldResolver(() => [IndicatorNode])
  async indicators(@Root() campaign: CampaignNode, @Ctx() ctx: RequestContext): Promise<IndicatorNode[]> {
    return (await ctx.loaders.indicatorsByCampaign.load(Number(campaign.id))).map(indicatorNode);
  }
}
