import { once } from 'node:events';
import express, { type Request, type Response, type Router } from 'express';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { RequestContext } from '../common/request-context';
import { csvLine, UTF8_BOM } from '../imports/csv';
import { logger } from '../logger';
import {
  justificatifsExport,
  progressExport,
  remunerationsExport,
  type CsvExport,
  type Query,
} from './exports.service';

/** Lines are gathered into chunks of about this size before writing. */
const CHUNK_BYTES = 64 * 1024;

/** Writes the export with backpressure; stops as soon as the client goes away. */
async function stream(res: Response, out: CsvExport): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  let closed = false;
  res.on('close', () => (closed = true));
  let buffer = UTF8_BOM + csvLine(out.header);
  for await (const row of out.rows) {
    if (closed) return;
    buffer += csvLine(row);
    if (buffer.length >= CHUNK_BYTES) {
      const ok = res.write(buffer);
      buffer = '';
      if (!ok) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  }
  if (!closed) res.end(buffer);
}

type Build = (ctx: RequestContext, query: Query) => Promise<CsvExport>;

/** GET /api/exports/{justificatifs,progress,remunerations}?… → streamed CSV (UTF-8 BOM, `;`). */
export function exportsRouter(contextOf: (req: Request, res: Response) => Promise<RequestContext>): Router {
  const router = express.Router();
  const route = (build: Build) => async (req: Request, res: Response) => {
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      await stream(res, await build(ctx, req.query as Query));
    } catch (error) {
      if (res.headersSent) logger.error({ err: error }, 'export stream failed');
      else res.removeHeader('Content-Disposition');
      sendRestError(res, error);
    }
  };
  router.get('/justificatifs', route(justificatifsExport));
  router.get('/progress', route(progressExport));
  router.get('/remunerations', route(remunerationsExport));
  return router;
}
