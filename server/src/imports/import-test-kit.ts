/**
 * Test helpers for imports: run a CSV text (or a fixture) through the real runner with an in-memory
 * report, and build the small world the fixtures of test/fixtures/imports refer to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { REPO_ROOT } from '../config';
import type { Profession } from '../common/enums';
import { Professional } from '../professionals/professional.entity';
import { createCaisses, createCampaign, createSoftware } from '../test-support/world';
import { bulkInsert } from '../db/bulk';
import type { ImportKind } from './import-kinds';
import { createRun, finishRun, runImport, type ImportHooks, type ImportProgress, type ReportSink } from './runner';
import type { ImportRun } from './import-run.entity';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'imports');

export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

export function memoryReport(): ReportSink & { text(): string; rows(): string[][] } {
  const parts: string[] = [];
  return {
    async write(text) {
      parts.push(text);
    },
    async close() {},
    text: () => parts.join(''),
    rows: () =>
      parts
        .join('')
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map(splitReportLine),
  };
}

/** Splits one report line (no line breaks inside: reasons are one line) honouring `"` quoting. */
function splitReportLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^;]*)(;|$)/g;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    const raw = m[1]!;
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '') break;
  }
  return fields;
}

export interface CsvRunResult {
  progress: ImportProgress | null;
  run: ImportRun;
  report: ReturnType<typeof memoryReport>;
  error?: unknown;
}

/** Runs `content` as a file of `kind`, like the CLI does (run record, report, audit). */
export async function importCsv(
  db: DataSource,
  kind: ImportKind,
  content: string | Buffer,
  options: { scope?: string[] | null; batchSize?: number; hooks?: ImportHooks; chunkSize?: number } = {},
): Promise<CsvRunResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const run = await createRun(db, {
    kind,
    fileId: null,
    fileName: `${kind.toLowerCase()}.csv`,
    agentId: null,
    caisseCode: options.scope?.[0] ?? null,
    totalBytes: bytes.length,
  });
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const report = memoryReport();
  try {
    const progress = await runImport({
      db,
      runId: run.id,
      kind,
      source: Readable.from(chunks),
      totalBytes: bytes.length,
      scope: options.scope ?? null,
      report,
      batchSize: options.batchSize,
      hooks: options.hooks,
    });
    return { progress, run: await finishRun(db, run, { progress }), report };
  } catch (error) {
    return { progress: null, run: await finishRun(db, run, { error }), report, error };
  }
}

/** Caisses 211 and 751, the FAMI 2024 campaign (open) and the software the fixtures name. */
export async function fixtureWorld(em: EntityManager) {
  await createCaisses(em);
  const campaign = await createCampaign(em, 'fami-2024.json', 'OPEN');
  const dentalia52 = await createSoftware(em, 'Dentalia Soft', 'Dentalia', '5.2');
  const dentalia51 = await createSoftware(em, 'Dentalia Soft', 'Dentalia', '5.1');
  return { campaign, dentalia52, dentalia51 };
}

export const counts = (r: CsvRunResult) => ({
  read: r.run.rowsRead,
  inserted: r.run.inserted,
  updated: r.run.updated,
  unchanged: r.run.unchanged,
  rejected: r.run.rejected,
});

/**
 * Inserts `count` professionals in multi-row statements; N° AM are `<caisse 2 digits><start + i>` on 7
 * digits, no RPPS. Returns their N° AM in order.
 */
export async function insertProfessionals(
  em: EntityManager,
  count: number,
  { caisseCode, profession, start }: { caisseCode: string; profession: Profession; start: number },
): Promise<string[]> {
  const amNumbers = Array.from(
    { length: count },
    (_, i) => `${caisseCode.slice(0, 2)}${String(start + i).padStart(7, '0')}`,
  );
  for (let offset = 0; offset < count; offset += 5_000) {
    await em.transaction((tx) =>
      bulkInsert(
        tx,
        Professional,
        amNumbers.slice(offset, offset + 5_000).map((amNumber, i) => ({
          amNumber,
          rpps: null,
          adeli: null,
          lastName: `Nom${offset + i}`,
          firstName: 'Prénom',
          searchName: `NOM${offset + i} PRENOM`,
          profession,
          specialty: null,
          caisseCode,
          addressLine: '1 rue du Test',
          postalCode: caisseCode === '751' ? '75011' : '21000',
          commune: caisseCode === '751' ? 'Paris' : 'Dijon',
          communeKey: caisseCode === '751' ? 'PARIS' : 'DIJON',
          installationDate: '2015-03-01',
          email: null,
          phone: null,
          usesAmelipro: true,
        })),
      ),
    );
  }
  return amNumbers;
}
