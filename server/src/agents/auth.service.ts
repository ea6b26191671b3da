/**
 * Login and logout. One answer for every bad credential (unknown e-mail, wrong password, disabled
 * account) so that the API does not reveal which accounts exist; failures are throttled per account,
 * per (account, address) and per address (see throttle.ts); every outcome is written to the audit trail.
 */
import argon2 from 'argon2';
import type { Request, Response } from 'express';
import { LessThan, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode } from '../common/errors';
import type { Config } from '../config';
import { Agent, AgentSession, LoginAttempt } from './agent.entity';
import { normalizeEmail, PASSWORD_MAX_LENGTH } from './agent-validation';
import type { AuthenticatedAgent } from './authorization';
import { SESSION_COOKIE } from './request-auth';
import { openSession, revokeSession } from './session.service';
import { countedVerification, tryTakePasswordSlot } from './password-slots';
import {
  describeRemaining,
  describeWait,
  judgeLogin,
  LOGIN_POLICIES,
  windowStart,
  type LoginFailures,
} from './throttle';

export const AuthAuditAction = {
  LOGIN: 'LOGIN',
  LOGIN_FAILED: 'LOGIN_FAILED',
  LOGOUT: 'LOGOUT',
} as const;

type FailureReason = 'UNKNOWN_EMAIL' | 'BAD_PASSWORD' | 'DISABLED' | 'THROTTLED';

export interface AuthContext {
  db: DataSource;
  config: Config;
  ip: string;
}

export const invalidCredentials = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Identifiant ou mot de passe incorrect.');

export const tooManyAttempts = (seconds: number) =>
  new AppError(
    ErrorCode.TOO_MANY_ATTEMPTS,
    `Trop de tentatives de connexion infructueuses. Réessayez dans ${describeWait(seconds)}.`,
    { retryAfterSeconds: seconds },
  );

/** argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

let decoyHash: Promise<string> | null = null;

/** An unknown e-mail still costs one argon2 verification, so timing does not tell accounts apart. */
async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  decoyHash ??= hashPassword('decoy-password-never-used');
  try {
    return await argon2.verify(hash ?? (await decoyHash), password);
  } catch {
    return false; // a malformed stored hash refuses the login rather than failing the request
  }
}

export interface LoginOutcome {
  token: string;
  expiresAt: Date;
  agent: Agent;
}

export const serverBusy = () =>
  new AppError(
    ErrorCode.TOO_MANY_ATTEMPTS,
    'Trop de connexions en cours de vérification sur le serveur. Réessayez dans 1 seconde.',
    { retryAfterSeconds: 1 },
  );

const failedLogin = (remaining: number) =>
  new AppError(ErrorCode.UNAUTHENTICATED, `Identifiant ou mot de passe incorrect. ${describeRemaining(remaining)}`, {
    remainingAttempts: remaining,
  });

/**
 * The attempt is reserved (written as a failure) before its password is hashed, then judged against
 * the failures already recorded: of N simultaneous guesses, each sees every reservation committed before
 * its own count, so no more than the limit are ever checked. At most LOGIN_VERIFY_CONCURRENCY checks run
 * at once in a process; an attempt beyond that is answered at once and not counted.
 */
export async function login(ctx: AuthContext, rawEmail: string, password: string): Promise<LoginOutcome> {
  const release = tryTakePasswordSlot(ctx.config.LOGIN_VERIFY_CONCURRENCY);
  if (!release) throw serverBusy();
  try {
    return await checkedLogin(ctx, rawEmail, password);
  } finally {
    release();
  }
}

async function checkedLogin(ctx: AuthContext, rawEmail: string, password: string): Promise<LoginOutcome> {
  const now = new Date();
  const email = normalizeEmail(rawEmail).slice(0, 200);
  const ip = ctx.ip.slice(0, 64);
  const agent = email ? await ctx.db.getRepository(Agent).findOneBy({ email }) : null;

  const attemptId = await reserveAttempt(ctx.db, email, ip, now);
  const verdict = judgeLogin(await countedFailures(ctx.db, email, ip, attemptId, now), now);
  if (verdict.wait !== null) {
    // Refused attempts are not counted: hammering on a closed door does not keep it closed longer.
    await ctx.db.transaction(async (em) => {
      await em.getRepository(LoginAttempt).delete({ id: attemptId });
      await auditFailure(em, agent, ip, 'THROTTLED');
    });
    throw tooManyAttempts(verdict.wait);
  }

  const passwordOk = await countedVerification(() => verifyPassword(agent?.passwordHash ?? null, password));
  if (!agent || !passwordOk || !agent.active) {
    const reason: FailureReason = !agent ? 'UNKNOWN_EMAIL' : !passwordOk ? 'BAD_PASSWORD' : 'DISABLED';
    await ctx.db.transaction((em) => auditFailure(em, agent, ip, reason));
    throw failedLogin(verdict.remainingAfterFailure);
  }

  const session = await ctx.db.transaction(async (em) => {
    await em.getRepository(LoginAttempt).update({ id: attemptId }, { success: true });
    const opened = await openSession(em, agent.id, ip, sessionPolicy(ctx.config), now);
    await recordAudit(em, {
      agentId: agent.id,
      action: AuthAuditAction.LOGIN,
      targetType: 'AGENT',
      targetId: agent.id,
      caisseCode: agent.caisseCode,
      details: { ip },
    });
    return opened;
  });
  return { ...session, agent };
}

