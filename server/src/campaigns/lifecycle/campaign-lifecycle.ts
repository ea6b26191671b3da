/**
 * The campaign lifecycle as a pure state machine: OPEN → CLOSED → COMPUTED → PAID. Each command says
 * whether it may run from the campaign's state, and the computation preview states its consequences
 * (pieces still to check, per caisse) before anything changes.
 */
import type { CampaignStatus } from '../../common/enums';

export type CampaignCommand = 'CLOSE' | 'COMPUTE' | 'MARK_PAID';

/** Why a lifecycle command is refused: expected outcomes, answered as data (GraphQL union), never thrown. */
export const CAMPAIGN_REFUSALS = [
  'WRONG_STATE',
  'STALE_VERSION',
  'COMPUTATION_RUNNING',
  'RECEIVED_PIECES_REMAIN',
  'REASON_REQUIRED',
  'INVALID_INPUT',
] as const;
export type CampaignRefusalCode = (typeof CAMPAIGN_REFUSALS)[number];

export interface CampaignRefusal {
  code: CampaignRefusalCode;
  message: string;
}

const TRANSITIONS: Record<CampaignCommand, { from: CampaignStatus; to: CampaignStatus }> = {
  CLOSE: { from: 'OPEN', to: 'CLOSED' },
  COMPUTE: { from: 'CLOSED', to: 'COMPUTED' },
  MARK_PAID: { from: 'COMPUTED', to: 'PAID' },
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  UPCOMING: 'à venir',
  OPEN: 'ouverte',
  CLOSED: 'close (en instruction)',
  COMPUTED: 'calculée',
  PAID: 'payée',
};

const COMMAND_LABELS: Record<CampaignCommand, string> = {
  CLOSE: 'clore',
  COMPUTE: 'calculer',
  MARK_PAID: 'marquer payée',
};

export type CampaignTransitionCheck =
  { allowed: true; to: CampaignStatus } | { allowed: false; refusal: CampaignRefusal };

export function checkCampaignTransition(status: CampaignStatus, command: CampaignCommand): CampaignTransitionCheck {
  const transition = TRANSITIONS[command];
  if (transition.from === status) return { allowed: true, to: transition.to };
  return {
    allowed: false,
    refusal: {
      code: 'WRONG_STATE',
      message: `Impossible de ${COMMAND_LABELS[command]} une campagne ${CAMPAIGN_STATUS_LABELS[status]} : il faut une campagne ${CAMPAIGN_STATUS_LABELS[transition.from]}.`,
    },
  };
}

export const MAX_REASON_LENGTH = 1000;

export interface ComputationRequest {
  force: boolean;
  reason: string | null;
}

/** Received pieces still to check, per caisse: what forcing the computation costs. */
export interface PendingPieces {
  caisseCode: string;
  caisseName: string;
  received: number;
}

export interface ComputationPreview {
  declarations: number;
  receivedPieces: number;
  perCaisse: PendingPieces[];
  /** What the confirmation states, in French. */
  consequences: string[];
  /** Whether the computation needs `force` and a reason. */
  requiresForce: boolean;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} ${n > 1 ? many : one}`;

export function computationPreview(declarations: number, perCaisse: PendingPieces[]): ComputationPreview {
  const pending = perCaisse.filter((c) => c.received > 0).sort((a, b) => a.caisseCode.localeCompare(b.caisseCode));
  const receivedPieces = pending.reduce((sum, c) => sum + c.received, 0);
  const consequences = [
    `${plural(declarations, 'déclaration sera évaluée', 'déclarations seront évaluées')} et leur atteinte et rémunération figées : une modification ultérieure du référentiel ne les changera plus.`,
    'Les justificatifs ne pourront plus être décidés ni reçus pour cette campagne ; un recours passera par une régularisation.',
  ];
  if (receivedPieces > 0) {
    consequences.push(
      `${plural(receivedPieces, 'justificatif reçu n’a pas été vérifié', 'justificatifs reçus n’ont pas été vérifiés')} : les indicateurs concernés deviendront non atteints (${pending
        .map((c) => `${c.caisseName} : ${c.received}`)
        .join(' ; ')}). Un calcul forcé demande un motif.`,
    );
  }
  return { declarations, receivedPieces, perCaisse: pending, consequences, requiresForce: receivedPieces > 0 };
}

/** Whether the computation may start given what is still to check; the refusal names the count. */
export function checkComputationRequest(
  preview: Pick<ComputationPreview, 'receivedPieces' | 'perCaisse'>,
  request: ComputationRequest,
): CampaignRefusal | null {
  const reason = request.reason?.trim() ?? '';
  if (reason.length > MAX_REASON_LENGTH) {
    return { code: 'INVALID_INPUT', message: `Motif trop long (${MAX_REASON_LENGTH} caractères au plus).` };
  }
  if (preview.receivedPieces === 0) return null;
  if (!request.force) {
    return {
      code: 'RECEIVED_PIECES_REMAIN',
      message: `${plural(preview.receivedPieces, 'justificatif reçu reste', 'justificatifs reçus restent')} à vérifier (${preview.perCaisse
        .map((c) => `${c.caisseCode} : ${c.received}`)
        .join(', ')}) : vérifiez-les ou forcez le calcul avec un motif.`,
    };
  }
  if (reason.length === 0) {
    return { code: 'REASON_REQUIRED', message: 'Un calcul forcé demande un motif.' };
  }
  return null;
}

export function staleCampaign(currentVersion: number): CampaignRefusal {
  return {
    code: 'STALE_VERSION',
    message: `La campagne a changé depuis votre lecture (version ${currentVersion}) : rechargez-la avant de confirmer.`,
  };
}
