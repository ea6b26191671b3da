/**
 * Imports from the console: upload a CSV (stored by content hash), start a run in the background,
 * follow its progress, download its report. A caisse-scoped agent's run writes only rows of their caisse.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { LessThan } from 'typeorm';
import { Permission, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { outsideSqlCount } from '../db/sql-count';
import { StoredFile } from '../files/stored-file.entity';
import { ownedByCaisse, recordFileOwner } from '../files/files.service';
import type { RequestContext } from '../common/request-context';
import { logger } from '../logger';
import { ImportRun } from './import-run.entity';
import { CSV_FORMAT } from './handler';
import { IMPORT_KINDS, type ImportKind } from './import-kinds';
import type { ImportKindInfoNode, ImportRunNode } from './imports.types';
import { importRunNode } from './imports.nodes';
import { HANDLERS } from './kinds';
import { isZip } from './source';
import { createRun, fileReportSink, finishRun, runImport, type ImportHooks } from './runner';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const IMPORT_CONTENT_TYPE = 'text/csv';

/** Runs started by this process, so that tests and shutdown can wait for them. */
const active = new Map<number, Promise<void>>();

export const waitForImports = () => Promise.all([...active.values()]).then(() => undefined);

/** Test hook for runs started through the API (crash simulation). */
let apiHooks: ImportHooks | undefined;
export function setImportHooksForTests(hooks: ImportHooks | undefined) {
  apiHooks = hooks;
}

const visible = (agent: AuthenticatedAgent, run: ImportRun | null) =>
  !!run && (agent.nationalScope || run.caisseCode === agent.caisseCode);

// ---------------------------------------------------------------------------------------------
// Upload

/**
 * Reads an upload as it arrives: size cap, UTF-8 validity and NUL check, SHA-256, without a second pass.
 * A zip (the Annuaire Santé extract as published) is kept as it is: its text is checked as the run
 * inflates it.
 */
export class TextUpload {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly hash = createHash('sha256');
  private readonly parts: Buffer[] = [];
  size = 0;
  zip = false;

  push(chunk: Buffer) {
    if (this.size === 0 && isZip(chunk)) this.zip = true;
    this.size += chunk.length;
    if (this.size > MAX_IMPORT_BYTES) throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 200 Mo.');
    if (this.zip) {
      this.hash.update(chunk);
      this.parts.push(chunk);
      return;
    }
    if (chunk.includes(0)) {
      throw new AppError(
        ErrorCode.FILE_REJECTED,
        'Fichier refusé : il contient un caractère NUL, ce n’est pas un fichier texte CSV.',
      );
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new AppError(ErrorCode.FILE_REJECTED, 'Fichier refusé : ce n’est pas un texte encodé en UTF-8.');
    }
    this.hash.update(chunk);
    this.parts.push(chunk);
  }

  finish(): { id: string; bytes: Buffer } {
    try {
      if (!this.zip) this.decoder.decode();
    } catch {
      throw new AppError(
        ErrorCode.FILE_REJECTED,
        'Fichier refusé : ce n’est pas un texte encodé en UTF-8 (fin tronquée).',
      );
    }
    if (this.size === 0) throw new AppError(ErrorCode.FILE_REJECTED, 'Le fichier est vide.');
    return { id: this.hash.digest('hex'), bytes: Buffer.concat(this.parts) };
  }
}

export async function storeImportUpload(ctx: RequestContext, upload: TextUpload, originalName: string) {
  const agent = requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  const { id, bytes } = upload.finish();
  await ctx.storage.put(id, bytes);
  const name = originalName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 255) || 'import.csv';
  await ctx.db.transaction(async (em) => {
    const repo = em.getRepository(StoredFile);
    if (!(await repo.existsBy({ id }))) {
      await repo.insert({
        id,
        contentType: IMPORT_CONTENT_TYPE,
        sizeBytes: bytes.length,
        originalName: name,
        uploadedByAgentId: agent.id,
      });
    }
    await recordFileOwner(em, id, agent.caisseCode, agent.id);
    await recordAudit(em, {
      agentId: agent.id,
      action: 'IMPORT_FILE_UPLOADED',
      targetType: 'FILE',
      targetId: id,
      caisseCode: agent.caisseCode,
      details: { fileName: name, sizeBytes: bytes.length },
    });
  });
  return { id, sizeBytes: bytes.length, fileName: name };
}

// ---------------------------------------------------------------------------------------------
// Runs

