/**
 * Runs one feed file: streams and checks every row, writes good rows in batches (one transaction per
 * batch, its declarations re-evaluated and the run's counters updated inside it), and reports bad rows
 * with line, column and French reason without stopping. A crash leaves whole batches only; since every
 * write compares with what is stored, rerunning the file completes it and changes nothing twice.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { recomputeDeclarations } from '../declarations/recompute-batch';
import { logger } from '../logger';
import { CsvFileError, csvLine, parseCsv, parseDelimited, UTF8_BOM, type CsvRecord } from './csv';
import { RowError, type RawRow } from './fields';
import { CSV_FORMAT, SKIP, UnknownRow, type KindHandler, type ParsedRow } from './handler';
import { ImportRun, type ImportRejection } from './import-run.entity';
import type { ImportKind } from './import-kinds';
import { HANDLERS } from './kinds';
import { addPhase, timed, timedSync } from './profile';
import { loadReference } from './reference';
import { openImportSource } from './source';

/** Batch size of API runs (a caisse's file, its progress on screen batch by batch) and of the CLI on SQLite. */
export const DEFAULT_BATCH_SIZE = 1_000;
/**
 * The CLI's default on MySQL (a national file): a batch costs a fixed number of statements whatever its
 * size, each a round trip, plus a commit; the next batch reads while this one writes (docs/performance.md).
 */
export const MYSQL_CLI_BATCH_SIZE = 2_000;

/** The CLI's batch size when none is asked. */
export const cliBatchSize = (db: DataSource) =>
  db.options.type === 'better-sqlite3' ? DEFAULT_BATCH_SIZE : MYSQL_CLI_BATCH_SIZE;
/** How many skipped rows weigh as much as one written row in a batch. */
const SKIPPED_PER_ROW = 10;
/** Rejections kept on the run for display; the report file has them all. */
const SAMPLE_SIZE = 100;

export interface ImportCounters {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows outside the feed's scope (another profession, a salaried activity, a secondary site). */
  skipped: number;
  /** Rows about a professional unknown to us: listed in the report. */
  unknown: number;
  /** Known professionals the file does not mention: listed in the report (never deleted). */
  absent: number;
}

export interface ImportProgress extends ImportCounters {
  bytesRead: number;
  totalBytes: number;
  batchesCommitted: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Estimated seconds left, from the share of the file read; null until something was read. */
  etaSeconds: number | null;
}

export interface ReportSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface ImportHooks {
  /** Called inside each batch's transaction, after its writes (tests simulate a crash by throwing). */
  beforeCommit?(batchIndex: number): void | Promise<void>;
  /** Called once a batch is committed and counted (tests hold a run there to watch its progress). */
  afterCommit?(batchIndex: number): void | Promise<void>;
}

export interface RunImportOptions {
  db: DataSource;
  runId: number;
  kind: ImportKind;
  source: AsyncIterable<Buffer | string>;
  totalBytes: number;
  /** Caisses whose rows may be written; null = all. */
  scope: string[] | null;
  report: ReportSink;
  batchSize?: number;
  hooks?: ImportHooks;
  onProgress?(progress: ImportProgress): void;
}

export const REPORT_HEADER = ['ligne', 'colonne', 'valeur', 'motif'];

/** A report file next to the input (`<file>.report.csv`), written with backpressure. */
export function fileReportSink(path: string): ReportSink {
  const stream = fs.createWriteStream(path, { encoding: 'utf8' });
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        stream.once('error', onError);
        const flushed = stream.write(text, () => stream.off('error', onError));
        if (flushed) resolve();
        else stream.once('drain', () => resolve());
      }),
    close: () =>
      new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/** A header as matched: case, accents, typographic apostrophes and repeated spaces do not count. */
