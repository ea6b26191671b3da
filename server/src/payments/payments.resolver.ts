import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CampaignNode } from '../campaigns/campaign.types';
import { campaignNode } from '../campaigns/campaign.nodes';
import type { RequestContext } from '../common/request-context';
import { PaymentNode } from './payment.types';

@Resolver(() => PaymentNode)
export class PaymentsResolver {
  @FieldResolver(() => CampaignNode)
  async campaign(@Root() payment: PaymentNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(payment.campaignId))!);
  }
}
