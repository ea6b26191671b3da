/** The pré-contrôle as the API shows it. */
import type { PrecheckNode } from './precheck-node.types';
import type { Precheck } from './precheck.entity';

export function precheckNode(row: Precheck): PrecheckNode {
  const confirmation = row.confirmation;
  return {
    status: row.status,
    source: row.source,
    pageCount: row.pageCount,
    confidence: row.confidence,
    findings: row.findings ?? [],
    contradictions: row.contradictions,
    completedAt: row.completedAt,
    confirmation: confirmation
      ? {
          action: confirmation.action,
          at: new Date(confirmation.at),
          items: confirmation.items,
          confirmed: confirmation.items.filter((i) => i.agreed).length,
          changed: confirmation.items.filter((i) => !i.agreed).length,
        }
      : null,
  };
}
