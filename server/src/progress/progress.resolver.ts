import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Profession, Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { ProfessionEnum, SchemeEnum } from '../common/graphql-enums';
import { CampaignProgressNode } from './progress.types';
import { campaignProgress } from './progress.service';

@Resolver()
export class ProgressResolver {
  @Query(() => CampaignProgressNode, {
    description: 'Avancement de campagne : déclarations, stock de justificatifs, atteinte, montants.',
  })
  campaignProgress(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum, { nullable: true }) scheme: Scheme | null,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Arg('profession', () => ProfessionEnum, { nullable: true }) profession: Profession | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CampaignProgressNode> {
    return campaignProgress(ctx, campaignYear, scheme, caisseCode, profession);
  }
}
