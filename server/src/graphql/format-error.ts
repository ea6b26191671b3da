import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../common/request-context';
import { AppError, ErrorCode } from '../common/errors';
import { isDatabaseUnavailable, serviceUnavailable } from '../common/outage';
import { logger } from '../logger';

const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

/** The request each error belongs to: `formatError` gets no context, so the errors are tagged. */
const requestIds = new WeakMap<object, string>();

/** Tags an error with its request's id, for the correlation id of its masked form. */
export function tagWithRequestId(error: unknown, requestId: string): void {
  if (typeof error === 'object' && error !== null) requestIds.set(error, requestId);
}

/** The id of the request an error (or the error it wraps: context creation, resolvers) was tagged with. */
function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const tagged = requestIds.get(error);
  if (tagged !== undefined || !(error instanceof GraphQLError) || !error.originalError) return tagged;
  return requestIds.get(error.originalError);
}

const correlationListener: GraphQLRequestListener<RequestContext> = {
  async didEncounterErrors({ contextValue, errors }) {
    for (const error of errors) tagWithRequestId(error, contextValue.requestId);
  },
};

/**
 * Apollo hands every error to the request's listeners (`didEncounterErrors`) before formatting it with
 * the same error object: the listener tags it with the context's request id, `formatError` reads it. The
 * request id travels in the context, not in an `AsyncLocalStorage` (whose promise hooks cost the whole
 * process on Node 20: db/sql-count.ts).
 */
export function correlationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return correlationListener;
    },
  };
}

/**
 * Expected errors keep their code and French message; anything else is masked with a correlation
 * id that is also written to the log, so no stack trace or SQL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  if (!(original instanceof AppError) && isDatabaseUnavailable(original)) {
    logger.warn({ err: original, requestId: requestIdOf(error), path: formatted.path }, 'database unavailable');
    original = serviceUnavailable();
  }
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    // Input coercion errors from graphql-js: keep the message (it names the field), drop the stack.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const correlationId = requestIdOf(error) ?? 'inconnu';
  logger.error({ err: original, requestId: correlationId, path: formatted.path }, 'unexpected error');
  return {
    message: `Une erreur inattendue s'est produite. Référence : ${correlationId}`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

/**
 * An answer that carries SERVICE_UNAVAILABLE is sent as HTTP 503 with Retry-After, so that proxies,
 * monitoring and the console see an outage rather than a bug.
 */
export function outageStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const outage = response.body.singleResult.errors?.find(
            (e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE,
          );
          if (!outage) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(outage.extensions?.retryAfterSeconds ?? 5));
        },
      };
    },
  };
}
