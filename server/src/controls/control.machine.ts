/**
 * The control case lifecycle (pure): OPEN → PIECES_REQUESTED → PIECES_RECEIVED → CONCLUDED_COMPLIANT or
 * CONCLUDED_NON_COMPLIANT; PIECES_REQUESTED → NO_RESPONSE once the deadline has passed. Concluded states are
 * final. Taking and releasing keep the status and are allowed until the conclusion.
 */
import { CONCLUDED_STATUSES, type ControlAction, type ControlCaseStatus } from './control.entity';

export const STATUS_LABELS: Record<ControlCaseStatus, string> = {
  OPEN: 'ouvert',
  PIECES_REQUESTED: 'en attente des pièces',
  PIECES_RECEIVED: 'pièces reçues',
  CONCLUDED_COMPLIANT: 'conclu conforme',
  CONCLUDED_NON_COMPLIANT: 'conclu non conforme',
  NO_RESPONSE: 'clos sans réponse',
};

const FROM: Record<Exclude<ControlAction, 'OPENED'>, readonly ControlCaseStatus[]> = {
  ASSIGNED: ['OPEN', 'PIECES_REQUESTED', 'PIECES_RECEIVED'],
  RELEASED: ['OPEN', 'PIECES_REQUESTED', 'PIECES_RECEIVED'],
  PIECES_REQUESTED: ['OPEN'],
  PIECE_ATTACHED: ['PIECES_REQUESTED', 'PIECES_RECEIVED'],
  CONCLUDED_COMPLIANT: ['PIECES_RECEIVED'],
  CONCLUDED_NON_COMPLIANT: ['PIECES_RECEIVED'],
  NO_RESPONSE: ['PIECES_REQUESTED'],
};

const TO: Record<Exclude<ControlAction, 'OPENED'>, ControlCaseStatus | 'SAME'> = {
  ASSIGNED: 'SAME',
  RELEASED: 'SAME',
  PIECES_REQUESTED: 'PIECES_REQUESTED',
  PIECE_ATTACHED: 'PIECES_RECEIVED',
  CONCLUDED_COMPLIANT: 'CONCLUDED_COMPLIANT',
  CONCLUDED_NON_COMPLIANT: 'CONCLUDED_NON_COMPLIANT',
  NO_RESPONSE: 'NO_RESPONSE',
};

export type ControlTransitionCheck = { allowed: true; to: ControlCaseStatus } | { allowed: false; reason: string };

export function checkControlTransition(
  current: ControlCaseStatus,
  action: Exclude<ControlAction, 'OPENED'>,
): ControlTransitionCheck {
  if (!FROM[action].includes(current)) {
    if (CONCLUDED_STATUSES.includes(current))
      return { allowed: false, reason: `Le contrôle est déjà ${STATUS_LABELS[current]}.` };
    if (action === 'NO_RESPONSE')
      return { allowed: false, reason: 'Seul un contrôle en attente des pièces peut être clos sans réponse.' };
    if (action === 'CONCLUDED_COMPLIANT' || action === 'CONCLUDED_NON_COMPLIANT')
      return { allowed: false, reason: 'Un contrôle se conclut sur pièces : attachez d’abord les pièces reçues.' };
    if (action === 'PIECE_ATTACHED')
      return { allowed: false, reason: 'Demandez les pièces au professionnel avant d’en attacher.' };
    return { allowed: false, reason: `Action impossible : le contrôle est ${STATUS_LABELS[current]}.` };
  }
  const to = TO[action];
  return { allowed: true, to: to === 'SAME' ? current : to };
}

/** The response deadline has passed when today (UTC date) is after it. */
export const deadlinePassed = (deadline: string | null, today: string): boolean =>
  deadline !== null && today > deadline;

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
