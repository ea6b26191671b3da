import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AgentRole } from '../common/enums';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import {
  AgentConnection,
  AgentNode,
  AgentRoleEnum,
  CreateAgentInput,
  CreateAgentResultNode,
  LoginResultNode,
  toAgentNode,
} from './agent.types';
import { changeAgentRole, createAgent, listAgents, managerContext, setAgentActive } from './agents.service';
import { clearSessionCookie, login, logout, setSessionCookie } from './auth.service';
import { requireAgent } from './authorization';

const agentId = (raw: string) => parseId(raw, 'Identifiant d’agent');

@Resolver()
export class AgentsResolver {
  @Query(() => AgentNode, { description: 'L’agent connecté (UNAUTHENTICATED sans session valide).' })
  me(@Ctx() ctx: RequestContext): AgentNode {
    return toAgentNode(requireAgent(ctx.agent));
  }

  @Mutation(() => LoginResultNode, {
    description:
      'Ouvre une session et pose le cookie httpOnly `mcbo_session`. Après 10 échecs en 15 minutes pour un compte depuis une adresse, 20 pour un compte, 100 depuis une adresse : TOO_MANY_ATTEMPTS avec `retryAfterSeconds` ; chaque échec dit les essais restants (`remainingAttempts`).',
  })
  async login(
    @Ctx() ctx: RequestContext,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<LoginResultNode> {
    try {
      const outcome = await login(ctx, email, password);
      setSessionCookie(ctx.config, ctx.req, ctx.res, outcome.token, outcome.expiresAt);
      return { token: outcome.token, expiresAt: outcome.expiresAt, agent: toAgentNode(outcome.agent) };
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.TOO_MANY_ATTEMPTS) {
        ctx.res?.setHeader('Retry-After', String(error.extensions.retryAfterSeconds));
      }
      throw error;
    }
  }

  @Mutation(() => Boolean, {
    description: 'Ferme la session courante et efface le cookie ; faux si la requête ne portait aucune session.',
  })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    const ended = await logout(ctx);
    clearSessionCookie(ctx.config, ctx.req, ctx.res);
    return ended;
  }

  @Query(() => AgentConnection, { description: 'Agents, par identifiant (ADMIN ; sa caisse sauf s’il est national).' })
  async agents(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AgentConnection> {
    const page = await listAgents(managerContext(ctx), first, after);
    return {
      ...page,
      nodes: page.nodes.map(toAgentNode),
      edges: page.edges.map((e) => ({ ...e, node: toAgentNode(e.node) })),
    };
  }

  @Mutation(() => CreateAgentResultNode, { description: 'Crée un agent (ADMIN).' })
  async createAgent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateAgentInput) input: CreateAgentInput,
  ): Promise<CreateAgentResultNode> {
    const { agent, generatedPassword } = await createAgent(managerContext(ctx), input);
    return { agent: toAgentNode(agent), generatedPassword };
  }

  @Mutation(() => AgentNode, { description: 'Désactive un agent : ses sessions cessent immédiatement (ADMIN).' })
  async disableAgent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AgentNode> {
    return toAgentNode(await setAgentActive(managerContext(ctx), agentId(id), false));
  }

  @Mutation(() => AgentNode, { description: 'Réactive un agent désactivé (ADMIN).' })
  async enableAgent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AgentNode> {
    return toAgentNode(await setAgentActive(managerContext(ctx), agentId(id), true));
  }

  @Mutation(() => AgentNode, {
    description: 'Change le rôle, la caisse et la visibilité nationale d’un agent (ADMIN).',
  })
  async changeAgentRole(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('role', () => AgentRoleEnum) role: AgentRole,
    @Arg('caisseCode', () => String) caisseCode: string,
    @Arg('nationalScope', () => Boolean) nationalScope: boolean,
  ): Promise<AgentNode> {
    return toAgentNode(await changeAgentRole(managerContext(ctx), agentId(id), { role, caisseCode, nationalScope }));
  }
}
