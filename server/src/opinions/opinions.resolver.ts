import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import { assertUnreachable } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { decisionOutcomeNode } from '../justificatifs/justificatif.nodes';
import { justificatifNode } from '../justificatifs/justificatif.nodes';
import { JustificatifNode } from '../justificatifs/justificatif.types';
import { opinionAdviserNode, opinionRequestNode } from './opinion.nodes';
import {
  AnswerOpinionOutcome,
  OpinionAdviserNode,
  OpinionRequestNode,
  RequestOpinionInput,
  RequestOpinionOutcome,
  type RequestOpinionOutcomeNode,
} from './opinion.types';
import { answerOpinion, opinionAdvisers, requestOpinion } from './opinions.service';

@Resolver(() => OpinionRequestNode)
export class OpinionsResolver {
  @Query(() => [OpinionAdviserNode], {
    description:
      'Les agents à qui demander un avis sur la pièce : conseillers et superviseurs de sa caisse, superviseurs nationaux.',
  })
  async opinionAdvisers(
    @Arg('justificatifId', () => ID) justificatifId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<OpinionAdviserNode[]> {
    return (await opinionAdvisers(ctx, justificatifId)).map(opinionAdviserNode);
  }

  @Mutation(() => RequestOpinionOutcome, {
    description:
      '« Demander un avis » sur une pièce : elle reste prise par le demandeur jusqu’à la réponse ou sa décision. Refus typés (déjà décidée, prise par un collègue, version périmée, agent hors caisse…).',
  })
  async requestOpinion(
    @Arg('input', () => RequestOpinionInput) input: RequestOpinionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RequestOpinionOutcomeNode> {
    const result = await requestOpinion(ctx, input);
    switch (result.kind) {
      case 'REQUESTED':
        return {
          __typename: 'OpinionRequested',
          message: `Avis demandé à ${result.adviser.displayName}. La pièce reste prise par vous jusqu’à sa décision.`,
          request: opinionRequestNode(result.request),
          justificatif: justificatifNode(result.piece),
        };
      case 'REFUSED':
        return { __typename: 'OpinionRefused', ...result.refusal };
      case 'PIECE':
        return (await decisionOutcomeNode(result.outcome, (id) =>
          ctx.loaders.agentById.load(id),
        )) as RequestOpinionOutcomeNode;
      default:
        return assertUnreachable(result);
    }
  }

  @Mutation(() => AnswerOpinionOutcome, {
    description: 'L’agent sollicité répond à une demande d’avis ; la réponse rejoint l’historique de la pièce.',
  })
  async answerOpinion(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('answer', () => String) answer: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof AnswerOpinionOutcome> {
    const result = await answerOpinion(ctx, requestId, answer);
    if (result.kind === 'REFUSED') return result.refusal;
    return {
      message: 'Avis transmis : il figure dans l’historique de la pièce.',
      request: opinionRequestNode(result.request),
    };
  }

  @FieldResolver(() => AgentSummary, { nullable: true, description: 'Le demandeur.' })
  async askedBy(@Root() r: OpinionRequestNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(r.askedByAgentId));
  }

  @FieldResolver(() => AgentSummary, { nullable: true, description: 'L’agent sollicité.' })
  async askedAgent(@Root() r: OpinionRequestNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(r.askedAgentId));
  }
}

/** `Justificatif.opinionRequests` and `pendingOpinion`: read through the parent, so within its scope. */
@Resolver(() => JustificatifNode)
export class JustificatifOpinionsResolver {
  @FieldResolver(() => [OpinionRequestNode], {
    description: 'Les demandes d’avis sur la pièce, les plus anciennes d’abord.',
  })
  async opinionRequests(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<OpinionRequestNode[]> {
    return (await ctx.loaders.opinionRequestsByJustificatif.load(Number(j.id))).map(opinionRequestNode);
  }

  @FieldResolver(() => OpinionRequestNode, {
    nullable: true,
    description: 'La demande d’avis en attente, s’il y en a une.',
  })
  async pendingOpinion(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<OpinionRequestNode | null> {
    const rows = await ctx.loaders.opinionRequestsByJustificatif.load(Number(j.id));
    const pending = rows.find((r) => r.status === 'PENDING');
    return pending ? opinionRequestNode(pending) : null;
  }
}
