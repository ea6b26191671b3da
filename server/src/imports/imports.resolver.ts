import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import type { ImportKind } from './import-kinds';
import { getImportRun, listImportRuns, startImport } from './imports.service';
import { ImportKindEnum, ImportRunConnection, ImportRunNode } from './imports.types';

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
}
