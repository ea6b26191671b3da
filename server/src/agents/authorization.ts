/**
 * Permissions as an enum mapped to roles; scope checks answer NOT_FOUND so that an agent of
 * one caisse cannot learn that another caisse's record exists.
 */
import type { AgentRole } from '../common/enums';
import { AppError, ErrorCode, forbidden, notFound, unauthenticated } from '../common/errors';

export enum Permission {
  READ_PROFESSIONALS = 'READ_PROFESSIONALS',
  READ_DOCUMENTS = 'READ_DOCUMENTS',
  DECIDE_JUSTIFICATIFS = 'DECIDE_JUSTIFICATIFS',
  RECEIVE_JUSTIFICATIFS = 'RECEIVE_JUSTIFICATIFS',
  ASSIGN_ANY_JUSTIFICATIF = 'ASSIGN_ANY_JUSTIFICATIF',
  TAKE_JUSTIFICATIF = 'TAKE_JUSTIFICATIF',
  ENTER_PAPER_DECLARATIONS = 'ENTER_PAPER_DECLARATIONS',
  LOG_CONTACTS = 'LOG_CONTACTS',
  READ_DASHBOARDS = 'READ_DASHBOARDS',
  EXPORT = 'EXPORT',
  READ_AUDIT = 'READ_AUDIT',
  IMPORT_FEEDS = 'IMPORT_FEEDS',
  MANAGE_AGENTS = 'MANAGE_AGENTS',
  MANAGE_REFERENTIEL = 'MANAGE_REFERENTIEL',
  /** Close, compute and mark paid a campaign: national ADMIN only (see requireNational). */
  MANAGE_CAMPAIGNS = 'MANAGE_CAMPAIGNS',
  /** Recours: reopen or reverse a decided justificatif of the caisse (never one's own decision). */
  REVERSE_DECISIONS = 'REVERSE_DECISIONS',
  LAUNCH_RELANCES = 'LAUNCH_RELANCES',
  SEND_COMMUNICATIONS = 'SEND_COMMUNICATIONS',
  /** Contrôle a posteriori: read plans and cases (the professional's file shows them). */
  READ_CONTROLS = 'READ_CONTROLS',
  /** Draw control plans over the agent's caisse (every caisse with national scope). */
  PLAN_CONTROLS = 'PLAN_CONTROLS',
  /** Take a control case, request and attach pieces, conclude. */
  CONDUCT_CONTROLS = 'CONDUCT_CONTROLS',
  /** Release a case a colleague holds. */
  ASSIGN_ANY_CONTROL = 'ASSIGN_ANY_CONTROL',
  /** « Demander un avis »: answer an opinion asked of oneself on a piece (conseillers and superviseurs). */
  ANSWER_OPINIONS = 'ANSWER_OPINIONS',
}

const P = Permission;

export const ROLE_PERMISSIONS: Record<AgentRole, readonly Permission[]> = {
  CONSEILLER: [
    P.READ_PROFESSIONALS,
    P.READ_DOCUMENTS,
    P.DECIDE_JUSTIFICATIFS,
    P.RECEIVE_JUSTIFICATIFS,
    P.TAKE_JUSTIFICATIF,
    P.ENTER_PAPER_DECLARATIONS,
    P.SEND_COMMUNICATIONS,
    P.READ_CONTROLS,
    P.CONDUCT_CONTROLS,
    P.ANSWER_OPINIONS,
  ],
  DAM: [P.READ_PROFESSIONALS, P.READ_DOCUMENTS, P.LOG_CONTACTS, P.SEND_COMMUNICATIONS, P.READ_CONTROLS],
  SUPERVISEUR: [
    P.READ_PROFESSIONALS,
    P.READ_DOCUMENTS,
    P.ASSIGN_ANY_JUSTIFICATIF,
    P.REVERSE_DECISIONS,
    P.READ_DASHBOARDS,
    P.EXPORT,
    P.READ_AUDIT,
    P.IMPORT_FEEDS,
    P.LAUNCH_RELANCES,
    P.SEND_COMMUNICATIONS,
    P.READ_CONTROLS,
    P.PLAN_CONTROLS,
    P.ASSIGN_ANY_CONTROL,
    P.ANSWER_OPINIONS,
  ],
  ADMIN: [
    P.READ_PROFESSIONALS,
    P.READ_DOCUMENTS,
    P.READ_DASHBOARDS,
    P.EXPORT,
    P.READ_AUDIT,
    P.IMPORT_FEEDS,
    P.MANAGE_AGENTS,
    P.MANAGE_REFERENTIEL,
    P.MANAGE_CAMPAIGNS,
    P.READ_CONTROLS,
  ],
};

export interface AuthenticatedAgent {
  id: number;
  email: string;
  displayName: string;
  role: AgentRole;
  caisseCode: string;
  nationalScope: boolean;
  sessionId: string | null;
}

export function can(agent: AuthenticatedAgent, permission: Permission): boolean {
  return ROLE_PERMISSIONS[agent.role].includes(permission);
}

export function requireAgent(agent: AuthenticatedAgent | null): AuthenticatedAgent {
  if (!agent) throw unauthenticated();
  return agent;
}

export function requirePermission(agent: AuthenticatedAgent | null, permission: Permission): AuthenticatedAgent {
  const current = requireAgent(agent);
  if (!can(current, permission)) throw forbidden();
  return current;
}

/** National operations (campaign lifecycle, référentiel): the permission and a national scope. */
export function requireNational(agent: AuthenticatedAgent | null, permission: Permission): AuthenticatedAgent {
  const current = requirePermission(agent, permission);
  if (!current.nationalScope) throw forbidden('Cette action est réservée à un administrateur national.');
  return current;
}

/** Caisses whose records the agent may see; null = every caisse (national scope). */
export function caisseScope(agent: AuthenticatedAgent): string[] | null {
  return agent.nationalScope ? null : [agent.caisseCode];
}

export function inScope(agent: AuthenticatedAgent, caisseCode: string): boolean {
  return agent.nationalScope || agent.caisseCode === caisseCode;
}

/** Out of scope reads exactly like absent. */
export function assertInScope<T extends { caisseCode: string }>(
  agent: AuthenticatedAgent,
  record: T | null | undefined,
  what: string,
): T {
  if (!record || !inScope(agent, record.caisseCode)) throw notFound(what);
  return record;
}

/** Filters a requested caisse through the agent's scope: asking for another caisse yields nothing. */
export function effectiveCaisses(agent: AuthenticatedAgent, requested?: string | null): string[] | null {
  const scope = caisseScope(agent);
  if (!requested) return scope;
  if (!/^\d{3}$|^2[AB]\d$/.test(requested)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Code caisse mal formé : « ${requested.slice(0, 10)} ».`, {
      field: 'caisseCode',
    });
  }
  if (scope && !scope.includes(requested)) return [];
  return [requested];
}
