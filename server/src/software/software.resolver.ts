import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { CampaignNode } from '../campaigns/campaign.types';
import type { Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { SchemeEnum } from '../common/graphql-enums';
import { lapExemptionsOf, setLapExemptions } from './lap-exemptions.service';
import { softwareCatalogue, softwareEntry, upsertSoftware } from './referentiel-admin.service';
import { referentielChanges } from './referentiel-history.service';
import type { ReferentielChangeKind } from './software.entity';
import type { ReferentielRefusal } from './referentiel-edit';
import {
  ReferentielChangeNode,
  SetLapExemptionsResult,
  SoftwareConnection,
  SoftwareInputType,
  SoftwareNode,
  UpsertSoftwareResult,
  type LapExemptionsSavedNode,
  type SoftwareSavedNode,
} from './software.types';

const ReferentielChangeKindEnum = { SOFTWARE: 'SOFTWARE', LAP_EXEMPTIONS: 'LAP_EXEMPTIONS' } as const;
registerEnumType(ReferentielChangeKindEnum, { name: 'ReferentielChangeKind' });

@ArgsType()
class CatalogueArgs {
  @Field(() => String, { nullable: true, description: 'Nom du logiciel ou de l’éditeur (partie).' })
  search?: string | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => CampaignNode)
export class SoftwareResolver {
  @Query(() => SoftwareConnection, { description: 'Catalogue des logiciels métier (tous les agents).' })
  softwareCatalogue(@Args(() => CatalogueArgs) args: CatalogueArgs, @Ctx() ctx: RequestContext) {
    return softwareCatalogue(ctx, args.search, args.first, args.after);
  }

  @Query(() => SoftwareNode, {
    nullable: true,
    description: 'Une entrée du catalogue telle qu’elle est maintenant (tous les agents) ; null si inconnue.',
  })
  software(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SoftwareNode | null> {
    return softwareEntry(ctx, id);
  }

  @Query(() => [ReferentielChangeNode], {
    description:
      'Historique d’une entrée du catalogue (SOFTWARE, id du logiciel) ou des exonérations d’une campagne (LAP_EXEMPTIONS, id de la campagne), le plus récent d’abord.',
  })
  referentielChanges(
    @Arg('kind', () => ReferentielChangeKindEnum) kind: ReferentielChangeKind,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferentielChangeNode[]> {
    return referentielChanges(ctx, kind, targetId, first);
  }

  @Mutation(() => UpsertSoftwareResult, {
    description:
      'Ajoute une entrée au catalogue ou en modifie les qualités (DMP, LAP) : administrateur national. Réévalue les déclarations des campagnes ouvertes qui la citent.',
  })
  upsertSoftware(
    @Arg('input', () => SoftwareInputType) input: SoftwareInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<SoftwareSavedNode | ReferentielRefusal> {
    return upsertSoftware(ctx, input);
  }

  @Mutation(() => SetLapExemptionsResult, {
    description: 'Spécialités exonérées du LAP certifié (forfait structure) : administrateur national.',
  })
  setLapExemptions(
    @Arg('year', () => Int) year: number,
    @Arg('scheme', () => SchemeEnum) scheme: Scheme,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('specialties', () => [String]) specialties: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<LapExemptionsSavedNode | ReferentielRefusal> {
    return setLapExemptions(ctx, year, scheme, expectedVersion, specialties);
  }

  @FieldResolver(() => [String], { description: 'Spécialités exonérées du LAP certifié.' })
  lapExemptions(@Root() campaign: CampaignNode, @Ctx() ctx: RequestContext): Promise<string[]> {
    return lapExemptionsOf(ctx, Number(campaign.id));
  }
}