export async function startImport(ctx: RequestContext, kind: ImportKind, fileId: string): Promise<ImportRunNode> {
  const agent = requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  if (!/^[a-f0-9]{64}$/.test(fileId)) throw badInput('Identifiant de fichier mal formé.', 'fileId');
  const file = await ctx.db.getRepository(StoredFile).findOneBy({ id: fileId });
  // Another caisse's upload answers like an unknown file: its existence is not disclosed.
  if (
    !file ||
    file.contentType !== IMPORT_CONTENT_TYPE ||
    !(await ownedByCaisse(ctx.db.manager, fileId, agent.caisseCode))
  ) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      "Fichier d'import introuvable : déposez-le d'abord (POST /api/imports/files).",
      {
        field: 'fileId',
      },
    );
  }
  const scope = agent.nationalScope ? null : [agent.caisseCode];
  const run = await createRun(ctx.db, {
    kind,
    fileId,
    fileName: file.originalName,
    agentId: agent.id,
    caisseCode: scope ? agent.caisseCode : null,
    totalBytes: file.sizeBytes,
  });
  await ctx.db.transaction((em) =>
    recordAudit(em, {
      agentId: agent.id,
      action: 'IMPORT_STARTED',
      targetType: 'IMPORT_RUN',
      targetId: run.id,
      caisseCode: agent.caisseCode,
      details: { kind, fileId, fileName: file.originalName },
    }),
  );
  // Outside the request's scope: the run outlives the request and must not count in its statements.
  const job = outsideSqlCount(() => executeStoredRun(ctx, run, scope));
  active.set(run.id, job);
  void job.finally(() => active.delete(run.id));
  return importRunNode(run);
}

async function executeStoredRun(ctx: RequestContext, run: ImportRun, scope: string[] | null): Promise<void> {
  const reportPath = path.join(os.tmpdir(), `mcbo-import-${run.id}-${process.pid}-${Date.now()}.report.csv`);
  const report = fileReportSink(reportPath);
  let source: Readable | null = null;
  try {
    source = await ctx.storage.read(run.fileId!);
    const progress = await runImport({
      db: ctx.db,
      runId: run.id,
      kind: run.kind,
      source,
      totalBytes: run.totalBytes,
      scope,
      report,
      hooks: apiHooks,
    });
    await report.close();
    await finishRun(ctx.db, run, { progress, reportFileId: await storeReport(ctx, reportPath) });
  } catch (error) {
    source?.destroy();
    try {
      await report.close();
      await finishRun(ctx.db, run, { error, reportFileId: await storeReport(ctx, reportPath) });
    } catch (closing) {
      logger.error({ err: closing, runId: run.id }, 'import run could not be closed');
    }
  } finally {
    await fs.promises.rm(reportPath, { force: true });
  }
}

async function storeReport(ctx: RequestContext, reportPath: string): Promise<string | null> {
  const bytes = await fs.promises.readFile(reportPath);
  const id = createHash('sha256').update(bytes).digest('hex');
  await ctx.storage.put(id, bytes);
  return id;
}

export async function getImportRun(ctx: RequestContext, rawId: string): Promise<ImportRunNode | null> {
  const agent = requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  const run = await ctx.db.getRepository(ImportRun).findOneBy({ id: parseId(rawId, 'Import') });
  return visible(agent, run) ? importRunNode(run!) : null;
}

export async function listImportRuns(
  ctx: RequestContext,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['number'] as const);
  const where = {
    ...(agent.nationalScope ? {} : { caisseCode: agent.caisseCode }),
    ...(cursor ? { id: LessThan(cursor[0]) } : {}),
  };
  const repo = ctx.db.getRepository(ImportRun);
  const [rows, totalCount] = await Promise.all([
    repo.find({ where, order: { id: 'DESC' }, take: limit + 1 }),
    repo.count({ where: agent.nationalScope ? {} : { caisseCode: agent.caisseCode } }),
  ]);
  const now = Date.now();
  return {
    ...toPage(
      rows.map((r) => importRunNode(r, now)),
      limit,
      (n) => [Number(n.id)],
    ),
    totalCount,
  };
}

/** The report of a finished run, for its download route. */
export async function openImportReport(ctx: RequestContext, rawId: string) {
  const agent = requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  const run = await ctx.db.getRepository(ImportRun).findOneBy({ id: parseId(rawId, 'Import') });
  if (!visible(agent, run) || !run!.reportFileId) throw new AppError(ErrorCode.NOT_FOUND, 'Rapport introuvable.');
  return { run: run!, stream: await ctx.storage.read(run!.reportFileId) };
}

/** The kinds an agent may import, with their columns and a template file (header line) for the CSV ones. */
export function importKindInfos(ctx: RequestContext): ImportKindInfoNode[] {
  requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
  return IMPORT_KINDS.map((kind) => {
    const handler = HANDLERS[kind];
    const csv = !handler.format || handler.format === CSV_FORMAT;
    return {
      kind,
      columns: handler.columns.map((c) => ({ name: c.name, required: c.required })),
      templateCsv: csv ? `${handler.columns.map((c) => c.name).join(';')}\n` : null,
    };
  });
}
