/** Justificatifs as the API shows them. */
import type { Justificatif } from './justificatif.entity';
import type { JustificatifNode } from './justificatif.types';

const DAY_MS = 86_400_000;

export function justificatifNode(row: Justificatif, now = Date.now()): JustificatifNode {
  return {
    ...row,
    id: String(row.id),
    ageDays: Math.max(0, Math.floor((now - row.receivedAt.getTime()) / DAY_MS)),
    fileUrl: row.fileId ? `/api/files/${row.fileId}` : null,
  };
}
