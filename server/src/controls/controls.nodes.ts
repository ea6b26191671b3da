/** Entities → GraphQL nodes (plain objects; the outcome kinds drive the unions' resolveType). */
import type { Indicator } from '../campaigns/indicator.entity';
import { motifLabel, motifsFor } from './control-motifs';
import type { ControlCase, ControlItem, ControlPlan } from './control.entity';
import { deadlinePassed, STATUS_LABELS } from './control.machine';
import type { ControlCaseNode, ControlIndicatorNode, ControlPlanNode } from './control.types';
import type { ControlTransitionOutcome } from './cases.service';

const DAY_MS = 86_400_000;

export function controlPlanNode(row: ControlPlan): ControlPlanNode {
  return {
    ...row,
    id: String(row.id),
    ratePercent: row.ratePercentTimes100 === null ? null : row.ratePercentTimes100 / 100,
  };
}

export function controlCaseNode(row: ControlCase, now = new Date()): ControlCaseNode {
  return {
    ...row,
    id: String(row.id),
    statusLabel: STATUS_LABELS[row.status],
    ageDays: Math.max(0, Math.floor((now.getTime() - row.openedAt.getTime()) / DAY_MS)),
    deadlinePassed:
      row.status === 'PIECES_REQUESTED' && deadlinePassed(row.responseDeadline, now.toISOString().slice(0, 10)),
    pieces: (row.pieces ?? []).map((p) => ({
      fileUrl: `/api/files/${p.fileId}`,
      receivedAt: new Date(p.receivedAt),
      channel: p.channel as ControlCaseNode['pieces'][number]['channel'],
    })),
    findings: (row.findings ?? []).map((f) => ({ ...f, motifLabels: f.motifs.map(motifLabel) })),
    induLines: row.induLines ?? [],
  };
}

export function controlIndicatorNodes(
  row: Pick<ControlCase, 'id' | 'indicatorCodes'>,
  indicators: Indicator[],
  items: ControlItem[],
): ControlIndicatorNode[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return row.indicatorCodes.map((code) => {
    const indicator = byCode.get(code);
    const item = items.find((i) => i.caseId === row.id && i.indicatorCode === code);
    return {
      code,
      label: indicator?.label ?? code,
      motifs: indicator
        ? motifsFor(indicator.kind, indicator.valueType).map(({ code, label }) => ({ code, label }))
        : [],
      finding: item?.finding ?? null,
    };
  });
}

export function controlOutcomeNode(outcome: ControlTransitionOutcome) {
  return outcome.kind === 'UPDATED'
    ? { kind: 'UPDATED' as const, controlCase: controlCaseNode(outcome.controlCase) }
    : {
        kind: 'REFUSED' as const,
        code: outcome.code,
        message: outcome.message,
        controlCase: controlCaseNode(outcome.controlCase),
      };
}
