import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { assertUnreachable } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { bulkAssignJustificatifs, type BulkPieceOutcome } from './bulk.service';
import { JustificatifQueueFilter } from './justificatif.types';
import { justificatifNode } from './justificatif.nodes';
import {
  BulkPieceInput,
  BulkPieceOutcomeUnion,
  QueueCountsNode,
  SaveQueueViewInput,
  SavedQueueViewNode,
  type BulkPieceOutcomeNode,
} from './queue.types';
import { justificatifQueueCounts } from './queue.service';
import { deleteQueueView, saveQueueView, savedQueueViews } from './saved-views';

@Resolver()
export class QueueResolver {
  @Query(() => QueueCountsNode, { description: 'Nombre de pièces par onglet de la file, pour le même filtre.' })
  async justificatifQueueCounts(
    @Arg('filter', () => JustificatifQueueFilter, { nullable: true }) filter: JustificatifQueueFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<QueueCountsNode> {
    const counts = await justificatifQueueCounts(ctx, filter);
    return {
      toProcess: counts.TO_PROCESS,
      mine: counts.MINE,
      allPending: counts.ALL_PENDING,
      processed: counts.PROCESSED,
      opinionAsked: counts.OPINION_ASKED,
    };
  }

  @Query(() => [SavedQueueViewNode], { description: 'Les vues de la file enregistrées par l’agent connecté.' })
  savedQueueViews(@Ctx() ctx: RequestContext) {
    return savedQueueViews(ctx);
  }

  @Mutation(() => SavedQueueViewNode, { description: 'Enregistre une vue de la file (remplace celle de même nom).' })
  saveQueueView(@Arg('input', () => SaveQueueViewInput) input: SaveQueueViewInput, @Ctx() ctx: RequestContext) {
    return saveQueueView(ctx, input.name, input.filter);
  }

  @Mutation(() => Boolean, { description: 'Supprime une vue enregistrée de l’agent connecté.' })
  deleteQueueView(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteQueueView(ctx, id);
  }

  @Mutation(() => [BulkPieceOutcomeUnion], {
    description:
      'Superviseur : réattribue à un conseiller (agentId) ou libère (null) une sélection de pièces, en une opération ; une issue par pièce.',
  })
  async bulkAssignJustificatifs(
    @Arg('pieces', () => [BulkPieceInput]) pieces: BulkPieceInput[],
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BulkPieceOutcomeNode[]> {
    const outcomes = await bulkAssignJustificatifs(ctx, pieces, agentId);
    return outcomes.map(bulkOutcomeNode);
  }
}

export function bulkOutcomeNode(outcome: BulkPieceOutcome): BulkPieceOutcomeNode {
  switch (outcome.kind) {
    case 'DONE':
      return {
        __typename: 'BulkReassigned',
        id: outcome.id,
        changed: outcome.changed,
        message: outcome.changed
          ? outcome.piece.assignedAgentId
            ? 'Réattribuée.'
            : 'Libérée.'
          : 'Déjà dans cet état : rien n’a changé.',
        justificatif: justificatifNode(outcome.piece),
      };
    case 'ALREADY_DECIDED':
      return {
        __typename: 'BulkAlreadyDecided',
        id: outcome.id,
        message: `Déjà ${outcome.piece.status === 'VALIDATED' ? 'validée' : 'rejetée'} : laissée telle quelle.`,
        justificatif: justificatifNode(outcome.piece),
      };
    case 'NOT_IN_CAISSE':
      return { __typename: 'BulkNotInCaisse', id: outcome.id, message: outcome.reason };
    case 'STALE':
      return {
        __typename: 'BulkStale',
        id: outcome.id,
        message: 'La pièce a changé depuis votre lecture (prise, libérée ou modifiée) : rechargez la liste.',
        justificatif: justificatifNode(outcome.piece),
      };
    default:
      return assertUnreachable(outcome);
  }
}
