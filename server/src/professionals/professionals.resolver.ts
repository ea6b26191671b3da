import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CampaignNode } from '../campaigns/campaign.types';
import { campaignNode } from '../campaigns/campaign.nodes';
import type { JustificatifStatus, Scheme } from '../common/enums';
import { ContactLogNode } from '../contacts/contact.types';
import { contactNode } from '../contacts/contact.nodes';
import { DeclarationNode } from '../declarations/declaration.types';
import { declarationNode } from '../declarations/declaration.nodes';
import { declarationFor } from '../declarations/declarations.query';
import type { RequestContext } from '../common/request-context';
import { JustificatifStatusEnum, SchemeEnum } from '../common/graphql-enums';
import { JustificatifNode } from '../justificatifs/justificatif.types';
import { justificatifNode } from '../justificatifs/justificatif.nodes';
import { PaymentNode } from '../payments/payment.types';
import { paymentNode } from '../payments/payment.nodes';
import { CaisseNode, ProfessionalConnection, ProfessionalFilter, ProfessionalNode } from './professional.types';
import { getProfessional, searchProfessionals } from './professionals.service';

@Resolver(() => ProfessionalNode)
export class ProfessionalsResolver {
  @Query(() => ProfessionalConnection, {
    description:
      'Recherche par début de nom ou identifiant exact, filtres par profession, caisse, commune et campagne.',
  })
  professionals(
    @Arg('filter', () => ProfessionalFilter, { nullable: true }) filter: ProfessionalFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return searchProfessionals(ctx, filter, first, after);
  }

  @Query(() => ProfessionalNode, { nullable: true })
  professional(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return getProfessional(ctx, id);
  }

  @FieldResolver(() => CaisseNode)
  async caisse(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<CaisseNode> {
    return (await ctx.loaders.caisse.load(p.caisseCode)) ?? { code: p.caisseCode, name: p.caisseCode, departement: '' };
  }

  @FieldResolver(() => [CampaignNode], {
    description: 'Campagnes qui concernent sa profession, la plus récente d’abord.',
  })
  async campaigns(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<CampaignNode[]> {
    return (await ctx.loaders.campaigns()).filter((c) => c.professions.includes(p.profession)).map(campaignNode);
  }

  @FieldResolver(() => DeclarationNode, { nullable: true })
  declaration(
    @Root() p: ProfessionalNode,
    @Arg('campaignYear', () => Int) campaignYear: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Ctx() ctx: RequestContext,
  ): Promise<DeclarationNode | null> {
    return declarationFor(ctx, Number(p.id), campaignYear, scheme);
  }

  @FieldResolver(() => [DeclarationNode])
  async declarations(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<DeclarationNode[]> {
    return (await ctx.loaders.declarationsByProfessional.load(Number(p.id))).map(declarationNode);
  }

  @FieldResolver(() => [JustificatifNode])
  async justificatifs(
    @Root() p: ProfessionalNode,
    @Arg('status', () => JustificatifStatusEnum, { nullable: true }) status: JustificatifStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JustificatifNode[]> {
    const rows = await ctx.loaders.justificatifsByProfessional.load(Number(p.id));
    return rows.filter((j) => !status || j.status === status).map((j) => justificatifNode(j));
  }

  @FieldResolver(() => [PaymentNode], { description: 'Paiements de toutes les années, le plus récent d’abord.' })
  async payments(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<PaymentNode[]> {
    return (await ctx.loaders.paymentsByProfessional.load(Number(p.id))).map(paymentNode);
  }

  @FieldResolver(() => [ContactLogNode], { description: 'Journal des échanges (DAM).' })
  async contacts(@Root() p: ProfessionalNode, @Ctx() ctx: RequestContext): Promise<ContactLogNode[]> {
    return (await ctx.loaders.contactsByProfessional.load(Number(p.id))).map(contactNode);
  }
}