export const headerKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The column each field of the file goes to (null: a column the kind does not read). */
function checkHeader(record: CsvRecord, handler: KindHandler<unknown>): (string | null)[] {
  if (record.error) throw new CsvFileError(`En-tête illisible (ligne ${record.line}) : ${record.error}`);
  const format = handler.format ?? CSV_FORMAT;
  const byKey = new Map<string, string>();
  for (const c of handler.columns) for (const n of [c.name, ...(c.aliases ?? [])]) byKey.set(headerKey(n), c.name);
  const fields = [...record.fields];
  if (format.trailingSeparator && fields.length > 1 && fields[fields.length - 1]!.trim() === '') fields.pop();
  const columns = fields.map((f) => byKey.get(headerKey(f)) ?? null);
  const names = columns.filter((c): c is string => c !== null);
  const unknown = fields.filter((_, i) => columns[i] === null).map((f) => f.trim().toLowerCase());
  if (unknown.length && format.unknownColumns === 'refuse') {
    throw new CsvFileError(
      `Colonne(s) inconnue(s) dans l'en-tête : ${unknown.map((n) => `« ${n} »`).join(', ')}. Colonnes attendues : ${handler.columns.map((c) => c.name).join(';')}.`,
    );
  }
  const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicated.length)
    throw new CsvFileError(`Colonne(s) en double dans l'en-tête : ${[...new Set(duplicated)].join(', ')}.`);
  const missing = handler.columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length)
    throw new CsvFileError(
      `Colonne(s) obligatoire(s) absente(s) de l'en-tête : ${missing.map((m) => (format.quoting ? m : `« ${m} »`)).join(', ')}.`,
    );
  return columns;
}

