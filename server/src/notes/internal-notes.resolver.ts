import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import type { RequestContext } from '../common/request-context';
import { AddInternalNoteInput, AddInternalNoteResult, InternalNoteNode } from './internal-note.types';
import { addInternalNote, listInternalNotes } from './internal-notes.service';

@Resolver(() => InternalNoteNode)
export class InternalNotesResolver {
  @Query(() => [InternalNoteNode], {
    description:
      'Annotations internes d’une pièce (justificatifId) ou d’un dossier et de ses pièces (professionalId), les plus récentes d’abord ; agents de la caisse seulement.',
  })
  internalNotes(
    @Arg('professionalId', () => ID, { nullable: true }) professionalId: string | null,
    @Arg('justificatifId', () => ID, { nullable: true }) justificatifId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InternalNoteNode[]> {
    return listInternalNotes(ctx, { professionalId, justificatifId });
  }

  @Mutation(() => AddInternalNoteResult, { description: 'Un agent de la caisse annote un dossier ou une pièce.' })
  addInternalNote(
    @Arg('input', () => AddInternalNoteInput) input: AddInternalNoteInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof AddInternalNoteResult> {
    return addInternalNote(ctx, input);
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async agent(@Root() note: InternalNoteNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(note.agentId));
  }
}
