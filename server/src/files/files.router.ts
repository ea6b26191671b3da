import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { Config } from '../config';
import type { RequestContext } from '../common/request-context';
import { logger } from '../logger';
import { EXTENSION, type AcceptedContentType } from './file-type';
import { MAX_FILE_BYTES, openDocument, storeUpload } from './files.service';
import type { FileStorage } from './storage';

interface FilesRouterDeps {
  db: DataSource;
  config: Config;
  storage: FileStorage;
  contextOf(req: Request, res: Response): Promise<RequestContext>;
}

/** Reads the single `file` part of a multipart body, stopping at the size limit. */
function readSingleFile(req: Request): Promise<{ bytes: Buffer; name: string }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_FILE_BYTES, fields: 5 } });
    } catch {
      reject(new AppError(ErrorCode.BAD_USER_INPUT, 'Requête multipart attendue (champ « file »).'));
      return;
    }
    let found = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      found = true;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 10 Mo.')));
      stream.on('close', () => resolve({ bytes: Buffer.concat(chunks), name: info.filename || 'document' }));
    });
    parser.on('error', () => reject(new AppError(ErrorCode.BAD_USER_INPUT, 'Corps multipart illisible.')));
    parser.on('close', () => {
      if (!found) reject(new AppError(ErrorCode.BAD_USER_INPUT, 'Aucun fichier reçu (champ « file »).'));
    });
    req.pipe(parser);
  });
}

export function filesRouter(deps: FilesRouterDeps): Router {
  const router = express.Router();

  router.post('/', async (req, res) => {
    try {
      // A custom header forces a CORS preflight: another site cannot post a form here with our cookie.
      if (req.header('x-mcbo-csrf') !== '1') {
        throw new AppError(ErrorCode.FORBIDDEN, 'En-tête X-Mcbo-Csrf manquant.');
      }
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > MAX_FILE_BYTES + 64 * 1024) {
        throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 10 Mo.');
      }
      const ctx = await deps.contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      const { bytes, name } = await readSingleFile(req);
      const stored = await storeUpload(ctx, bytes, name);
      res.status(201).json(stored);
    } catch (error) {
      // Stop reading a refused body early, but let the answer reach the client.
      res.setHeader('Connection', 'close');
      sendRestError(res, error);
    }
  });

  router.get('/:id', async (req, res) => {
    try {
      const ctx = await deps.contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      const { file, stream } = await openDocument(ctx, req.params.id ?? '');
      const type = file.contentType as AcceptedContentType;
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Length', String(file.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        `inline; filename="justificatif-${file.id.slice(0, 12)}.${EXTENSION[type]}"`,
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; plugin-types application/pdf; sandbox",
      );
      res.setHeader('Cache-Control', 'private, no-store');
      stream.on('error', (error) => {
        logger.error({ err: error }, 'document stream failed');
        res.destroy();
      });
      stream.pipe(res);
    } catch (error) {
      sendRestError(res, error);
    }
  });

  return router;
}
