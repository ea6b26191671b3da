import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { agentSummary } from '../agents/agent-summary';
import { AgentSummary } from '../agents/agent-summary.type';
import type { RequestContext } from '../common/request-context';
import { listAuditTrail } from './audit-trail.service';
import { AuditEventConnection, AuditEventNode, AuditTrailFilter, toAuditEventNode } from './audit.types';

@Resolver(() => AuditEventNode)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      'Journal d’audit, du plus récent au plus ancien (superviseurs et administrateurs ; leur caisse sauf s’ils sont nationaux).',
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditTrailFilter, { nullable: true }) filter?: AuditTrailFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditEventConnection> {
    const page = await listAuditTrail(ctx, { ...filter, first, after });
    return {
      ...page,
      nodes: page.nodes.map(toAuditEventNode),
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toAuditEventNode(edge.node) })),
    };
  }

  @FieldResolver(() => AgentSummary, { nullable: true, description: 'L’agent auteur.' })
  async agent(@Root() event: AuditEventNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    if (event.agentId === null) return null;
    return agentSummary(await ctx.loaders.agentById.load(Number(event.agentId)));
  }
}
