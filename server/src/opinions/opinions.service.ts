/**
 * « Demander un avis »: a conseiller who holds a piece (or takes it by asking) asks a colleague or a
 * superviseur of the piece's caisse — or a national superviseur — a question about it; the asked agent
 * answers. Both go through the one transition path (history row, audit last): asking is the action
 * OPINION_ASKED, which also makes the asker the holder, and answering is OPINION_ANSWERED. Neither moves
 * the piece's status or version: the asker can still decide with what they read.
 *
 * While the request is pending the piece stays held by the asker, so nobody else may take or decide it
 * (HeldByColleague); a decision, a release or a reassignment closes it « sans suite » (opinion-close.ts).
 * Concurrency: both operations lock the piece's row first, then the request's, in that order — the order a
 * decision takes them — so of two answers, or of an answer and a decision, exactly one wins.
 */
import { In, type EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Permission, assertInScope, inScope, requirePermission } from '../agents/authorization';
import { Campaign } from '../campaigns/campaign.entity';
import { campaignClosedReason } from '../campaigns/campaigns.service';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { causalBarrier } from '../db/galera';
import { refusal as decisionRefusal, type DecisionOutcome } from '../justificatifs/decision-outcome';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { transition } from '../justificatifs/transition';
import { answerRefusal, checkAdviser, checkText, isAdviserOf, refusal, type OpinionRefusal } from './opinion';
import { OpinionRequest } from './opinion-request.entity';

export type RequestOpinionResult =
  | { kind: 'REQUESTED'; request: OpinionRequest; piece: Justificatif; adviser: Agent }
  | { kind: 'REFUSED'; refusal: OpinionRefusal }
  /** The piece cannot be asked about as the agent read it: decided, held by a colleague, stale, closed. */
  | { kind: 'PIECE'; outcome: Exclude<DecisionOutcome, { kind: 'DECIDED' }> };

export type AnswerOpinionResult =
  { kind: 'ANSWERED'; request: OpinionRequest } | { kind: 'REFUSED'; refusal: OpinionRefusal };

export interface RequestOpinionArgs {
  justificatifId: string;
  expectedVersion: number;
  toAgentId: string;
  question: string;
}

