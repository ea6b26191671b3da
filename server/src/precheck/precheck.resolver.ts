import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { JustificatifNode } from '../justificatifs/justificatif.types';
import { PrecheckNode } from './precheck-node.types';
import { precheckNode } from './precheck.nodes';

/** `Justificatif.precheck`: read through the parent, so within the agent's caisses by construction. */
@Resolver(() => JustificatifNode)
export class JustificatifPrecheckResolver {
  @FieldResolver(() => PrecheckNode, {
    nullable: true,
    description: 'Pré-contrôle de la pièce (null : pas de fichier). Aide à la lecture, jamais une décision.',
  })
  async precheck(@Root() j: JustificatifNode, @Ctx() ctx: RequestContext): Promise<PrecheckNode | null> {
    const row = await ctx.loaders.precheckByJustificatif.load(Number(j.id));
    return row ? precheckNode(row) : null;
  }
}
