/**
 * The justificatif lifecycle as a small explicit state machine (pure): RECEIVED is the only state
 * that accepts a decision or an assignment; VALIDATED and REJECTED are final (a professional who is
 * rejected sends a new piece, which is a new justificatif).
 */
import type { JustificatifStatus } from '../common/enums';
import type { JustificatifAction } from './justificatif.entity';

type Transition = { from: JustificatifStatus; to: JustificatifStatus };

/** Every action but receipt, which creates the piece rather than moving it. */
export type MachineAction = Exclude<JustificatifAction, 'RECEIVED'>;

const TRANSITIONS: Record<MachineAction, Transition> = {
  ASSIGNED: { from: 'RECEIVED', to: 'RECEIVED' },
  RELEASED: { from: 'RECEIVED', to: 'RECEIVED' },
  VALIDATED: { from: 'RECEIVED', to: 'VALIDATED' },
  REJECTED: { from: 'RECEIVED', to: 'REJECTED' },
};

const STATUS_LABELS: Record<JustificatifStatus, string> = {
  RECEIVED: 'reçu',
  VALIDATED: 'validé',
  REJECTED: 'rejeté',
};

export type TransitionCheck = { allowed: true; to: JustificatifStatus } | { allowed: false; reason: string };

export function checkTransition(current: JustificatifStatus, action: MachineAction): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (transition.from !== current) {
    return { allowed: false, reason: `Le justificatif est déjà ${STATUS_LABELS[current]}.` };
  }
  return { allowed: true, to: transition.to };
}

export const isFinal = (status: JustificatifStatus) => status !== 'RECEIVED';

/**
 * Taking a piece reserves its decision: a conseiller decides a piece nobody holds or one they hold,
 * never one a colleague has taken (a superviseur reassigns it, or its holder releases it).
 */
export const heldByAnother = (assignedAgentId: number | null, agentId: number): boolean =>
  assignedAgentId !== null && assignedAgentId !== agentId;
