import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission, requirePermission } from '../agents/authorization';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import { CampaignNode } from '../campaigns/campaign.types';
import { campaignNode } from '../campaigns/campaign.nodes';
import type { JustificatifChannel, Scheme } from '../common/enums';
import { badInput } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { JustificatifChannelEnum, SchemeEnum } from '../common/graphql-enums';
import { communicationNode } from '../communications/communications.nodes';
import { CommunicationNode } from '../communications/communication.types';
import { ProfessionalNode } from '../professionals/professional.types';
import { professionalNode } from '../professionals/professional.nodes';
import type { ControlRequestChannel } from './control.entity';
import {
  ControlCaseConnection,
  ControlCaseHistoryNode,
  ControlCaseNode,
  ControlCaseResult,
  ControlFindingInput,
  ControlIndicatorNode,
  ControlOutcomeEnum,
  ControlPlanCreateResult,
  ControlPlanInput,
  ControlPlanNode,
  ControlPlanPreviewResult,
  ControlQueueFilterInput,
  ControlQueueViewEnum,
  ControlRequestChannelEnum,
  CreateControlPlanInput,
  type ControlOutcome,
  type ControlQueueView,
} from './control.types';
import { controlCaseQueue, getControlCase } from './cases.query';
import { transitionControlCase, type ControlCommand } from './cases.service';
import { controlCaseNode, controlIndicatorNodes, controlOutcomeNode, controlPlanNode } from './controls.nodes';
import { controlPlans, createControlPlan, previewControlPlan } from './plans.service';
import { closeNoResponse, previewNoResponse } from './no-response.service';
import { ExpiredControlCasesNode, NoResponseClosureResult } from './no-response.types';
import { controlSupervision } from './supervision.service';
import { ControlSupervisionNode } from './supervision.types';

@Resolver(() => ControlCaseNode)
export class ControlsResolver {
  @Query(() => ControlPlanPreviewResult, { description: 'Aperçu d’un tirage : effectifs par strate, rien n’est créé.' })
  previewControlPlan(@Arg('input', () => ControlPlanInput) input: ControlPlanInput, @Ctx() ctx: RequestContext) {
    return previewControlPlan(ctx, input);
  }

  @Mutation(() => ControlPlanCreateResult, { description: 'Crée le plan et un dossier par professionnel tiré.' })
  async createControlPlan(
    @Arg('input', () => CreateControlPlanInput) input: CreateControlPlanInput,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await createControlPlan(ctx, input);
    return result.kind === 'CREATED' ? { kind: 'CREATED', plan: controlPlanNode(result.plan) } : result;
  }

  @Query(() => [ControlPlanNode], { description: 'Plans de contrôle d’une campagne (les 200 plus récents).' })
  async controlPlans(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ) {
    return (await controlPlans(ctx, campaignYear, scheme)).map(controlPlanNode);
  }

