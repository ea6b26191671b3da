/**
 * « Demander un avis », the pure part: who may be asked, what a question and an answer must be, and the
 * French sentence of every refusal. The service (opinions.service.ts) reads the rows and writes through
 * the one transition path; everything it decides on is decided here.
 */
import type { AgentRole } from '../common/enums';
import { assertUnreachable } from '../common/errors';
import type { OpinionStatus } from './opinion-request.entity';

export const OPINION_TEXT_MAX = 2000;

export const OPINION_REFUSALS = [
  /** The agent asked is unknown, inactive, of another caisse, or of a role that is not asked (DAM, ADMIN). */
  'UNKNOWN_AGENT',
  /** One does not ask oneself. */
  'SELF',
  /** The question (or the answer) is empty. */
  'EMPTY_TEXT',
  /** The question (or the answer) is longer than OPINION_TEXT_MAX. */
  'TEXT_TOO_LONG',
  /** An opinion is already awaited on this piece. */
  'ALREADY_PENDING',
  /** The request was asked of someone else: only they answer it. */
  'NOT_ADDRESSEE',
  /** Already answered (by the same agent from another window, say). */
  'ALREADY_ANSWERED',
  /** Closed without an answer: the piece was decided, released or reassigned meanwhile. */
  'CLOSED',
] as const;
export type OpinionRefusalCode = (typeof OPINION_REFUSALS)[number];

export interface OpinionRefusal {
  code: OpinionRefusalCode;
  message: string;
  /** The argument in cause, for the console to put the message beside it. */
  field: string | null;
}

/** The agent who may be asked about a piece of `caisseCode` by `askerId`, or the refusal. */
export function checkAdviser(
  adviser: { id: number; role: AgentRole; caisseCode: string; nationalScope: boolean; active: boolean } | null,
  askerId: number,
  caisseCode: string,
): OpinionRefusal | null {
  if (adviser && adviser.id === askerId) return refusal('SELF');
  if (!adviser || !adviser.active || !isAdviserOf(adviser, caisseCode)) return refusal('UNKNOWN_AGENT');
  return null;
}

/** A conseiller or a superviseur of the piece's caisse, or a national superviseur. */
export function isAdviserOf(
  agent: { role: AgentRole; caisseCode: string; nationalScope: boolean },
  caisseCode: string,
): boolean {
  if (agent.role === 'SUPERVISEUR') return agent.caisseCode === caisseCode || agent.nationalScope;
  return agent.role === 'CONSEILLER' && agent.caisseCode === caisseCode;
}

/** The text of a question or an answer, trimmed, or the refusal. */
export function checkText(raw: string, field: 'question' | 'answer'): { text: string } | OpinionRefusal {
  const text = raw.trim();
  if (!text) return refusal('EMPTY_TEXT', field);
  if (text.length > OPINION_TEXT_MAX) return refusal('TEXT_TOO_LONG', field);
  return { text };
}

/** Why the request cannot be answered as it stands, or null. */
export function answerRefusal(status: OpinionStatus): OpinionRefusal | null {
  if (status === 'ANSWERED') return refusal('ALREADY_ANSWERED');
  if (status === 'CLOSED') return refusal('CLOSED');
  return null;
}

/** `who`: the agent concerned, when the sentence names one (the agent already asked). */
export function refusal(code: OpinionRefusalCode, field: string | null = null, who?: string): OpinionRefusal {
  return { code, message: refusalMessage(code, field, who), field: field ?? defaultField(code) };
}

function defaultField(code: OpinionRefusalCode): string | null {
  return code === 'UNKNOWN_AGENT' || code === 'SELF' ? 'toAgentId' : null;
}

function refusalMessage(code: OpinionRefusalCode, field: string | null, who?: string): string {
  const what = field === 'answer' ? 'La réponse' : 'La question';
  switch (code) {
    case 'UNKNOWN_AGENT':
      return 'Cet agent ne peut pas être sollicité : choisissez un conseiller ou un superviseur de la caisse de la pièce.';
    case 'SELF':
      return 'Vous ne pouvez pas vous demander un avis à vous-même.';
    case 'EMPTY_TEXT':
      return `${what} est vide.`;
    case 'TEXT_TOO_LONG':
      return `${what} dépasse 2 000 caractères.`;
    case 'ALREADY_PENDING':
      return `Un avis est déjà attendu sur cette pièce${who ? ` (demandé à ${who})` : ''} : attendez sa réponse.`;
    case 'NOT_ADDRESSEE':
      return 'Cet avis a été demandé à un autre agent : lui seul peut y répondre.';
    case 'ALREADY_ANSWERED':
      return 'Cet avis a déjà reçu une réponse : elle figure dans l’historique de la pièce.';
    case 'CLOSED':
      return 'Cette demande d’avis est close : la pièce a été décidée ou a changé de main entre-temps.';
    default:
      return assertUnreachable(code);
  }
}
