import { parse as parseCookie } from 'cookie';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { AuthenticatedAgent } from './authorization';
import { authenticateToken } from './session.service';

export const SESSION_COOKIE = 'mcbo_session';

/** The console sends the httpOnly cookie; API clients send `Authorization: Bearer <token>`. */
export function readToken(req: Request): string | null {
  const header = req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

export async function authenticateRequest(
  db: DataSource,
  config: Config,
  token: string | null,
): Promise<AuthenticatedAgent | null> {
  if (!token) return null;
  return authenticateToken(db, token, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  });
}
