import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import { agentSummary } from '../agents/agent-summary';
import type { RequestContext } from '../common/request-context';
import { ContactInput, ContactLogNode } from './contact.types';
import { logContact } from './contacts.service';

@Resolver(() => ContactLogNode)
export class ContactsResolver {
  @Mutation(() => ContactLogNode, { description: 'Un DAM consigne un appel, une visite ou un courriel.' })
  logContact(
    @Arg('input', () => ContactInput) input: ContactInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactLogNode> {
    return logContact(ctx, input);
  }

  @FieldResolver(() => AgentSummary, { nullable: true })
  async agent(@Root() contact: ContactLogNode, @Ctx() ctx: RequestContext): Promise<AgentSummary | null> {
    return agentSummary(await ctx.loaders.agentById.load(contact.agentId));
  }
}
