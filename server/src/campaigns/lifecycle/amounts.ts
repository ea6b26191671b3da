/**
 * Money of a computed campaign as pure functions: what is due to a professional (from the rules'
 * evaluation), the frozen snapshot the computation keeps, what a payments file is reconciled against,
 * and the régularisation when a due amount changes after payment. Issue 16 (contrôle) calls these.
 */
import type { AchievementStatus } from '../../common/enums';
import { formatValue } from '../../declarations/value-format';
import type { DeclarationEvaluation, DeclarationEvaluationInput } from '../rules/evaluate';
import type { RemunerationLine } from '../rules/types';

/** One applicable indicator as the computation saw it. */
export interface ComputedIndicator {
  code: string;
  label: string;
  achievement: AchievementStatus;
  reason: string;
  /** The value as displayed (« Oui », « 84,62 % »…), null when neither pre-filled nor declared. Absent from snapshots frozen before it was kept. */
  value?: string | null;
  /** The mention « pièce justificative validée par la CPAM » when shown. Absent from snapshots frozen before it was kept. */
  mention?: string | null;
}

/**
 * What the computation froze for one declaration (table `declaration_snapshot`); later référentiel
 * edits never change it. The recap and the payment file of a computed campaign read it.
 */
export interface ComputedSnapshot {
  computedAt: string;
  totalCents: number;
  complete: boolean;
  lines: RemunerationLine[];
  indicators: ComputedIndicator[];
}

/** The amount due for one declaration, in cents. */
export function computeDue(evaluation: Pick<DeclarationEvaluation, 'remuneration'>): number {
  return evaluation.remuneration.totalCents;
}

/** The snapshot of one evaluation: `values` are the recorded values it was evaluated on, by indicator code. */
export function snapshotOf(
  evaluation: DeclarationEvaluation,
  computedAt: Date,
  values: DeclarationEvaluationInput['values'] = {},
): ComputedSnapshot {
  return {
    computedAt: computedAt.toISOString(),
    totalCents: computeDue(evaluation),
    complete: evaluation.remuneration.complete,
    lines: evaluation.remuneration.lines.map((l) => ({ ...l })),
    indicators: evaluation.indicators.map((e) => {
      const recorded = values[e.indicator.code];
      return {
        code: e.indicator.code,
        label: e.indicator.label,
        achievement: e.achievement.status,
        reason: e.achievement.reason,
        value: recorded ? formatValue(recorded.data, e.indicator) : null,
        mention: e.mention.text,
      };
    }),
  };
}

export interface PaidAmount {
  professionalId: number;
  paidCents: number;
}

export interface DueAmount {
  professionalId: number;
  dueCents: number;
}

export interface ReconciliationGap {
  professionalId: number;
  dueCents: number;
  paidCents: number;
  /** due − paid: positive, the professional is owed more; negative, too much was paid. */
  differenceCents: number;
}

/**
 * Professionals whose paid amount differs from the computed one, in professional order. A
 * professional paid without a computed amount is due 0; one computed but never paid has paid 0.
 */
export function reconcile(due: readonly DueAmount[], paid: readonly PaidAmount[]): ReconciliationGap[] {
  const byProfessional = new Map<number, { dueCents: number; paidCents: number }>();
  for (const d of due) {
    const entry = byProfessional.get(d.professionalId) ?? { dueCents: 0, paidCents: 0 };
    entry.dueCents += d.dueCents;
    byProfessional.set(d.professionalId, entry);
  }
  for (const p of paid) {
    const entry = byProfessional.get(p.professionalId) ?? { dueCents: 0, paidCents: 0 };
    entry.paidCents += p.paidCents;
    byProfessional.set(p.professionalId, entry);
  }
  return [...byProfessional]
    .filter(([, e]) => e.dueCents !== e.paidCents)
    .sort(([a], [b]) => a - b)
    .map(([professionalId, e]) => ({ professionalId, ...e, differenceCents: e.dueCents - e.paidCents }));
}

/** The régularisation a new due amount yields once the campaign is paid; null when nothing changes. */
export function regularisationAmount(newDueCents: number, alreadySettledCents: number): number | null {
  const difference = newDueCents - alreadySettledCents;
  return difference === 0 ? null : difference;
}
