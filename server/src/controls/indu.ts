/**
 * The indu of a control: what was paid minus what is due, line by line, each line with its reason.
 *
 * `paid` is the rémunération the payment was computed from (before the control's conclusion), `due` the
 * rémunération re-evaluated after it; `paidCents` is what was actually sent for the campaign. Lines are
 * matched by indicator (the gate line and the cap line by their label). When nothing was sent yet there is
 * no indu: the conclusion lowers the rémunération before it is paid. When the amount sent differs from the
 * computed rémunération (an earlier régularisation), one line states the difference, so that the lines
 * always add up to the total: paidCents − due.totalCents, never below zero.
 */
import { formatEuros, lowerFirst } from '../campaigns/rules/format';
import type { RemunerationLine, RemunerationResult } from '../campaigns/rules/types';

export interface InduLine {
  label: string;
  indicatorCode: string | null;
  paidCents: number;
  dueCents: number;
  /** paid − due for this line (negative when the line is now worth more, e.g. the cap released). */
  induCents: number;
  reason: string;
}

export interface InduResult {
  paidCents: number;
  dueCents: number;
  totalCents: number;
  lines: InduLine[];
  reason: string;
}

const lineKey = (line: RemunerationLine) =>
  line.indicatorCode ? `indicator:${line.indicatorCode}` : `label:${line.label}`;

export function computeIndu(paid: RemunerationResult, due: RemunerationResult, paidCents: number): InduResult {
  if (paidCents <= 0) {
    return {
      paidCents: 0,
      dueCents: due.totalCents,
      totalCents: 0,
      lines: [],
      reason: `Aucun paiement envoyé pour cette campagne : pas d'indu, la rémunération due est ramenée à ${formatEuros(due.totalCents)}`,
    };
  }
  const dueByKey = new Map(due.lines.map((line) => [lineKey(line), line]));
  const keys = [
    ...paid.lines.map(lineKey),
    ...due.lines.map(lineKey).filter((k) => !paid.lines.some((l) => lineKey(l) === k)),
  ];
  const paidByKey = new Map(paid.lines.map((line) => [lineKey(line), line]));
  const lines: InduLine[] = [];
  for (const key of keys) {
    const before = paidByKey.get(key);
    const after = dueByKey.get(key);
    const paidLine = before?.amountCents ?? 0;
    const dueLine = after?.amountCents ?? 0;
    if (paidLine === dueLine) continue;
    const source = (after ?? before)!;
    lines.push({
      label: source.label,
      indicatorCode: source.indicatorCode ?? null,
      paidCents: paidLine,
      dueCents: dueLine,
      induCents: paidLine - dueLine,
      reason: `Versé ${formatEuros(paidLine)}, dû ${formatEuros(dueLine)} : ${after ? lowerFirst(after.reason) : 'ligne supprimée'}`,
    });
  }
  if (paidCents !== paid.totalCents) {
    lines.push({
      label: 'Écart entre le montant versé et la rémunération calculée',
      indicatorCode: null,
      paidCents: paidCents - paid.totalCents,
      dueCents: 0,
      induCents: paidCents - paid.totalCents,
      reason: `Montant versé ${formatEuros(paidCents)} pour une rémunération calculée de ${formatEuros(paid.totalCents)}`,
    });
  }
  const raw = paidCents - due.totalCents;
  if (raw < 0) {
    // Paid less than due (a payment still to come): the control recovers nothing.
    return {
      paidCents,
      dueCents: due.totalCents,
      totalCents: 0,
      lines,
      reason: `Montant versé (${formatEuros(paidCents)}) inférieur au montant dû (${formatEuros(due.totalCents)}) : aucun indu`,
    };
  }
  return {
    paidCents,
    dueCents: due.totalCents,
    totalCents: raw,
    lines,
    reason:
      raw === 0
        ? 'Le montant versé correspond au montant dû : aucun indu'
        : `Indu de ${formatEuros(raw)} : versé ${formatEuros(paidCents)}, dû ${formatEuros(due.totalCents)}`,
  };
}
