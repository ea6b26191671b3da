import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Scheme } from '../../common/enums';
import { LocalDate } from '../../common/scalars';
import type { RequestContext } from '../../common/request-context';
import { SchemeEnum } from '../../common/graphql-enums';
import { CampaignNode } from '../campaign.types';
import {
  CampaignHistoryNode,
  CampaignLifecycleResult,
  CampaignRunNode,
  ComputationPreviewNode,
} from './campaign-lifecycle.types';
import {
  campaignComputationPreview,
  campaignHistory,
  closeCampaign,
  computeCampaign,
  currentRunOf,
  getCampaignRun,
  markCampaignPaid,
  type LifecycleResult,
} from './campaign-lifecycle.service';

@Resolver(() => CampaignNode)
export class CampaignLifecycleResolver {
  @Mutation(() => CampaignLifecycleResult, {
    description: 'Clôt la campagne (ouverte → close) : administrateur national.',
  })
  closeCampaign(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<LifecycleResult> {
    return closeCampaign(ctx, year, scheme, expectedVersion);
  }

  @Mutation(() => CampaignLifecycleResult, {
    description:
      'Calcule la campagne (close → calculée) par lots, avec reprise. Des justificatifs reçus non vérifiés demandent force et motif. Relancer reprend un calcul interrompu.',
  })
  computeCampaign(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('force', () => Boolean, { defaultValue: false }) force: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LifecycleResult> {
    return computeCampaign(ctx, year, scheme, expectedVersion, force, reason);
  }

  @Mutation(() => CampaignLifecycleResult, { description: 'Marque la campagne payée (calculée → payée).' })
  markCampaignPaid(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('paymentDate', () => LocalDate, { nullable: true }) paymentDate: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LifecycleResult> {
    return markCampaignPaid(ctx, year, scheme, expectedVersion, paymentDate);
  }

  @Query(() => ComputationPreviewNode, { description: 'Ce que le calcul ferait maintenant, par caisse.' })
  campaignComputationPreview(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ): Promise<ComputationPreviewNode> {
    return campaignComputationPreview(ctx, year, scheme);
  }

  @Query(() => CampaignRunNode, { description: 'Progression d’un calcul de campagne.' })
  campaignRun(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CampaignRunNode> {
    return getCampaignRun(ctx, id);
  }

  @FieldResolver(() => CampaignRunNode, { nullable: true, description: 'Le dernier calcul lancé.' })
  currentRun(@Root() campaign: CampaignNode, @Ctx() ctx: RequestContext): Promise<CampaignRunNode | null> {
    return currentRunOf(ctx, campaign.computeRunId);
  }

  @FieldResolver(() => [CampaignHistoryNode], { description: 'Changements d’état (superviseurs, administrateurs).' })
  history(@Root() campaign: CampaignNode, @Ctx() ctx: RequestContext): Promise<CampaignHistoryNode[]> {
    return campaignHistory(ctx, Number(campaign.id));
  }
}