  @Query(() => ControlCaseConnection, { description: 'File des contrôles, les plus anciens d’abord.' })
  async controlCaseQueue(
    @Arg('view', () => ControlQueueViewEnum, { nullable: true }) view: ControlQueueView | null,
    @Arg('filter', () => ControlQueueFilterInput, { nullable: true }) filter: ControlQueueFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const page = await controlCaseQueue(ctx, view, filter, first, after);
    const now = new Date();
    return {
      ...page,
      nodes: page.nodes.map((n) => controlCaseNode(n, now)),
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: controlCaseNode(e.node, now) })),
    };
  }

  @Query(() => ControlCaseNode, { description: 'Un dossier de contrôle (NOT_FOUND hors de la caisse de l’agent).' })
  async controlCase(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return controlCaseNode(await getControlCase(ctx, id));
  }

  @Query(() => ControlSupervisionNode, { description: 'Pilotage des contrôles d’une campagne.' })
  async controlSupervision(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await controlSupervision(ctx, campaignYear, scheme, caisseCode);
    return { ...result, oldestOpenCase: result.oldestOpenCase ? controlCaseNode(result.oldestOpenCase) : null };
  }

  @Query(() => ExpiredControlCasesNode, {
    description: 'Aperçu de la clôture sans réponse : combien de dossiers ont dépassé leur délai. Rien n’est modifié.',
  })
  expiredControlCases(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return previewNoResponse(ctx, campaignYear, scheme, caisseCode);
  }

  @Mutation(() => NoResponseClosureResult, {
    description:
      'Clôt sans réponse les dossiers hors délai (500 au plus par appel), après confirmation du nombre affiché par l’aperçu.',
  })
  async closeExpiredControlCases(
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('expectedCount', () => Int) expectedCount: number,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const result = await closeNoResponse(ctx, campaignYear, scheme, expectedCount, caisseCode);
    return result.kind === 'CLOSED'
      ? { ...result, results: result.results.map((r) => ({ ...r, caseId: String(r.caseId) })) }
      : result;
  }

  @Mutation(() => ControlCaseResult, { description: 'Prendre le dossier en charge.' })
  async takeControlCase(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return controlOutcomeNode(await transitionControlCase(ctx, id, expectedVersion, { action: 'ASSIGNED' }));
  }

  @Mutation(() => ControlCaseResult, { description: 'Libérer le dossier (le sien ; un superviseur : tout dossier).' })
  async releaseControlCase(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return controlOutcomeNode(await transitionControlCase(ctx, id, expectedVersion, { action: 'RELEASED' }));
  }

  @Mutation(() => ControlCaseResult, { description: 'Demande les pièces au professionnel (courrier ou courriel).' })
  async requestControlPieces(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('channel', () => ControlRequestChannelEnum) channel: ControlRequestChannel,
    @Ctx() ctx: RequestContext,
  ) {
    return controlOutcomeNode(
      await transitionControlCase(ctx, id, expectedVersion, { action: 'PIECES_REQUESTED', channel }),
    );
  }

  @Mutation(() => ControlCaseResult, { description: 'Attache une pièce reçue (déposée par POST /api/files).' })
  async attachControlPiece(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('fileId', () => String) fileId: string,
    @Arg('channel', () => JustificatifChannelEnum) channel: JustificatifChannel,
    @Arg('receivedAt', () => Date, { nullable: true }) receivedAt: Date | null,
    @Ctx() ctx: RequestContext,
  ) {
    return controlOutcomeNode(
      await transitionControlCase(ctx, id, expectedVersion, { action: 'PIECE_ATTACHED', fileId, channel, receivedAt }),
    );
  }

  @Mutation(() => ControlCaseResult, {
    description:
      'Conclut le contrôle. NON_COMPLIANT : motifs par indicateur ; NO_RESPONSE : délai dépassé. Réévalue la rémunération et calcule l’indu.',
  })
  async concludeControlCase(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('outcome', () => ControlOutcomeEnum) outcome: ControlOutcome,
    @Arg('motifs', () => [ControlFindingInput], { nullable: true }) motifs: ControlFindingInput[] | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    let command: ControlCommand;
    if (outcome === 'NON_COMPLIANT') {
      command = { action: 'CONCLUDED_NON_COMPLIANT', findings: motifs ?? [], comment };
    } else {
      if (motifs?.length) throw badInput('Les motifs ne s’indiquent que pour une conclusion non conforme.', 'motifs');
      command =
        outcome === 'COMPLIANT' ? { action: 'CONCLUDED_COMPLIANT', comment } : { action: 'NO_RESPONSE', comment };
    }
    return controlOutcomeNode(await transitionControlCase(ctx, id, expectedVersion, command));
  }

  @FieldResolver(() => ProfessionalNode)
  async professional(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<ProfessionalNode> {
    return professionalNode((await ctx.loaders.professional.load(c.professionalId))!);
  }

  @FieldResolver(() => CampaignNode)
  async campaign(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(c.campaignId))!);
  }

  @FieldResolver(() => String, { description: 'Libellé du plan qui a tiré ce dossier.' })
  async planLabel(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.controlPlan.load(c.planId))?.label ?? '';
  }

  @FieldResolver(() => [ControlIndicatorNode])
  async indicators(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<ControlIndicatorNode[]> {
    const [indicators, items] = await Promise.all([
      ctx.loaders.indicatorsByCampaign.load(c.campaignId),
      ctx.loaders.controlItemsByProfessional.load(c.professionalId),
    ]);
    return controlIndicatorNodes({ id: Number(c.id), indicatorCodes: c.indicatorCodes }, indicators, items);
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async assignedTo(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return c.assignedAgentId ? agentSummary(await ctx.loaders.agentById.load(c.assignedAgentId)) : null;
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async concludedBy(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return c.concludedByAgentId ? agentSummary(await ctx.loaders.agentById.load(c.concludedByAgentId)) : null;
  }

  @FieldResolver(() => CommunicationNode, {
    nullable: true,
    description: 'Le courrier ou courriel de demande de pièces, et son état d’envoi.',
  })
  async requestMessage(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<CommunicationNode | null> {
    if (c.requestCommunicationId === null) return null;
    const messages = await ctx.loaders.communicationsByProfessional.load(c.professionalId);
    const message = messages.find((m) => m.id === c.requestCommunicationId);
    return message ? communicationNode(message) : null;
  }

  @FieldResolver(() => [ControlCaseHistoryNode])
  async history(@Root() c: ControlCaseNode, @Ctx() ctx: RequestContext): Promise<ControlCaseHistoryNode[]> {
    const rows = await ctx.loaders.historyByControlCase.load(Number(c.id));
    return Promise.all(
      rows.map(async (h) => ({
        ...h,
        id: String(h.id),
        agentName: h.agentId ? ((await ctx.loaders.agentById.load(h.agentId))?.displayName ?? null) : null,
      })),
    );
  }
}

@Resolver(() => ProfessionalNode)
export class ProfessionalControlsResolver {
  @FieldResolver(() => [ControlCaseNode], { description: 'Contrôles a posteriori du professionnel, et leurs indus.' })
  async controls(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<ControlCaseNode[]> {
    requirePermission(ctx.agent, Permission.READ_CONTROLS);
    const now = new Date();
    return (await ctx.loaders.controlCasesByProfessional.load(Number(p.id))).map((c) => controlCaseNode(c, now));
  }
}

@Resolver(() => ControlPlanNode)
export class ControlPlanResolver {
  @FieldResolver(() => CampaignNode)
  async campaign(@Root() p: ControlPlanNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(p.campaignId))!);
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async createdBy(@Root() p: ControlPlanNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(p.createdByAgentId));
  }
}
