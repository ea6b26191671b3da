/**
 * A superviseur reassigns or releases a selection of pieces in one operation (a conseiller off sick
 * holds 40 pieces). Each piece is its own transaction through the one transition path, so one piece
 * that a colleague decided meanwhile does not hold the others back; each answers with its outcome:
 * done, already decided, not in the superviseur's caisse (or unknown: the two read alike, nothing
 * leaks), or stale (its holder or version changed since the superviseur read the list).
 *
 * Re-run after an interruption, the same request changes nothing twice: a piece already held by the
 * target (or already free, for a release) is answered done without a new transition.
 */
import type { EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Permission, inScope, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { causalBarrier } from '../db/galera';
import { Justificatif } from './justificatif.entity';
import { transition } from './transition';

export const MAX_BULK_PIECES = 200;

export interface BulkPieceRequest {
  id: string;
  /** The version the superviseur read. */
  seenVersion: number;
  /** Who held the piece when the superviseur read the list (null: nobody). */
  seenHolderId?: string | null;
}

export type BulkPieceOutcome =
  | { kind: 'DONE'; id: string; piece: Justificatif; changed: boolean }
  | { kind: 'ALREADY_DECIDED'; id: string; piece: Justificatif }
  | { kind: 'NOT_IN_CAISSE'; id: string; reason: string }
  | { kind: 'STALE'; id: string; piece: Justificatif };

interface Parsed {
  raw: string;
  id: number;
  seenVersion: number;
  seenHolderId: number | null;
}

export async function bulkAssignJustificatifs(
  ctx: RequestContext,
  pieces: readonly BulkPieceRequest[],
  rawAgentId: string | null | undefined,
): Promise<BulkPieceOutcome[]> {
  const agent = requirePermission(ctx.agent, Permission.ASSIGN_ANY_JUSTIFICATIF);
  if (pieces.length === 0) throw badInput('Sélectionnez au moins un justificatif.', 'pieces');
  if (pieces.length > MAX_BULK_PIECES)
    throw badInput(`${MAX_BULK_PIECES} justificatifs au plus par opération.`, 'pieces');
  const parsed: Parsed[] = pieces.map((p) => {
    if (!Number.isInteger(p.seenVersion) || p.seenVersion < 1) throw badInput('Version lue invalide.', 'seenVersion');
    return {
      raw: p.id,
      id: parseId(p.id, 'Justificatif'),
      seenVersion: p.seenVersion,
      seenHolderId: p.seenHolderId === null || p.seenHolderId === undefined ? null : parseId(p.seenHolderId, 'Agent'),
    };
  });
  if (new Set(parsed.map((p) => p.id)).size !== parsed.length)
    throw badInput('Un justificatif figure deux fois dans la sélection.', 'pieces');
  const target = rawAgentId === null || rawAgentId === undefined ? null : await targetAgent(ctx, agent, rawAgentId);

  const outcomes: BulkPieceOutcome[] = [];
  for (const piece of parsed) {
    outcomes.push(await ctx.db.transaction((em) => onePiece(em, agent, piece, target)));
  }
  return outcomes;
}

async function targetAgent(ctx: RequestContext, agent: AuthenticatedAgent, rawAgentId: string): Promise<Agent> {
  const target = await ctx.db.getRepository(Agent).findOneBy({ id: parseId(rawAgentId, 'Agent') });
  if (!target || !target.active || !inScope(agent, target.caisseCode)) throw notFound('Agent');
  if (target.role !== 'CONSEILLER') throw badInput('Un justificatif ne s’attribue qu’à un conseiller.', 'agentId');
  return target;
}

async function onePiece(
  em: EntityManager,
  agent: AuthenticatedAgent,
  request: Parsed,
  target: Agent | null,
): Promise<BulkPieceOutcome> {
  await causalBarrier(em); // Galera: read what any node committed before deciding
  const sqlite = em.connection.options.type === 'better-sqlite3';
  // Locked until commit (MySQL): nobody changes the holder between the check and the transition.
  // SQLite serialises writers already.
  const row = await em
    .getRepository(Justificatif)
    .findOne({ where: { id: request.id }, ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
  const id = request.raw;
  if (!row || !inScope(agent, row.caisseCode))
    return { kind: 'NOT_IN_CAISSE', id, reason: 'Justificatif introuvable dans votre périmètre.' };
  if (row.status !== 'RECEIVED') return { kind: 'ALREADY_DECIDED', id, piece: row };
  if (row.version !== request.seenVersion || row.assignedAgentId !== request.seenHolderId)
    return { kind: 'STALE', id, piece: row };
  if (target && !target.nationalScope && target.caisseCode !== row.caisseCode) {
    return {
      kind: 'NOT_IN_CAISSE',
      id,
      reason: `${target.displayName} ne traite pas les justificatifs de la caisse ${row.caisseCode}.`,
    };
  }
  const targetId = target?.id ?? null;
  if (row.assignedAgentId === targetId) return { kind: 'DONE', id, piece: row, changed: false };
  const action = targetId === null ? 'RELEASED' : 'ASSIGNED';
  const result = await transition(em, row, {
    action,
    by: agent,
    expectedVersion: row.version,
    holder: 'ANY',
    set: { assignedAgentId: targetId, assignedAt: targetId === null ? null : new Date() },
    reevaluate: false,
    audit: { action: `JUSTIFICATIF_${action}`, details: { assignedAgentId: targetId, bulk: true } },
  });
  if (result.done) return { kind: 'DONE', id, piece: result.piece, changed: true };
  return result.current.status === 'RECEIVED'
    ? { kind: 'STALE', id, piece: result.current }
    : { kind: 'ALREADY_DECIDED', id, piece: result.current };
}
