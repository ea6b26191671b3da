/** GraphQL shape of an import run, read from its row (progress, rate and time left derived here). */
import type { ImportRun } from './import-run.entity';
import type { ImportRunNode } from './imports.types';

/** A RUNNING run without a heartbeat for this long was interrupted (its process stopped). */
const STALE_AFTER_MS = 10 * 60_000;

export function importRunNode(run: ImportRun, now = Date.now()): ImportRunNode {
  const end = run.finishedAt ?? (run.status === 'RUNNING' ? new Date(now) : run.heartbeatAt);
  const elapsedSeconds = Math.max(1, (end.getTime() - run.startedAt.getTime()) / 1000);
  const share = run.totalBytes > 0 ? Math.min(1, run.bytesRead / run.totalBytes) : run.status === 'RUNNING' ? 0 : 1;
  const stale = run.status === 'RUNNING' && now - run.heartbeatAt.getTime() > STALE_AFTER_MS;
  const running = run.status === 'RUNNING' && !stale;
  return {
    id: String(run.id),
    kind: run.kind,
    status: stale ? 'INTERRUPTED' : run.status,
    fileName: run.fileName,
    caisseCode: run.caisseCode,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    rowsRead: run.rowsRead,
    inserted: run.inserted,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    skipped: run.skipped,
    unknown: run.unknown,
    absent: run.absent,
    batchesCommitted: run.batchesCommitted,
    bytesRead: run.bytesRead,
    totalBytes: run.totalBytes,
    progress: running ? share : run.status === 'COMPLETED' ? 1 : share,
    rowsPerSecond: Math.round((run.rowsRead / elapsedSeconds) * 10) / 10,
    etaSeconds: running && share > 0 ? Math.round((elapsedSeconds * (1 - share)) / share) : null,
    errorMessage: run.errorMessage,
    rejections: run.rejections ?? [],
    reportUrl: run.reportFileId ? `/api/imports/runs/${run.id}/report` : null,
    agentId: run.agentId,
  };
}
