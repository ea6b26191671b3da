/**
 * The justificatif lifecycle as a small explicit state machine (pure): RECEIVED is the only state
 * that accepts a decision or an assignment; VALIDATED and REJECTED are final for the conseiller (a
 * professional who is rejected sends a new piece, which is a new justificatif), and only a recours by a
 * superviseur (REOPENED, REVERSED) moves them again.
 */
import type { JustificatifStatus } from '../common/enums';
import type { JustificatifAction } from './justificatif.entity';

type Transition = { from: readonly JustificatifStatus[]; to: (from: JustificatifStatus) => JustificatifStatus };

/** Every action but receipt, which creates the piece rather than moving it. */
export type MachineAction = Exclude<JustificatifAction, 'RECEIVED'>;

const to = (status: JustificatifStatus) => () => status;

const TRANSITIONS: Record<MachineAction, Transition> = {
  ASSIGNED: { from: ['RECEIVED'], to: to('RECEIVED') },
  RELEASED: { from: ['RECEIVED'], to: to('RECEIVED') },
  VALIDATED: { from: ['RECEIVED'], to: to('VALIDATED') },
  REJECTED: { from: ['RECEIVED'], to: to('REJECTED') },
  // Recours (superviseur): a decided piece back to RECEIVED, or its decision turned into the opposite one.
  REOPENED: { from: ['VALIDATED', 'REJECTED'], to: to('RECEIVED') },
  REVERSED: { from: ['VALIDATED', 'REJECTED'], to: (from) => (from === 'VALIDATED' ? 'REJECTED' : 'VALIDATED') },
  // « Demander un avis »: only about a piece still to decide; neither moves its status.
  OPINION_ASKED: { from: ['RECEIVED'], to: to('RECEIVED') },
  OPINION_ANSWERED: { from: ['RECEIVED'], to: to('RECEIVED') },
};

const STATUS_LABELS: Record<JustificatifStatus, string> = {
  RECEIVED: 'reçu',
  VALIDATED: 'validé',
  REJECTED: 'rejeté',
};

export type TransitionCheck = { allowed: true; to: JustificatifStatus } | { allowed: false; reason: string };

export function checkTransition(current: JustificatifStatus, action: MachineAction): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    if (current === 'RECEIVED') return { allowed: false, reason: "Le justificatif n'a pas encore été décidé." };
    return { allowed: false, reason: `Le justificatif est déjà ${STATUS_LABELS[current]}.` };
  }
  return { allowed: true, to: transition.to(current) };
}

export const isFinal = (status: JustificatifStatus) => status !== 'RECEIVED';

/**
 * Taking a piece reserves its decision: a conseiller decides a piece nobody holds or one they hold,
 * never one a colleague has taken (a superviseur reassigns it, or its holder releases it).
 */
export const heldByAnother = (assignedAgentId: number | null, agentId: number): boolean =>
  assignedAgentId !== null && assignedAgentId !== agentId;
