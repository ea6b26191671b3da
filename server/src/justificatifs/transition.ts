/**
 * The one path by which a justificatif changes state. Every change — receipt, take, release, assignment,
 * validation, rejection, and the changes still to come (reversal) — goes through `transition` (or
 * `recordReceipt` for a new piece), in the caller's transaction and in this order:
 *
 *   1. the conditional `UPDATE … WHERE id AND status AND [version] AND [holder]`: of two agents changing
 *      the same piece at once, exactly one matches a row; the other gets `{ done: false, current }`;
 *   2. the history row (one per transition), and — for any change but the opinion requests' own — the
 *      closing of a pending opinion request the change makes pointless (decided, released, reassigned:
 *      opinions/opinion-close.ts);
 *   3. the re-evaluation of the declaration (atteinte and projected rémunération), when the change counts;
 *   4. the caller's `after` hook (e.g. a notice to the professional, written in the same transaction);
 *   5. the audit event, LAST: an unchained insert (audit-linker.ts chains it after commit), written
 *      once everything it records has succeeded.
 *
 * The allowed moves come from the pure state machine (justificatif.machine.ts); what a refusal means to
 * the agent (already decided, held by a colleague, stale version) is the caller's to say.
 * Another lifecycle (a control case) follows the same shape with its own table, machine and history.
 */
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthenticatedAgent } from '../agents/authorization';
import type { AuditDetails } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import type { RejectionReason } from '../common/enums';
import { Declaration } from '../declarations/declaration.entity';
import { recomputeDeclaration } from '../declarations/declarations.service';
import type { EvaluatedDeclaration } from '../declarations/evaluation-inputs';
import { closeOpinionsOfChangedPiece } from '../opinions/opinion-close';
import { Justificatif, JustificatifHistory, type JustificatifAction } from './justificatif.entity';
import { checkTransition, type MachineAction } from './justificatif.machine';

/** Whose hold on the piece the change respects. */
export type HolderGuard =
  /** Nobody holds it, or the acting agent does (a conseiller deciding or taking). */
  | 'FREE_OR_MINE'
  /** The acting agent holds it (a conseiller releasing their own). */
  | 'MINE'
  /** Whoever holds it (a superviseur reassigning). */
  | 'ANY';

export interface TransitionRequest {
  action: MachineAction;
  by: AuthenticatedAgent;
  /** The version the agent read, when the change depends on what they saw (decisions). */
  expectedVersion?: number;
  holder: HolderGuard;
  /** Columns the change sets besides the status (and the version, bumped when the status changes). */
  set?: QueryDeepPartialEntity<Justificatif>;
  /** Motifs and comment kept on the history row (rejections). */
  note?: { reasons: RejectionReason[] | null; comment: string | null };
  /** Re-evaluate the declaration the piece belongs to (changes that count for the atteinte). */
  reevaluate: boolean;
  audit: { action: string; details: AuditDetails | null };
  /** When the change happens (defaults to now): the history row's instant, and any date column in `set`. */
  at?: Date;
  /** Runs after the history and re-evaluation, before the audit event, in the same transaction. */
  after?: (em: EntityManager, done: TransitionDone) => Promise<void>;
}

export interface TransitionDone {
  done: true;
  /** The piece as stored after the change. */
  piece: Justificatif;
  /** The declaration re-evaluated, or null when not asked or when the professional has none. */
  evaluated: EvaluatedDeclaration | null;
}

export type TransitionResult =
  | TransitionDone
  /** Not allowed from the current state, or a concurrent change won: the piece as it now stands. */
  | { done: false; current: Justificatif };

export async function transition(
  em: EntityManager,
  piece: Justificatif,
  request: TransitionRequest,
): Promise<TransitionResult> {
  const move = checkTransition(piece.status, request.action);
  if (!move.allowed) return { done: false, current: piece };
  const statusChanges = move.to !== piece.status;
  const query = em
    .createQueryBuilder()
    .update(Justificatif)
    .set({ ...request.set, status: move.to, ...(statusChanges ? { version: () => 'version + 1' } : {}) })
    .where('id = :id AND status = :status', { id: piece.id, status: piece.status });
  if (request.expectedVersion !== undefined) query.andWhere('version = :version', { version: request.expectedVersion });
  if (request.holder === 'FREE_OR_MINE')
    query.andWhere('(assigned_agent_id IS NULL OR assigned_agent_id = :me)', { me: request.by.id });
  if (request.holder === 'MINE') query.andWhere('assigned_agent_id = :me', { me: request.by.id });
  const update = await query.execute();
  if (!update.affected) return { done: false, current: await committedNow(em, piece.id) };
  const after = await em.getRepository(Justificatif).findOneByOrFail({ id: piece.id });
  return afterChange(em, piece.status, after, request);
}

/** A piece just inserted (status RECEIVED): its history, re-evaluation and audit, in the same order. */
export function recordReceipt(
  em: EntityManager,
  piece: Justificatif,
  request: Pick<TransitionRequest, 'by' | 'audit' | 'after' | 'at'>,
): Promise<TransitionDone> {
  return afterChange(em, null, piece, { ...request, action: 'RECEIVED', holder: 'ANY', reevaluate: true });
}

async function afterChange(
  em: EntityManager,
  fromStatus: Justificatif['status'] | null,
  piece: Justificatif,
  request: Omit<TransitionRequest, 'action'> & { action: JustificatifAction },
): Promise<TransitionDone> {
  const at = request.at ?? new Date();
  await em.getRepository(JustificatifHistory).insert({
    justificatifId: piece.id,
    action: request.action,
    fromStatus,
    toStatus: piece.status,
    agentId: request.by.id,
    at,
    reasons: request.note?.reasons ?? null,
    comment: request.note?.comment ?? null,
  });
  if (fromStatus !== null && request.action !== 'OPINION_ASKED' && request.action !== 'OPINION_ANSWERED')
    await closeOpinionsOfChangedPiece(em, piece, at);
  const evaluated = request.reevaluate ? await reevaluate(em, piece) : null;
  const done: TransitionDone = { done: true, piece, evaluated };
  if (request.after) await request.after(em, done);
  await recordAudit(em, {
    agentId: request.by.id,
    action: request.audit.action,
    targetType: 'JUSTIFICATIF',
    targetId: piece.id,
    caisseCode: piece.caisseCode,
    professionalId: piece.professionalId,
    details: request.audit.details,
  });
  return done;
}

async function reevaluate(em: EntityManager, piece: Justificatif): Promise<EvaluatedDeclaration | null> {
  const declaration = await em
    .getRepository(Declaration)
    .findOne({ where: { professionalId: piece.professionalId, campaignId: piece.campaignId }, select: { id: true } });
  return declaration ? recomputeDeclaration(em, declaration.id) : null;
}

/**
 * The piece as committed now, after a conditional update that matched nothing. In MySQL's REPEATABLE READ
 * a plain read returns the transaction's snapshot, taken at its first read — before the winner committed —
 * so the loser would see the piece as it was and could not say who won; a locking read returns the latest
 * committed row. SQLite serialises writers (BEGIN IMMEDIATE): a plain read is already current.
 */
function committedNow(em: EntityManager, id: number): Promise<Justificatif> {
  const sqlite = em.connection.options.type === 'better-sqlite3';
  return em
    .getRepository(Justificatif)
    .findOneOrFail({ where: { id }, ...(sqlite ? {} : { lock: { mode: 'pessimistic_read' as const } }) });
}
