import type { Response } from 'express';
import { logger } from '../logger';
import { AppError, ErrorCode, HTTP_STATUS } from './errors';
import { isDatabaseUnavailable, serviceUnavailable } from './outage';

/** REST routes answer like GraphQL does: a code, a French message, never a stack trace. */
export function sendRestError(res: Response, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId: res.getHeader('X-Request-Id') }, 'database unavailable');
    error = serviceUnavailable();
  }
  if (error instanceof AppError) {
    const retryAfterSeconds = error.extensions.retryAfterSeconds;
    if (typeof retryAfterSeconds === 'number') res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(HTTP_STATUS[error.code]).json({
      error: {
        code: error.code,
        message: error.message,
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
      },
    });
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
