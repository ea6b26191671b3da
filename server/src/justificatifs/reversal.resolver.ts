import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { RejectionReasonEnum } from '../common/graphql-enums';
import type { RejectionReason } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { reverseDecision, type ReversalOutcome } from './reversal.service';
import { ReversalResult } from './reversal.types';

@Resolver()
export class ReversalResolver {
  @Mutation(() => ReversalResult, {
    description:
      'Recours (superviseur de la caisse, jamais sur sa propre décision) : rouvre la pièce (reopen) ou renverse la décision ; après calcul, crée la régularisation.',
  })
  reverseDecision(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
    @Arg('reopen', () => Boolean) reopen: boolean,
    @Arg('rejectionReasons', () => [RejectionReasonEnum], { defaultValue: [] }) rejectionReasons: RejectionReason[],
    @Ctx() ctx: RequestContext,
  ): Promise<ReversalOutcome> {
    return reverseDecision(ctx, id, expectedVersion, reason, reopen, rejectionReasons);
  }
}