/** Ends the current session; false when the request carried none. */
export async function logout(ctx: { db: DataSource; agent: AuthenticatedAgent | null }): Promise<boolean> {
  const agent = ctx.agent;
  if (!agent?.sessionId) return false;
  const sessionId = agent.sessionId;
  await ctx.db.transaction(async (em) => {
    await revokeSession(em, sessionId);
    await recordAudit(em, {
      agentId: agent.id,
      action: AuthAuditAction.LOGOUT,
      targetType: 'AGENT',
      targetId: agent.id,
      caisseCode: agent.caisseCode,
    });
  });
  return true;
}

/** Revokes every open session of an agent (disabled account): effective from the next request. */
export async function revokeAgentSessions(em: EntityManager, agentId: number, now = new Date()): Promise<void> {
  await em
    .getRepository(AgentSession)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: now })
    .where('agent_id = :agentId AND revoked_at IS NULL', { agentId })
    .execute();
}

export const sessionPolicy = (config: Config) => ({
  idleMinutes: config.SESSION_IDLE_MINUTES,
  absoluteHours: config.SESSION_ABSOLUTE_HOURS,
});

/**
 * The failures each counter sees, apart from the attempt being judged (reservations of attempts still
 * being checked count as failures). The account and (account, address) counters start again after a
 * successful login; the address counter forgets only the failures of the account that logged in, never
 * those on other accounts.
 */
async function countedFailures(
  db: DataSource,
  email: string,
  ip: string,
  attemptId: number,
  now: Date,
): Promise<LoginFailures> {
  const since = windowStart(now, LOGIN_POLICIES.account);
  const repo = db.getRepository(LoginAttempt);
  const lastSuccess = await repo.findOne({
    where: { email, success: true, at: MoreThan(since) },
    order: { at: 'DESC' },
    select: { id: true, at: true },
  });
  const accountFailures = await repo.find({
    where: { email, success: false, at: MoreThan(lastSuccess?.at ?? since), id: Not(attemptId) },
    select: { id: true, at: true, ip: true },
    order: { at: 'DESC' },
    take: LOGIN_POLICIES.account.maxFailures,
  });
  const pairFailures =
    accountFailures.length < LOGIN_POLICIES.account.maxFailures
      ? accountFailures.filter((row) => row.ip === ip)
      : await repo.find({
          where: { email, ip, success: false, at: MoreThan(lastSuccess?.at ?? since), id: Not(attemptId) },
          select: { id: true, at: true },
          order: { at: 'DESC' },
          take: LOGIN_POLICIES.pair.maxFailures,
        });
  const addressFailures = await repo
    .createQueryBuilder('f')
    .select(['f.id', 'f.at'])
    .where('f.ip = :ip AND f.success = :failed AND f.at > :since AND f.id <> :attemptId', {
      ip,
      failed: false,
      since: windowStart(now, LOGIN_POLICIES.address),
      attemptId,
    })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM login_attempt s WHERE s.email = f.email AND s.success = :succeeded AND s.at >= f.at AND s.at > :since)',
      { succeeded: true },
    )
    .orderBy('f.at', 'DESC')
    .limit(LOGIN_POLICIES.address.maxFailures)
    .getMany();
  const instants = (rows: LoginAttempt[]) => rows.map((row) => row.at);
  return { account: instants(accountFailures), pair: instants(pairFailures), address: instants(addressFailures) };
}

/**
 * Writes the attempt as a failure, committed before it is judged (see login). Attempts older than a day
 * no longer count for anything: each new one sweeps its account's and address's.
 */
async function reserveAttempt(db: DataSource, email: string, ip: string, now: Date): Promise<number> {
  return db.transaction(async (em) => {
    const repo = em.getRepository(LoginAttempt);
    const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
    await repo.delete({ email, at: LessThan(dayAgo) });
    await repo.delete({ ip, at: LessThan(dayAgo) });
    const inserted = await repo.insert({ email, ip, at: now, success: false });
    return Number(inserted.identifiers[0]?.id);
  });
}

async function auditFailure(em: EntityManager, agent: Agent | null, ip: string, reason: FailureReason) {
  await recordAudit(em, {
    agentId: null,
    action: AuthAuditAction.LOGIN_FAILED,
    targetType: agent ? 'AGENT' : null,
    targetId: agent?.id ?? null,
    caisseCode: agent?.caisseCode ?? null,
    // The typed identifier is not kept for unknown accounts: it is sometimes a password typed in the wrong box.
    details: { reason, ip },
  });
}

/** httpOnly, SameSite=Strict, Path=/, Secure when configured or when the request came over HTTPS. */
export function setSessionCookie(
  config: Config,
  req: Request | undefined,
  res: Response | undefined,
  token: string,
  expiresAt: Date,
): void {
  res?.cookie(SESSION_COOKIE, token, { ...cookieOptions(config, req), expires: expiresAt });
}

export function clearSessionCookie(config: Config, req: Request | undefined, res: Response | undefined): void {
  res?.clearCookie(SESSION_COOKIE, cookieOptions(config, req));
}

function cookieOptions(config: Config, req: Request | undefined) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: config.COOKIE_SECURE === true || req?.secure === true,
  };
}
