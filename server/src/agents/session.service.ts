/**
 * Database-backed sessions: any server process can authenticate any request.
 * The client holds a random token; the table holds only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { findByKey } from '../db/find-by-key';
import { withCausalReads } from '../db/galera';
import { Agent, AgentSession } from './agent.entity';
import type { AuthenticatedAgent } from './authorization';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * Refreshing last_seen_at on every request would turn each read into a write: it is refreshed at most
 * once a minute, and at least four times per idle period, so that a short SESSION_IDLE_MINUTES does not
 * log out an agent who is working (a request just before the minute would otherwise not count).
 */
export const touchIntervalMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 4);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function openSession(
  em: EntityManager,
  agentId: number,
  ip: string | null,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await em.getRepository(AgentSession).insert({
    id: hashToken(token),
    agentId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    revokedAt: null,
    ip,
  });
  return { token, expiresAt };
}

export async function revokeSession(em: EntityManager, sessionId: string, now = new Date()): Promise<void> {
  await em.getRepository(AgentSession).update({ id: sessionId }, { revokedAt: now });
}

/** Resolves a token to its agent, or null when absent, revoked, idle too long, past its absolute end, or disabled. */
export async function authenticateToken(
  db: DataSource,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<AuthenticatedAgent | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const sessionId = hashToken(token);
  // On a Galera cluster the session may have been opened (or revoked) through another node a moment ago.
  const [session, sessionAgent] = await withCausalReads(db, async (em) => {
    const found = await findByKey(em, AgentSession, 'id', sessionId);
    return [found, found && !found.revokedAt ? await findByKey(em, Agent, 'id', found.agentId) : null] as const;
  });
  if (!session || session.revokedAt) return null;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  // The absolute end is checked against createdAt too, so that shortening the setting applies to open sessions.
  const absoluteLimit = Math.min(
    session.expiresAt.getTime(),
    session.createdAt.getTime() + policy.absoluteHours * 3_600_000,
  );
  if (now.getTime() >= absoluteLimit || now.getTime() >= idleLimit) return null;
  const agent = sessionAgent;
  if (!agent || !agent.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs(policy.idleMinutes)) {
    await db.getRepository(AgentSession).update({ id: sessionId }, { lastSeenAt: now });
  }
  return toAuthenticated(agent, sessionId);
}

export function toAuthenticated(agent: Agent, sessionId: string | null): AuthenticatedAgent {
  return {
    id: agent.id,
    email: agent.email,
    displayName: agent.displayName,
    role: agent.role,
    caisseCode: agent.caisseCode,
    nationalScope: agent.nationalScope,
    sessionId,
  };
}
