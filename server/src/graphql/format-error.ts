import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import { currentRequestId } from '../common/request-scope';
import { logger } from '../logger';

const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

/**
 * Expected errors keep their code and French message; anything else is masked with a correlation
 * id that is also written to the log, so no stack trace or SQL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, extensions: { ...original.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    // Input coercion errors from graphql-js: keep the message (it names the field), drop the stack.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const correlationId = currentRequestId() ?? 'inconnu';
  logger.error({ err: original, requestId: correlationId, path: formatted.path }, 'unexpected error');
  return {
    message: `Une erreur inattendue s'est produite. Référence : ${correlationId}`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}
