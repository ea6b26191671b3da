/**
 * Drains the pré-contrôle jobs: claim, read the stored file, extract in the child process, complete.
 * Used by the server's background loop and by `npm run precheck` (which the kill -9 test runs).
 */
import type { DataSource } from 'typeorm';
import type { FileStorage } from '../files/storage';
import { StoredFile } from '../files/stored-file.entity';
import { logger } from '../logger';
import type { Extractor } from './extractor';
import {
  claimPrecheck,
  completePrecheck,
  DEFAULT_LEASE_MS,
  failPrecheck,
  reusableExtraction,
} from './precheck.service';

export interface PrecheckRunOptions {
  db: DataSource;
  storage: FileStorage;
  extractor: Extractor;
  /** Jobs to run at most in this call (default: until none is left). */
  max?: number;
  leaseMs?: number;
  /** Checked between jobs. */
  stopped?: () => boolean;
}

export interface PrecheckRunCounts {
  completed: number;
  failed: number;
}

async function readAll(storage: FileStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function runPrecheckJobs(options: PrecheckRunOptions): Promise<PrecheckRunCounts> {
  const { db, storage, extractor } = options;
  const counts = { completed: 0, failed: 0 };
  while ((options.max === undefined || counts.completed + counts.failed < options.max) && !options.stopped?.()) {
    const claim = await claimPrecheck(db, options.leaseMs ?? DEFAULT_LEASE_MS);
    if (!claim) break;
    try {
      const file = await db.getRepository(StoredFile).findOneByOrFail({ id: claim.fileId });
      const extraction =
        (await reusableExtraction(db, claim.fileId)) ??
        (await extractor.extract(await readAll(storage, claim.fileId), file.contentType));
      if (await completePrecheck(db, claim, extraction)) counts.completed += 1;
    } catch (error) {
      logger.warn({ err: error, precheckId: claim.id, attempt: claim.attempt }, 'pre-check attempt failed');
      await failPrecheck(db, claim, (error as Error).message ?? String(error));
      counts.failed += 1;
    }
  }
  return counts;
}

/** The server's background loop: drains the jobs, then looks again every `intervalMs`. */
export function startPrecheckLoop(options: Omit<PrecheckRunOptions, 'max' | 'stopped'> & { intervalMs?: number }) {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runPrecheckJobs({ ...options, stopped: () => stopping })
      .catch((error: unknown) => logger.error({ err: error }, 'pre-check loop failed'))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, options.intervalMs ?? 2_000);
      });
  };
  tick();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      await options.extractor.close();
    },
  };
}
