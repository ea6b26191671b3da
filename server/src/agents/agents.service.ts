/**
 * Agent management, shared by the ADMIN mutations and the `npm run agent` command line.
 * Every change is written with its audit event in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { MoreThan, QueryFailedError, type DataSource, type FindOptionsWhere } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import type { AgentRole } from '../common/enums';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../common/errors';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { Agent } from './agent.entity';
import {
  displayNameFromEmail,
  validateCaisseCode,
  validateDisplayName,
  validateEmail,
  validatePassword,
  validateRole,
} from './agent-validation';
import { Permission, requirePermission, type AuthenticatedAgent } from './authorization';
import { hashPassword, revokeAgentSessions } from './auth.service';

export const AgentAuditAction = {
  AGENT_CREATED: 'AGENT_CREATED',
  AGENT_DISABLED: 'AGENT_DISABLED',
  AGENT_ENABLED: 'AGENT_ENABLED',
  AGENT_ROLE_CHANGED: 'AGENT_ROLE_CHANGED',
} as const;

/** Who manages agents: an ADMIN through the API, or the operator on the server's command line. */
export type AgentManager = AuthenticatedAgent | 'operator';

export interface AgentsContext {
  db: DataSource;
  manager: AgentManager;
}

/** The ADMIN behind a request, or FORBIDDEN / UNAUTHENTICATED. */
export function managerContext(ctx: { db: DataSource; agent: AuthenticatedAgent | null }): AgentsContext {
  return { db: ctx.db, manager: requirePermission(ctx.agent, Permission.MANAGE_AGENTS) };
}

export const operatorContext = (db: DataSource): AgentsContext => ({ db, manager: 'operator' });

const isNational = (m: AgentManager) => m === 'operator' || m.nationalScope;
const managesCaisse = (m: AgentManager, caisseCode: string) =>
  m === 'operator' || m.nationalScope || m.caisseCode === caisseCode;
const managerId = (m: AgentManager) => (m === 'operator' ? null : m.id);
const via = (m: AgentManager) => (m === 'operator' ? 'cli' : 'api');

export interface CreateAgentData {
  email: string;
  displayName?: string | null;
  role: string;
  caisseCode: string;
  nationalScope?: boolean | null;
  password?: string | null;
}

export interface AgentRights {
  role: string;
  caisseCode: string;
  nationalScope: boolean;
}

/** Checks what a manager may grant: their own caisse (or any when national), national scope only when national. */
function checkGrant(manager: AgentManager, caisseCode: string, nationalScope: boolean) {
  if (!managesCaisse(manager, caisseCode)) {
    throw forbidden('Vous ne pouvez gérer que les agents de votre caisse.');
  }
  if (nationalScope && !isNational(manager)) {
    throw forbidden('Seul un administrateur national peut accorder la visibilité nationale.');
  }
}

export async function createAgent(
  ctx: AgentsContext,
  input: CreateAgentData,
): Promise<{ agent: Agent; generatedPassword: string | null }> {
  const email = validateEmail(input.email);
  const role = validateRole(input.role);
  const caisseCode = validateCaisseCode(input.caisseCode);
  const displayName = validateDisplayName(input.displayName ?? displayNameFromEmail(email));
  const nationalScope = input.nationalScope ?? false;
  const generatedPassword = input.password ? null : generatePassword();
  const password = validatePassword(input.password ?? (generatedPassword as string));
  checkGrant(ctx.manager, caisseCode, nationalScope);

  const passwordHash = await hashPassword(password);
  try {
    const agent = await ctx.db.transaction(async (em) => {
      const repo = em.getRepository(Agent);
      if (await repo.existsBy({ email })) throw duplicateEmail(email);
      const created = await repo.save(
        repo.create({ email, passwordHash, displayName, role, caisseCode, nationalScope, active: true }),
      );
      await recordAudit(em, {
        agentId: managerId(ctx.manager),
        action: AgentAuditAction.AGENT_CREATED,
        targetType: 'AGENT',
        targetId: created.id,
        caisseCode,
        details: { email, role, nationalScope, via: via(ctx.manager) },
      });
      return created;
    });
    return { agent, generatedPassword };
  } catch (error) {
    // Two creations racing on the same e-mail: the unique index decides.
    if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) throw duplicateEmail(email);
    throw error;
  }
}