export async function runImport(options: RunImportOptions): Promise<ImportProgress> {
  const { db, runId, scope, report, hooks } = options;
  const handler = HANDLERS[options.kind];
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const format = handler.format ?? CSV_FORMAT;
  const reference = await timed('start: loadReference', () => loadReference(db, !!handler.needsCatalogue));
  const state = handler.newState?.();
  const started = Date.now();
  const totals: ImportCounters = {
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    unknown: 0,
    absent: 0,
  };
  const sample: ImportRejection[] = [];
  let bytesRead = 0;
  let batches = 0;
  let header: (string | null)[] | null = null;
  let pending: ParsedRow<unknown>[] = [];
  let pendingRejections: (ImportRejection & { value: string })[] = [];
  let pendingSkipped = 0;
  const seen = new Map<string, number>();

  const progress = (): ImportProgress => {
    const elapsedMs = Date.now() - started;
    const share = options.totalBytes > 0 ? Math.min(1, bytesRead / options.totalBytes) : 0;
    return {
      ...totals,
      bytesRead,
      totalBytes: options.totalBytes,
      batchesCommitted: batches,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? (totals.rowsRead * 1000) / elapsedMs : 0,
      etaSeconds: share > 0 ? Math.round(((elapsedMs / 1000) * (1 - share)) / share) : null,
    };
  };

  await report.write(UTF8_BOM + csvLine(REPORT_HEADER));

  // MySQL: a batch's reads (and the rules) run while the previous batch writes and commits, on a second
  // connection; the batch writes only once the previous one is committed and counted (`beforeWrite`),
  // so two batches never hold locks at once and commit in file order. SQLite has one connection.
  const overlap = !!handler.readsBeforeWrites && db.options.type !== 'better-sqlite3';
  let previous: Promise<void> = Promise.resolve();
  let rowsAtLastFlush = 0;
  const flush = async () => {
    const rows = pending;
    const fileRejections = pendingRejections;
    const rowsRead = totals.rowsRead;
    const skipped = pendingSkipped;
    const bytes = bytesRead;
    if (rows.length === 0 && fileRejections.length === 0 && rowsRead === rowsAtLastFlush) return;
    rowsAtLastFlush = rowsRead;
    pending = [];
    pendingRejections = [];
    pendingSkipped = 0;
    const before = previous;
    const job = commitBatch(rows, fileRejections, rowsRead, skipped, bytes, before);
    // Awaited below or by the next batch; never left unhandled meanwhile.
    job.catch(() => {});
    previous = job;
    // At most two batches in flight: this one, and the one it waits for.
    await (overlap ? before : job);
  };

  const commitBatch = async (
    rows: ParsedRow<unknown>[],
    fileRejections: (ImportRejection & { value: string })[],
    rowsRead: number,
    skipped: number,
    bytes: number,
    before: Promise<void>,
  ) => {
    let tally = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped, unknown: 0 };
    let rejections: (ImportRejection & { value: string })[] = [];
    // Professionals unknown to us: in the report with the rejections, but neither counted nor sampled as such.
    let notices: (ImportRejection & { value: string })[] = [];
    const txStarted = performance.now();
    let bodyEnded = 0;
    await db.transaction(async (em) => {
      // Everything from scratch: a transaction retried after a deadlock runs this again.
      tally = { inserted: 0, updated: 0, unchanged: 0, rejected: fileRejections.length, skipped, unknown: 0 };
      rejections = [...fileRejections];
      notices = [];
      if (rows.length > 0) {
        const result = await timed('batch: apply', () =>
          handler.apply(em, rows, {
            reference,
            scope,
            state,
            ...(overlap ? { beforeWrite: () => before } : {}),
          }),
        );
        result.outcomes.forEach((outcome, i) => {
          if (outcome instanceof RowError) {
            const raw = (rows[i] as ParsedRow<unknown> & { raw?: RawRow }).raw;
            const entry = {
              line: rows[i]!.line,
              column: outcome.column,
              reason: outcome.message,
              value: (outcome.column && raw?.[outcome.column]) || '',
            };
            if (outcome instanceof UnknownRow) {
              tally.unknown += 1;
              notices.push(entry);
            } else {
              tally.rejected += 1;
              rejections.push(entry);
            }
          } else tally[outcome] += 1;
        });
        if (result.touchedDeclarations.length > 0)
          await timed('batch: recompute', () => recomputeDeclarations(em, result.touchedDeclarations));
      }
      // The run's counters follow the previous batch's.
      await timed('batch: wait previous', () => before);
      rejections.sort((a, b) => a.line - b.line);
      const nextSample = [...sample, ...rejections.slice(0, Math.max(0, SAMPLE_SIZE - sample.length))].map(
        ({ line, column, reason }) => ({ line, column, reason }),
      );
      const runUpdated = performance.now();
      await em.getRepository(ImportRun).update(
        { id: runId },
        {
          rowsRead,
          bytesRead: Math.min(bytes, 2_147_483_647),
          inserted: totals.inserted + tally.inserted,
          updated: totals.updated + tally.updated,
          unchanged: totals.unchanged + tally.unchanged,
          rejected: totals.rejected + tally.rejected,
          skipped: totals.skipped + tally.skipped,
          unknown: totals.unknown + tally.unknown,
          batchesCommitted: batches + 1,
          rejections: nextSample,
          heartbeatAt: new Date(),
        },
      );
      addPhase('batch: run update', performance.now() - runUpdated);
      await hooks?.beforeCommit?.(batches);
      bodyEnded = performance.now();
    });
    addPhase('batch: commit', performance.now() - bodyEnded);
    addPhase('batch: transaction', performance.now() - txStarted);
    // Committed: the batch now counts.
    batches += 1;
    totals.inserted += tally.inserted;
    totals.updated += tally.updated;
    totals.unchanged += tally.unchanged;
    totals.rejected += tally.rejected;
    totals.skipped += tally.skipped;
    totals.unknown += tally.unknown;
    for (const r of rejections) {
      if (sample.length < SAMPLE_SIZE) sample.push({ line: r.line, column: r.column, reason: r.reason });
    }
    const reported = performance.now();
    for (const r of [...rejections, ...notices].sort((a, b) => a.line - b.line)) {
      await report.write(csvLine([r.line, r.column ?? '', r.value, r.reason]));
    }
    addPhase('batch: report', performance.now() - reported);
    options.onProgress?.({ ...progress(), rowsRead });
    await hooks?.afterCommit?.(batches - 1);
  };

  // A failure while a batch is in flight waits for it to end (rolled back) before the run is closed.
  const readAll = async () => {
    const text = openImportSource(options.source, (n) => (bytesRead += n));
    const records = format.quoting ? parseCsv(text) : parseDelimited(text, format.separator);
    let width = 0;
    // Skipped rows cost nothing to write: they weigh a tenth of a row, enough to commit progress and
    // heartbeat through a long stretch of them (most of the national Annuaire Santé file).
    const weight = () => pending.length + pendingRejections.length + Math.floor(pendingSkipped / SKIPPED_PER_ROW);
    for await (const record of records) {
      if (!header) {
        header = checkHeader(record, handler);
        width = header.length;
        continue;
      }
      if (format.trailingSeparator && record.fields.length > width && record.fields[record.fields.length - 1] === '') {
        record.fields.pop();
      }
      const raw: RawRow = {};
      let parsed: ParsedRow<unknown> | null = null;
      let rejection: (ImportRejection & { value: string }) | null = null;
      let skip = false;
      if (record.error) rejection = { line: record.line, column: null, reason: record.error, value: '' };
      else if (record.fields.length !== width) {
        rejection = {
          line: record.line,
          column: null,
          reason: `La ligne compte ${record.fields.length} champ(s), l'en-tête ${width} (séparateur « ${format.separator} » attendu).`,
          value: '',
        };
      } else {
        for (let i = 0; i < width; i++) {
          const name = header[i];
          if (name) raw[name] = record.fields[i]!.trim();
        }
        try {
          const data = timedSync('row: parse', () => handler.parse(raw, reference));
          const key = data === SKIP ? null : handler.key(data);
          const previous = key === null ? undefined : seen.get(key);
          if (data === SKIP) skip = true;
          else if (previous !== undefined) {
            rejection = {
              line: record.line,
              column: null,
              reason: `Ligne en double : même clé que la ligne ${previous} du fichier.`,
              value: '',
            };
          } else {
            if (key !== null) seen.set(key, record.line);
            parsed = Object.assign({ line: record.line, data }, { raw });
          }
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          rejection = {
            line: record.line,
            column: error.column,
            reason: error.message,
            value: (error.column && raw[error.column]) || '',
          };
        }
      }
      // A batch counts rejected rows too, so that a file of bad rows still commits its progress and its
      // report batch by batch. Grouped kinds cut between groups only (a group is contiguous rows with the
      // same key).
      const full = weight() >= batchSize;
      if (parsed && full && pending.length > 0) {
        const last = pending[pending.length - 1]!;
        const cut =
          !handler.group || handler.group(last.data) !== handler.group(parsed.data) || pending.length >= batchSize * 10;
        if (cut) await timed('flush (reader waits)', flush);
      }
      totals.rowsRead += 1;
      if (rejection) pendingRejections.push(rejection);
      if (parsed) pending.push(parsed);
      if (skip) pendingSkipped += 1;
      if (weight() >= batchSize && (!handler.group || pending.length === 0)) {
        await timed('flush (reader waits)', flush);
      }
    }
    if (!header) throw new CsvFileError('Fichier vide : la ligne d’en-tête manque.');
    await flush();
    await previous;
  };
  try {
    await readAll();
  } catch (error) {
    await previous.catch(() => {});
    throw error;
  }
  if (handler.finish) {
    const absent = await handler.finish(db.manager, { reference, scope, state }, (n) =>
      report.write(csvLine(['', n.column, n.value, n.reason])),
    );
    totals.absent = absent;
    await db.getRepository(ImportRun).update({ id: runId }, { absent, heartbeatAt: new Date() });
  }
  return progress();
}

