/**
 * What the recap prints about indicators and rémunération, as pure assembly. For a campaign still open
 * or closed it is the rules' current evaluation; for a computed or paid campaign it is the frozen
 * snapshot of the computation (table `declaration_snapshot`): atteintes, reasons and amounts as
 * computed, so that a référentiel edit after the computation never changes the recap.
 */
import type { ComputedSnapshot } from '../campaigns/lifecycle/amounts';
import { formatEuros } from '../campaigns/rules/format';
import type { RemunerationResult } from '../campaigns/rules/types';
import type { AchievementStatus, CampaignStatus } from '../common/enums';
import type { RecapData } from './recap-pdf';

export const ATTEINTE_LABELS: Record<AchievementStatus, string> = {
  ACHIEVED: 'Atteint',
  NOT_ACHIEVED: 'NI',
  NEUTRALISED: 'Neutralisé',
  PENDING_JUSTIFICATIF: 'En attente de justificatif',
};

/** One applicable indicator as the rules evaluate it now. */
export interface CurrentIndicator {
  code: string;
  label: string;
  /** The value as displayed, null when neither pre-filled nor declared. */
  value: string | null;
  achievement: AchievementStatus;
  reason: string;
  mention: string | null;
}

export interface CurrentEvaluation {
  indicators: CurrentIndicator[];
  remuneration: RemunerationResult;
}

export type RecapBody = Pick<RecapData, 'indicators' | 'remuneration' | 'total' | 'amountsNote'>;

/** A computed or paid campaign's recap reads the snapshot. */
export const readsSnapshot = (status: CampaignStatus): boolean => status === 'COMPUTED' || status === 'PAID';

const NOT_DECLARED = 'Non déclaré';

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });

function remunerationOf(remuneration: Pick<RemunerationResult, 'lines' | 'totalCents' | 'complete'>) {
  return {
    remuneration: remuneration.lines.map((l) => ({
      label: l.label,
      amount: l.amountKnown ? formatEuros(l.amountCents) : 'montant non connu',
      reason: l.reason,
    })),
    total: `${formatEuros(remuneration.totalCents)}${remuneration.complete ? '' : ' (au moins)'}`,
  };
}

/**
 * The recap's indicators and rémunération: from `frozen` when given (a computed campaign), else from
 * `current`. A snapshot frozen before values and mentions were kept in it takes them from `current`
 * (the values of a computed campaign no longer change).
 */
export function recapBody(current: CurrentEvaluation, frozen: ComputedSnapshot | null): RecapBody {
  if (!frozen) {
    return {
      indicators: current.indicators.map((i) => ({
        label: i.label,
        value: i.value ?? NOT_DECLARED,
        atteinte: ATTEINTE_LABELS[i.achievement],
        reason: i.reason,
        mention: i.mention,
      })),
      ...remunerationOf(current.remuneration),
      amountsNote: null,
    };
  }
  const currentByCode = new Map(current.indicators.map((i) => [i.code, i]));
  return {
    indicators: frozen.indicators.map((i) => {
      const now = currentByCode.get(i.code);
      const value = i.value === undefined ? (now?.value ?? null) : i.value;
      return {
        label: i.label,
        value: value ?? NOT_DECLARED,
        atteinte: ATTEINTE_LABELS[i.achievement],
        reason: i.reason,
        mention: i.mention === undefined ? (now?.mention ?? null) : i.mention,
      };
    }),
    ...remunerationOf(frozen),
    amountsNote: `Atteintes et montants figés au calcul de la campagne le ${PARIS_DATE.format(new Date(frozen.computedAt))}.`,
  };
}
