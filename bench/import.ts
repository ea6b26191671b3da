/**
 * (f) Import of pre-fill rows through the project's import CLI vs MySQL's own bulk path
 * (LOAD DATA LOCAL INFILE of the same file into a table of the same shape).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './env';

export interface ImportResult {
  available: boolean;
  note?: string;
  rows?: number;
  importSeconds?: number;
  importRowsPerSecond?: number;
  loadDataSeconds?: number;
  loadDataRowsPerSecond?: number;
}

export async function benchImport(_databaseUrl: string, _rows: number, _log: (m: string) => void): Promise<ImportResult> {
  if (!fs.existsSync(path.join(ROOT, 'server', 'src', 'cli', 'import.ts'))) {
    return { available: false, note: 'not available (no import CLI: server/src/cli/import.ts)' };
  }
  return { available: false, note: 'not available (import CLI present, bench not wired yet)' };
}
