import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentSummary } from '../agents/agent-summary';
import { AgentSummary } from '../agents/agent-summary.type';
import { caisseScope } from '../agents/authorization';
import type { RejectionReason, Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { RejectionReasonEnum, SchemeEnum } from '../common/graphql-enums';
import { ProfessionalNode } from '../professionals/professional.types';
import {
  CommunicationNode,
  CommunicationTemplateNode,
  ExchangeNode,
  LaunchRelanceResult,
  NoticePreviewNode,
  RelanceInput,
  RelancePreviewNode,
  RelanceWaveNode,
  RelanceWaveStatsNode,
} from './communication.types';
import { communicationNode, exchangeNodes, templateNodes, waveNode } from './communications.nodes';
import {
  communicationTemplates,
  getCommunication,
  previewRejectionNotice,
  relanceWave,
  relanceWaves,
  resendCommunication,
  waveStats,
} from './communications.service';
import { launchRelance, previewRelance } from './relances.service';

@Resolver(() => CommunicationNode)
export class CommunicationsResolver {
  @Query(() => CommunicationNode, {
    description: 'Un message, tel qu’envoyé ; celui d’une autre caisse est introuvable.',
  })
  async communication(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CommunicationNode> {
    return communicationNode(await getCommunication(ctx, id));
  }

  @Query(() => [CommunicationTemplateNode], { description: 'Les modèles de messages d’une campagne (référentiel).' })
  async communicationTemplates(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ): Promise<CommunicationTemplateNode[]> {
    return templateNodes(await communicationTemplates(ctx, campaignYear, scheme));
  }

  @Query(() => NoticePreviewNode, {
    nullable: true,
    description: 'La notification de rejet que recevra le professionnel, avant confirmation (rien n’est écrit).',
  })
  previewRejectionNotice(
    @Arg('justificatifId', () => ID) justificatifId: string,
    @Arg('reasons', () => [RejectionReasonEnum]) reasons: RejectionReason[],
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticePreviewNode | null> {
    return previewRejectionNotice(ctx, justificatifId, reasons, comment);
  }

  @Mutation(() => CommunicationNode, { description: 'Renvoie un message (nouvel envoi ; l’original reste tel quel).' })
  async resendCommunication(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CommunicationNode> {
    return communicationNode(await resendCommunication(ctx, id));
  }

  @Query(() => RelancePreviewNode, {
    description: 'Aperçu d’une vague de relance : effectifs, canaux, exemples, exclus.',
  })
  previewRelance(@Arg('input', () => RelanceInput) input: RelanceInput, @Ctx() ctx: RequestContext) {
    return previewRelance(ctx, input);
  }

  @Mutation(() => LaunchRelanceResult, {
    description: 'Lance une vague de relance (idempotent : la même clé ne renvoie rien une seconde fois).',
  })
  async launchRelance(
    @Arg('input', () => RelanceInput) input: RelanceInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof LaunchRelanceResult> {
    const outcome = await launchRelance(ctx, input, idempotencyKey);
    return outcome.ok
      ? { wave: waveNode(outcome.wave), created: outcome.created }
      : { code: outcome.code, message: outcome.message };
  }

  @Query(() => [RelanceWaveNode], { description: 'Vagues de relance d’une campagne, la plus récente d’abord.' })
  async relanceWaves(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ): Promise<RelanceWaveNode[]> {
    return (await relanceWaves(ctx, campaignYear, scheme)).map(waveNode);
  }

  @Query(() => RelanceWaveNode)
  async relanceWave(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RelanceWaveNode> {
    return waveNode(await relanceWave(ctx, id));
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async createdBy(@Root() c: CommunicationNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return c.createdByAgentId === null ? null : agentSummary(await ctx.loaders.agentById.load(c.createdByAgentId));
  }
}

@Resolver(() => RelanceWaveNode)
export class RelanceWaveResolver {
  @FieldResolver(() => RelanceWaveStatsNode, {
    description: 'Envoyés, en échec, et effet : qui a répondu, en combien de jours.',
  })
  stats(@Root() wave: RelanceWaveNode, @Ctx() ctx: RequestContext): Promise<RelanceWaveStatsNode> {
    return waveStats(ctx.db, { ...wave, id: Number(wave.id) }, caisseScope(ctx.agent!));
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async launchedBy(@Root() wave: RelanceWaveNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(wave.launchedByAgentId));
  }
}

@Resolver(() => ProfessionalNode)
export class ProfessionalCommunicationsResolver {
  @FieldResolver(() => [CommunicationNode], { description: 'Notifications et relances, la plus récente d’abord.' })
  async communications(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<CommunicationNode[]> {
    return (await ctx.loaders.communicationsByProfessional.load(Number(p.id))).map(communicationNode);
  }

  @FieldResolver(() => [ExchangeNode], { description: 'Historique des échanges : notifications, relances, contacts.' })
  async exchanges(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<ExchangeNode[]> {
    const [messages, contacts] = await Promise.all([
      ctx.loaders.communicationsByProfessional.load(Number(p.id)),
      ctx.loaders.contactsByProfessional.load(Number(p.id)),
    ]);
    const entries = exchangeNodes(messages, contacts);
    const agents = await ctx.loaders.agentById.loadMany(entries.map((e) => e.agentId ?? 0));
    return entries.map((e, i) => {
      const agent = agents[i];
      return { ...e, agent: e.agentId && agent && !(agent instanceof Error) ? agentSummary(agent) : null };
    });
  }
}
