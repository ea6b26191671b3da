import type { Response } from 'express';
import { logger } from '../logger';
import { AppError, ErrorCode, HTTP_STATUS } from './errors';

/** REST routes answer like GraphQL does: a code, a French message, never a stack trace. */
export function sendRestError(res: Response, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof AppError) {
    res.status(HTTP_STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const requestId = String(res.getHeader('X-Request-Id') ?? 'inconnu');
  logger.error({ err: error, requestId }, 'REST route failed');
  res.status(500).json({
    error: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      message: `Erreur inattendue. Référence : ${requestId}`,
      correlationId: requestId,
    },
  });
}
