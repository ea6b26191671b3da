import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import type { RequestContext } from '../common/request-context';
import type { ImportKind } from './import-kinds';
import { getImportRun, importKindInfos, listImportRuns, startImport } from './imports.service';
import { ImportKindEnum, ImportKindInfoNode, ImportRunConnection, ImportRunNode } from './imports.types';

@Resolver(() => ImportRunNode)
export class ImportsResolver {
  @Mutation(() => ImportRunNode, {
    description:
      "Lance l'import d'un fichier déposé (POST /api/imports/files) ; l'import se poursuit en arrière-plan : suivre sa progression avec importRun.",
  })
  async importFeed(
    @Arg('kind', () => ImportKindEnum) kind: ImportKind,
    @Arg('fileId', () => String) fileId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportRunNode> {
    return startImport(ctx, kind, fileId);
  }

  @Query(() => ImportRunNode, { nullable: true, description: 'Un import, avec sa progression.' })
  async importRun(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ImportRunNode | null> {
    return getImportRun(ctx, id);
  }

  @Query(() => ImportRunConnection, { description: 'Les imports du périmètre, du plus récent au plus ancien.' })
  async importRuns(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportRunConnection> {
    return listImportRuns(ctx, first, after);
  }

  @Query(() => [ImportKindInfoNode], { description: 'Les types de flux, leurs colonnes et un modèle de fichier.' })
  importKinds(@Ctx() ctx: RequestContext): ImportKindInfoNode[] {
    return importKindInfos(ctx);
  }

  @FieldResolver(() => AgentSummary, {
    nullable: true,
    description: 'L’agent qui a lancé l’import (absent : ligne de commande).',
  })
  async startedBy(@Root() run: ImportRunNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return run.agentId === null ? null : agentSummary(await ctx.loaders.agentById.load(run.agentId));
  }
}