export async function requestOpinion(ctx: RequestContext, args: RequestOpinionArgs): Promise<RequestOpinionResult> {
  const agent = requirePermission(ctx.agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = parseId(args.justificatifId, 'Justificatif');
  const toId = parseId(args.toAgentId, 'Agent');
  if (!Number.isInteger(args.expectedVersion) || args.expectedVersion < 1)
    throw badInput('Version attendue invalide.', 'expectedVersion');
  const question = checkText(args.question, 'question');
  if ('code' in question) return { kind: 'REFUSED', refusal: question };

  return ctx.db.transaction(async (em) => {
    await causalBarrier(em); // Galera: read what any node committed before deciding
    const piece = assertInScope(agent, await lockedPiece(em, id), 'Justificatif');
    const campaign = await em.getRepository(Campaign).findOneByOrFail({ id: piece.campaignId });
    const closed = campaignClosedReason(campaign);
    if (closed) return { kind: 'PIECE', outcome: { kind: 'CAMPAIGN_CLOSED', piece, campaign, reason: closed } };
    const refused = decisionRefusal(piece, agent.id, args.expectedVersion);
    if (refused) return { kind: 'PIECE', outcome: refused };
    const adviser = await em.getRepository(Agent).findOneBy({ id: toId });
    const notAdviser = checkAdviser(adviser, agent.id, piece.caisseCode);
    if (notAdviser || !adviser) return { kind: 'REFUSED', refusal: notAdviser ?? refusal('UNKNOWN_AGENT') };
    const pending = await pendingOf(em, piece.id);
    if (pending) {
      const asked = await em.getRepository(Agent).findOneBy({ id: pending.askedAgentId });
      return { kind: 'REFUSED', refusal: refusal('ALREADY_PENDING', null, asked?.displayName) };
    }

    const at = new Date();
    let request: OpinionRequest | null = null;
    const result = await transition(em, piece, {
      action: 'OPINION_ASKED',
      by: agent,
      expectedVersion: args.expectedVersion,
      // Asking about a free piece takes it: nobody else decides it while the opinion is awaited.
      holder: 'FREE_OR_MINE',
      at,
      set: piece.assignedAgentId === agent.id ? {} : { assignedAgentId: agent.id, assignedAt: at },
      note: { reasons: null, comment: question.text },
      reevaluate: false,
      audit: { action: 'JUSTIFICATIF_OPINION_ASKED', details: { askedAgentId: adviser.id } },
      after: async (tx) => {
        const inserted = await tx.getRepository(OpinionRequest).insert({
          justificatifId: piece.id,
          caisseCode: piece.caisseCode,
          professionalId: piece.professionalId,
          askedByAgentId: agent.id,
          askedAgentId: adviser.id,
          question: question.text,
          askedAt: at,
          status: 'PENDING',
          answer: null,
          answeredAt: null,
          closedAt: null,
        });
        request = await tx.getRepository(OpinionRequest).findOneByOrFail({ id: Number(inserted.identifiers[0]?.id) });
      },
    });
    if (!result.done) {
      // The row is locked: only a change committed before the lock can get here; say what it was.
      const current = decisionRefusal(result.current, agent.id, args.expectedVersion);
      return { kind: 'PIECE', outcome: current ?? { kind: 'STALE_VERSION', piece: result.current } };
    }
    return { kind: 'REQUESTED', request: request!, piece: result.piece, adviser };
  });
}

export async function answerOpinion(ctx: RequestContext, rawId: string, answer: string): Promise<AnswerOpinionResult> {
  const agent = requirePermission(ctx.agent, Permission.ANSWER_OPINIONS);
  const id = parseId(rawId, 'Demande d’avis');

  return ctx.db.transaction(async (em) => {
    await causalBarrier(em);
    const seen = await em.getRepository(OpinionRequest).findOneBy({ id });
    // Another caisse's request reads as absent, national scope included unless it was asked of them.
    const readable =
      !!seen &&
      inScope(agent, seen.caisseCode) &&
      (agent.caisseCode === seen.caisseCode || seen.askedAgentId === agent.id);
    if (!seen || !readable) throw notFound('Demande d’avis');
    if (seen.askedAgentId !== agent.id) return { kind: 'REFUSED', refusal: refusal('NOT_ADDRESSEE') };
    const text = checkText(answer, 'answer');
    if ('code' in text) return { kind: 'REFUSED', refusal: text };
    // The piece first, then the request: the order a decision takes them in.
    const piece = await lockedPiece(em, seen.justificatifId);
    const request = await em
      .getRepository(OpinionRequest)
      .findOneOrFail({ where: { id }, ...(isSqlite(em) ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
    const refused = answerRefusal(request.status);
    if (refused || !piece) return { kind: 'REFUSED', refusal: refused ?? refusal('CLOSED') };
    const at = new Date();
    const update = await em
      .createQueryBuilder()
      .update(OpinionRequest)
      .set({ status: 'ANSWERED', answer: text.text, answeredAt: at })
      .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
      .execute();
    if (!update.affected) return { kind: 'REFUSED', refusal: refusal('ALREADY_ANSWERED') };
    const result = await transition(em, piece, {
      action: 'OPINION_ANSWERED',
      by: agent,
      holder: 'ANY',
      at,
      note: { reasons: null, comment: text.text },
      reevaluate: false,
      audit: { action: 'JUSTIFICATIF_OPINION_ANSWERED', details: { opinionRequestId: id } },
    });
    // A pending request's piece is undecided (a decision closes it in its transaction): unreachable.
    if (!result.done) throw new Error(`Opinion request ${id}: piece ${piece.id} is no longer RECEIVED`);
    return { kind: 'ANSWERED', request: await em.getRepository(OpinionRequest).findOneByOrFail({ id }) };
  });
}

/** The agents one may ask about a piece: conseillers and superviseurs of its caisse, national superviseurs. */
export async function opinionAdvisers(ctx: RequestContext, rawJustificatifId: string): Promise<Agent[]> {
  const agent = requirePermission(ctx.agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = parseId(rawJustificatifId, 'Justificatif');
  const piece = assertInScope(
    agent,
    await ctx.db.getRepository(Justificatif).findOne({ where: { id }, select: { id: true, caisseCode: true } }),
    'Justificatif',
  );
  const candidates = await ctx.db.getRepository(Agent).find({
    where: [
      { active: true, caisseCode: piece.caisseCode, role: In(['CONSEILLER', 'SUPERVISEUR']) },
      { active: true, nationalScope: true, role: 'SUPERVISEUR' },
    ],
    order: { displayName: 'ASC', id: 'ASC' },
  });
  return candidates.filter((a) => a.id !== agent.id && isAdviserOf(a, piece.caisseCode));
}

/** The pending request of a piece, read as committed now (locking read on MySQL). */
function pendingOf(em: EntityManager, justificatifId: number): Promise<OpinionRequest | null> {
  return em.getRepository(OpinionRequest).findOne({
    where: { justificatifId, status: 'PENDING' },
    ...(isSqlite(em) ? {} : { lock: { mode: 'pessimistic_write' as const } }),
  });
}

/**
 * The piece, locked until commit on MySQL (the latest committed row, whatever the snapshot): of two
 * agents acting on it, the second waits and then sees what the first did. SQLite serialises writers.
 */
function lockedPiece(em: EntityManager, id: number): Promise<Justificatif | null> {
  return em
    .getRepository(Justificatif)
    .findOne({ where: { id }, ...(isSqlite(em) ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
}

const isSqlite = (em: EntityManager) => em.connection.options.type === 'better-sqlite3';
