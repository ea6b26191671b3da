import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import { Permission, requirePermission } from '../agents/authorization';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { RequestContext } from '../common/request-context';
import { logger } from '../logger';
import { MAX_IMPORT_BYTES, TextUpload, openImportReport, storeImportUpload } from './imports.service';

/** Reads the `file` part of a multipart body into a checked text upload, stopping at the first problem. */
function readTextUpload(req: Request): Promise<{ upload: TextUpload; name: string }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 5 } });
    } catch {
      reject(new AppError(ErrorCode.BAD_USER_INPUT, 'Requête multipart attendue (champ « file »).'));
      return;
    }
    let found = false;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      const upload = new TextUpload();
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          upload.push(chunk);
        } catch (error) {
          stream.resume();
          fail(error);
        }
      });
      stream.on('limit', () => fail(new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 200 Mo.')));
      stream.on('close', () => {
        if (!failed) resolve({ upload, name: info.filename || 'import.csv' });
      });
    });
    parser.on('error', () => fail(new AppError(ErrorCode.BAD_USER_INPUT, 'Corps multipart illisible.')));
    parser.on('close', () => {
      if (!found) fail(new AppError(ErrorCode.BAD_USER_INPUT, 'Aucun fichier reçu (champ « file »).'));
    });
    req.pipe(parser);
  });
}

/** POST /api/imports/files (CSV upload) and GET /api/imports/runs/:id/report (rejected rows). */
export function importsRouter(contextOf: (req: Request, res: Response) => Promise<RequestContext>): Router {
  const router = express.Router();

  router.post('/files', async (req, res) => {
    try {
      // A custom header forces a CORS preflight: another site cannot post a form here with our cookie.
      if (req.header('x-mcbo-csrf') !== '1') throw new AppError(ErrorCode.FORBIDDEN, 'En-tête X-Mcbo-Csrf manquant.');
      const ctx = await contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      requirePermission(ctx.agent, Permission.IMPORT_FEEDS);
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > MAX_IMPORT_BYTES + 64 * 1024)
        throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 200 Mo.');
      const { upload, name } = await readTextUpload(req);
      res.status(201).json(await storeImportUpload(ctx, upload, name));
    } catch (error) {
      // Stop reading a refused body early, but let the answer reach the client.
      res.setHeader('Connection', 'close');
      sendRestError(res, error);
    }
  });

  router.get('/runs/:id/report', async (req, res) => {
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      const { run, stream } = await openImportReport(ctx, req.params.id ?? '');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="rapport-import-${run.id}.csv"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      stream.on('error', (error) => {
        logger.error({ err: error }, 'import report stream failed');
        res.destroy();
      });
      stream.pipe(res);
    } catch (error) {
      sendRestError(res, error);
    }
  });

  return router;
}
