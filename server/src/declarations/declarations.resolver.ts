import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CampaignNode, IndicatorNode } from '../campaigns/campaign.types';
import { campaignNode, indicatorNode } from '../campaigns/campaign.nodes';
import type { RequestContext } from '../common/request-context';
import { JustificatifNode } from '../justificatifs/justificatif.types';
import { justificatifNode } from '../justificatifs/justificatif.nodes';
import {
  DeclarationIndicatorNode,
  DeclarationNode,
  DeclarationTransmissionNode,
  PaperDeclarationInput,
  RemunerationNode,
} from './declaration.types';
import { declarationNode, indicatorNodes, remunerationNode } from './declaration.nodes';
import { recordPaperDeclaration } from './declarations.service';

@Resolver(() => DeclarationNode)
export class DeclarationsResolver {
  @Mutation(() => DeclarationNode, { description: 'Saisie du formulaire papier d’un PS qui n’utilise pas amelipro.' })
  async recordPaperDeclaration(
    @Arg('input', () => PaperDeclarationInput) input: PaperDeclarationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DeclarationNode> {
    return declarationNode((await recordPaperDeclaration(ctx, input)).declaration);
  }

  @FieldResolver(() => CampaignNode)
  async campaign(@Root() d: DeclarationNode, @Ctx() ctx: RequestContext): Promise<CampaignNode> {
    return campaignNode((await ctx.loaders.campaign.load(d.campaignId))!);
  }

  @FieldResolver(() => [DeclarationIndicatorNode], {
    description: 'Chaque indicateur avec valeur, source, atteinte et motif.',
  })
  async indicators(@Root() d: DeclarationNode, @Ctx() ctx: RequestContext): Promise<DeclarationIndicatorNode[]> {
    const evaluated = await ctx.loaders.evaluation.load(Number(d.id));
    return evaluated ? indicatorNodes(evaluated) : [];
  }

  @FieldResolver(() => RemunerationNode, {
    description: 'Rémunération calculée par les règles, avec le motif de chaque ligne.',
  })
  async remuneration(@Root() d: DeclarationNode, @Ctx() ctx: RequestContext): Promise<RemunerationNode> {
    const evaluated = await ctx.loaders.evaluation.load(Number(d.id));
    return evaluated ? remunerationNode(evaluated.evaluation) : { totalCents: 0, complete: true, lines: [] };
  }

  @FieldResolver(() => [DeclarationTransmissionNode])
  async transmissions(@Root() d: DeclarationNode, @Ctx() ctx: RequestContext): Promise<DeclarationTransmissionNode[]> {
    return (await ctx.loaders.transmissionsByDeclaration.load(Number(d.id))).map((t) => ({ ...t, id: String(t.id) }));
  }
}

@Resolver(() => DeclarationIndicatorNode)
export class DeclarationIndicatorResolver {
  @FieldResolver(() => IndicatorNode)
  async indicator(@Root() di: DeclarationIndicatorNode, @Ctx() ctx: RequestContext): Promise<IndicatorNode> {
    const indicators = await ctx.loaders.indicatorsByCampaign.load(di.campaignId);
    return indicatorNode(indicators.find((i) => i.id === di.indicatorId)!);
  }

  @FieldResolver(() => [JustificatifNode], {
    description: 'Pièces reçues pour cet indicateur, la plus récente d’abord.',
  })
  async justificatifs(@Root() di: DeclarationIndicatorNode, @Ctx() ctx: RequestContext): Promise<JustificatifNode[]> {
    const rows = await ctx.loaders.justificatifsByProfessional.load(di.professionalId);
    return rows
      .filter((j) => j.campaignId === di.campaignId && j.indicatorId === di.indicatorId)
      .map((j) => justificatifNode(j));
  }
}
