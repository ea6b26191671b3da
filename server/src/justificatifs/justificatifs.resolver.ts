import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import { CampaignNode, IndicatorNode } from '../campaigns/campaign.types';
import { campaignNode, indicatorNode } from '../campaigns/campaign.nodes';
import type { RejectionReason } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { RejectionReasonEnum } from '../common/graphql-enums';
import { ProfessionalNode } from '../professionals/professional.types';
import { professionalNode } from '../professionals/professional.nodes';
import {
  ChecklistItemInput,
  JustificatifConnection,
  JustificatifDecisionResult,
  JustificatifHistoryNode,
  JustificatifNode,
  JustificatifQueueFilter,
  ReceiveJustificatifInput,
} from './justificatif.types';
import { assignJustificatif } from './assign.service';
import { decideJustificatif, decideOrThrow, type Decision } from './decide.service';
import { DecideJustificatifInput, DecisionOutcomeUnion, type DecisionOutcomeNode } from './decision-outcome.types';
import { decisionOutcomeNode, decisionResultNode } from './justificatif.nodes';
import { getJustificatif, justificatifQueue } from './queue.service';
import { receiveJustificatif } from './receive.service';

@Resolver(() => JustificatifNode)
export class JustificatifsResolver {
  @Query(() => JustificatifConnection, { description: 'File des justificatifs, les plus anciens d’abord par défaut.' })
  justificatifQueue(
    @Arg('filter', () => JustificatifQueueFilter, { nullable: true }) filter: JustificatifQueueFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { nullable: true, description: 'Les N lignes avant « before », ou la dernière page.' })
    last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ) {
    return justificatifQueue(ctx, filter, first, after, { last, before });
  }

  @Query(() => JustificatifNode, { description: 'Un justificatif (NOT_FOUND hors de la caisse de l’agent).' })
  justificatif(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getJustificatif(ctx, id);
  }

  @Mutation(() => DecisionOutcomeUnion, {
    description:
      'Valide ou rejette une pièce. Les refus ordinaires (déjà décidée, prise par un collègue, version périmée, campagne close) sont des issues typées, pas des erreurs.',
  })
  async decideJustificatif(
    @Arg('input', () => DecideJustificatifInput) input: DecideJustificatifInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionOutcomeNode> {
    const decision: Decision =
      input.verdict === 'VALIDATED'
        ? { action: 'VALIDATED', checklist: input.checklist }
        : { action: 'REJECTED', reasons: input.reasons ?? [], comment: input.comment };
    const outcome = await decideJustificatif(ctx, input.id, input.expectedVersion, decision);
    return decisionOutcomeNode(outcome, (id) => ctx.loaders.agentById.load(id));
  }

  @Mutation(() => JustificatifDecisionResult, {
    description: '« Pièce justificative validée par la CPAM ».',
    deprecationReason: 'Utiliser decideJustificatif, dont les refus sont des issues typées.',
  })
  async validateJustificatif(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('checklist', () => [ChecklistItemInput], { nullable: true }) checklist: ChecklistItemInput[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    const { piece, evaluated } = await decideOrThrow(ctx, id, expectedVersion, { action: 'VALIDATED', checklist });
    return decisionResultNode(piece, evaluated);
  }

  @Mutation(() => JustificatifDecisionResult, {
    deprecationReason: 'Utiliser decideJustificatif, dont les refus sont des issues typées.',
  })
  async rejectJustificatif(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reasons', () => [RejectionReasonEnum]) reasons: RejectionReason[],
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const decision = { action: 'REJECTED', reasons, comment } as const;
    const { piece, evaluated } = await decideOrThrow(ctx, id, expectedVersion, decision);
    return decisionResultNode(piece, evaluated);
  }

  @Mutation(() => JustificatifNode, {
    description: 'Prendre (agentId = soi), attribuer (superviseur) ou libérer (null).',
  })
  assignJustificatif(
    @Arg('id', () => ID) id: string,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return assignJustificatif(ctx, id, agentId);
  }

  @Mutation(() => JustificatifDecisionResult, { description: 'Enregistre une pièce reçue par courriel ou courrier.' })
  async receiveJustificatif(
    @Arg('input', () => ReceiveJustificatifInput) input: ReceiveJustificatifInput,
    @Ctx() ctx: RequestContext,
  ) {
    const { piece, evaluated } = await receiveJustificatif(ctx, input);
    return decisionResultNode(piece, evaluated);
  }

  @FieldResolver(() => ProfessionalNode)
  async professional(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<ProfessionalNode> {
    return professionalNode((await ctx.loaders.professional.load(j.professionalId))!);
  }

  @FieldResolver(() => CampaignNode)
  async campaign(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(j.campaignId))!);
  }

  @FieldResolver(() => IndicatorNode)
  async indicator(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<IndicatorNode> {
    const indicators = await ctx.loaders.indicatorsByCampaign.load(j.campaignId);
    return indicatorNode(indicators.find((i) => i.id === j.indicatorId)!);
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async assignedTo(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return j.assignedAgentId ? agentSummary(await ctx.loaders.agentById.load(j.assignedAgentId)) : null;
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async decidedBy(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return j.decidedByAgentId ? agentSummary(await ctx.loaders.agentById.load(j.decidedByAgentId)) : null;
  }

  @FieldResolver(() => [JustificatifHistoryNode])
  async history(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<JustificatifHistoryNode[]> {
    const rows = await ctx.loaders.historyByJustificatif.load(Number(j.id));
    return Promise.all(
      rows.map(async (h) => ({
        ...h,
        id: String(h.id),
        agent: h.agentId ? agentSummary(await ctx.loaders.agentById.load(h.agentId)) : null,
      })),
    );
  }
}
