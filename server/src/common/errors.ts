/**
 * One enum of error codes; agents read the French message, API clients branch on extensions.code.
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  STALE_VERSION = 'STALE_VERSION',
  CAMPAIGN_CLOSED = 'CAMPAIGN_CLOSED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  FILE_REJECTED = 'FILE_REJECTED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  OPERATION_TIMEOUT = 'OPERATION_TIMEOUT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** HTTP status used when the error ends a REST call (files, health). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  STALE_VERSION: 409,
  CAMPAIGN_CLOSED: 409,
  TOO_MANY_ATTEMPTS: 429,
  FILE_REJECTED: 415,
  PAYLOAD_TOO_LARGE: 413,
  OPERATION_TIMEOUT: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
  }
}

export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} introuvable.`);

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export const forbidden = (message = "Vous n'êtes pas habilité à effectuer cette action.") =>
  new AppError(ErrorCode.FORBIDDEN, message);

export const unauthenticated = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée : veuillez vous reconnecter.');

/** Exhaustiveness guard: a new enum member that is not handled fails to compile. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