// ---------------------------------------------------------------------------------------------
// Run records

export async function createRun(
  db: DataSource,
  init: Pick<ImportRun, 'kind' | 'fileId' | 'fileName' | 'agentId' | 'caisseCode' | 'totalBytes'>,
): Promise<ImportRun> {
  const now = new Date();
  const repo = db.getRepository(ImportRun);
  const inserted = await repo.insert({
    ...init,
    totalBytes: Math.min(init.totalBytes, 2_147_483_647),
    status: 'RUNNING',
    rejections: [],
    startedAt: now,
    heartbeatAt: now,
  });
  return repo.findOneByOrFail({ id: Number(inserted.identifiers[0]?.id) });
}

/** Closes a run (completed or failed) and records it in the audit trail, in one transaction. */
export async function finishRun(
  db: DataSource,
  run: ImportRun,
  outcome: { progress?: ImportProgress; error?: unknown; reportFileId?: string | null },
): Promise<ImportRun> {
  const failed = outcome.error !== undefined;
  const message = failed
    ? outcome.error instanceof CsvFileError
      ? outcome.error.message
      : `Import interrompu par une erreur inattendue : ${outcome.error instanceof Error ? outcome.error.message.slice(0, 500) : String(outcome.error)}`
    : null;
  if (failed && !(outcome.error instanceof CsvFileError))
    logger.error({ err: outcome.error, runId: run.id }, 'import failed');
  await db.transaction(async (em) => {
    const repo = em.getRepository(ImportRun);
    await repo.update(
      { id: run.id },
      {
        status: failed ? 'FAILED' : 'COMPLETED',
        errorMessage: message,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
        reportFileId: outcome.reportFileId ?? null,
        ...(outcome.progress && !failed ? { bytesRead: Math.min(outcome.progress.bytesRead, 2_147_483_647) } : {}),
      },
    );
    const current = await repo.findOneByOrFail({ id: run.id });
    await recordAudit(em, {
      agentId: run.agentId,
      action: failed ? 'IMPORT_FAILED' : 'IMPORT_COMPLETED',
      targetType: 'IMPORT_RUN',
      targetId: run.id,
      caisseCode: run.caisseCode,
      details: {
        kind: run.kind,
        fileName: run.fileName,
        rowsRead: current.rowsRead,
        inserted: current.inserted,
        updated: current.updated,
        unchanged: current.unchanged,
        rejected: current.rejected,
        skipped: current.skipped,
        unknown: current.unknown,
        absent: current.absent,
        ...(message ? { error: message } : {}),
      },
    });
  });
  return db.getRepository(ImportRun).findOneByOrFail({ id: run.id });
}
