import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { WorkloadNode } from './workload.types';
import { supervisionWorkload } from './workload.service';

@Resolver()
export class WorkloadResolver {
  @Query(() => WorkloadNode, {
    description: 'Charge du périmètre : stock et tendance hebdomadaire, pièces détenues, décisions par conseiller.',
  })
  supervisionWorkload(
    @Arg('campaignYear', () => Int, { nullable: true }) campaignYear: number | null,
    @Arg('caisseCode', () => String, { nullable: true }) caisseCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkloadNode> {
    return supervisionWorkload(ctx, campaignYear, caisseCode);
  }
}
