import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { CampaignNode } from '../campaigns/campaign.types';
import { campaignNode } from '../campaigns/campaign.nodes';
import type { Scheme } from '../common/enums';
import { SchemeEnum } from '../common/graphql-enums';
import type { RequestContext } from '../common/request-context';
import { RegularisationConnection } from '../justificatifs/reversal.types';
import { listRegularisations } from './regularisations.service';
import { PaymentNode } from './payment.types';

@Resolver(() => PaymentNode)
export class PaymentsResolver {
  @Query(() => RegularisationConnection, {
    description:
      'Régularisations d’une campagne calculée (recours, contrôles) dans les caisses de l’agent, dans l’ordre où elles ont été faites.',
  })
  regularisations(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listRegularisations(ctx, campaignYear, scheme, caisseCode, first, after);
  }

  @FieldResolver(() => CampaignNode)
  async campaign(@Root() payment: PaymentNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(payment.campaignId))!);
  }
}