const duplicateEmail = (email: string) =>
  new AppError(ErrorCode.CONFLICT, `Un agent existe déjà avec l’adresse ${email}.`, { field: 'email' });

/** 24 characters from 144 random bits, URL-safe so it survives copy and paste. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** An agent the manager may act on; another caisse's agent reads as absent. */
async function loadManaged(ctx: AgentsContext, id: number): Promise<Agent> {
  const agent = await ctx.db.getRepository(Agent).findOneBy({ id });
  if (!agent || !managesCaisse(ctx.manager, agent.caisseCode)) throw notFound('Agent');
  return agent;
}

function refuseSelf(ctx: AgentsContext, agent: Agent, message: string) {
  if (managerId(ctx.manager) === agent.id) throw badInput(message, 'id');
}

export async function findAgentByEmail(ctx: AgentsContext, rawEmail: string): Promise<Agent> {
  const email = validateEmail(rawEmail);
  const agent = await ctx.db.getRepository(Agent).findOneBy({ email });
  if (!agent || !managesCaisse(ctx.manager, agent.caisseCode)) throw notFound(`Agent ${email}`);
  return agent;
}

/**
 * Disabling revokes the agent's sessions in the same transaction; the per-request check on
 * `active` already refuses them, so the account stops at once even on another server process.
 * Setting the state it already has changes nothing and records nothing.
 */
export async function setAgentActive(ctx: AgentsContext, id: number, active: boolean): Promise<Agent> {
  const agent = await loadManaged(ctx, id);
  if (!active) refuseSelf(ctx, agent, 'Vous ne pouvez pas désactiver votre propre compte.');
  if (agent.active === active) return agent;
  return ctx.db.transaction(async (em) => {
    await em.getRepository(Agent).update({ id }, { active });
    if (!active) await revokeAgentSessions(em, id);
    await recordAudit(em, {
      agentId: managerId(ctx.manager),
      action: active ? AgentAuditAction.AGENT_ENABLED : AgentAuditAction.AGENT_DISABLED,
      targetType: 'AGENT',
      targetId: id,
      caisseCode: agent.caisseCode,
      details: { email: agent.email, via: via(ctx.manager) },
    });
    return Object.assign(agent, { active });
  });
}

export async function changeAgentRole(ctx: AgentsContext, id: number, rights: AgentRights): Promise<Agent> {
  const role: AgentRole = validateRole(rights.role);
  const caisseCode = validateCaisseCode(rights.caisseCode);
  const agent = await loadManaged(ctx, id);
  refuseSelf(ctx, agent, 'Vous ne pouvez pas modifier vos propres habilitations.');
  checkGrant(ctx.manager, caisseCode, rights.nationalScope);
  const before = { role: agent.role, caisseCode: agent.caisseCode, nationalScope: agent.nationalScope };
  if (before.role === role && before.caisseCode === caisseCode && before.nationalScope === rights.nationalScope) {
    return agent;
  }
  return ctx.db.transaction(async (em) => {
    await em.getRepository(Agent).update({ id }, { role, caisseCode, nationalScope: rights.nationalScope });
    await recordAudit(em, {
      agentId: managerId(ctx.manager),
      action: AgentAuditAction.AGENT_ROLE_CHANGED,
      targetType: 'AGENT',
      targetId: id,
      caisseCode,
      details: {
        fromRole: before.role,
        toRole: role,
        fromCaisseCode: before.caisseCode,
        toCaisseCode: caisseCode,
        fromNationalScope: before.nationalScope,
        toNationalScope: rights.nationalScope,
        via: via(ctx.manager),
      },
    });
    return Object.assign(agent, { role, caisseCode, nationalScope: rights.nationalScope });
  });
}

/** Agents by id, the manager's caisse only unless national. */
export async function listAgents(ctx: AgentsContext, first?: number | null, after?: string | null) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['number'] as const);
  const scope: FindOptionsWhere<Agent> = isNational(ctx.manager)
    ? {}
    : { caisseCode: (ctx.manager as AuthenticatedAgent).caisseCode };
  const repo = ctx.db.getRepository(Agent);
  const [rows, totalCount] = await Promise.all([
    repo.find({
      where: { ...scope, ...(cursor ? { id: MoreThan(cursor[0]) } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    }),
    repo.countBy(scope),
  ]);
  return { ...toPage(rows, limit, (a) => [a.id]), totalCount };
}
