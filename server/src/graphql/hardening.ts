/**
 * Limits on what one GraphQL operation may ask (depth, cost, aliases, tokens, directives) and how
 * long it may run. The console's deepest page (professional → declarations → indicators →
 * justificatifs → history → agent) stays well inside them; see docs/security.md.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Response } from 'express';
import { GraphQLError, TokenKind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import type { Config } from '../config';
import { logger } from '../logger';
import type { RequestContext } from '../common/request-context';

export const QUERY_LIMITS = {
  /** Levels of fields, leaves included; fragments do not add levels. */
  maxDepth: 10,
  /** graphql-armor's estimate: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
  maxCost: 20_000,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

type Limit = 'MAX_DEPTH' | 'MAX_COST' | 'MAX_ALIASES' | 'MAX_TOKENS' | 'MAX_DIRECTIVES';

const MESSAGES: Record<Limit, string> = {
  MAX_DEPTH: `Requête refusée : elle imbrique plus de ${QUERY_LIMITS.maxDepth} niveaux de champs.`,
  MAX_COST:
    'Requête refusée : elle demande trop de données à la fois. Réduisez la taille des pages ou les champs demandés.',
  MAX_ALIASES: `Requête refusée : elle utilise plus de ${QUERY_LIMITS.maxAliases} alias.`,
  MAX_TOKENS: `Requête refusée : elle est trop longue (plus de ${QUERY_LIMITS.maxTokens} éléments).`,
  MAX_DIRECTIVES: `Requête refusée : elle utilise plus de ${QUERY_LIMITS.maxDirectives} directives.`,
};

/** The refusal every client sees: a French message, the standard validation code, and which limit. */
export function limitError(limit: Limit): GraphQLError {
  return new GraphQLError(MESSAGES[limit], {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } },
  });
}

const reportTo = (limit: Limit) => (ctx: ValidationContext | null) => {
  ctx?.reportError(limitError(limit));
};

/**
 * Counts the document's tokens (comments aside) along the lexer's linked list. graphql-armor's own
 * token limit throws from a parsing hook, which Apollo Server turns into a 500; as a validation
 * rule it is a clean 400. Parsing itself is bounded by the 200 kB body limit.
 */
export function maxTokensRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    for (
      let token = context.getDocument().loc?.startToken.next;
      token && token.kind !== TokenKind.EOF;
      token = token.next
    ) {
      if (token.kind !== TokenKind.COMMENT) count += 1;
      if (count > max) {
        context.reportError(limitError('MAX_TOKENS'));
        break;
      }
    }
    return {};
  };
}

function armor() {
  return new ApolloArmor({
    maxDepth: {
      n: QUERY_LIMITS.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportTo('MAX_DEPTH')],
    },
    costLimit: {
      maxCost: QUERY_LIMITS.maxCost,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportTo('MAX_COST')],
    },
    // __typename counts like any other field: an alias is an alias.
    maxAliases: {
      n: QUERY_LIMITS.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [reportTo('MAX_ALIASES')],
    },
    maxTokens: { enabled: false }, // see maxTokensRule
    maxDirectives: {
      n: QUERY_LIMITS.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportTo('MAX_DIRECTIVES')],
    },
    blockFieldSuggestion: { enabled: false }, // see hideSuggestionsPlugin: armor's leaves a stray "?"
  }).protect();
}

/** Tokens, depth, cost, aliases and directives: checked on the parsed document, before anything runs. */
export function validationRules(_config: Config): ValidationRule[] {
  return [maxTokensRule(QUERY_LIMITS.maxTokens), ...armor().validationRules];
}

export function securityPlugins(config: Config): ApolloServerPlugin<RequestContext>[] {
  return [
    ...(armor().plugins as ApolloServerPlugin<RequestContext>[]),
    ...(config.NODE_ENV === 'production' ? [hideSuggestionsPlugin()] : []),
    operationTimeoutPlugin(config.OPERATION_TIMEOUT_MS),
  ];
}

/** "Did you mean …?" would let anyone map the schema that introspection hides in production. */
export function hideSuggestionsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
        },
      };
    },
  };
}

export const OPERATION_TIMEOUT = ErrorCode.OPERATION_TIMEOUT;

/** The operation ran out of time. */
export class OperationTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(
      ErrorCode.OPERATION_TIMEOUT,
      `La requête a dépassé le temps maximal de traitement (${Math.ceil(timeoutMs / 1000)} s) et a été interrompue. Réessayez, ou restreignez la recherche.`,
      { timeoutMs },
    );
  }
}

/**
 * Past the deadline no further field resolver starts: each answers OPERATION_TIMEOUT instead.
 * A query's response is sent at the deadline even if a resolver is still waiting on the database.
 * A mutation is never cut once one of its root fields has started (a change half-reported as
 * failed would be worse than a late answer); only the root fields not yet started are refused.
 */
export function operationTimeoutPlugin(timeoutMs: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue, request }) {
          const deadline = Date.now() + timeoutMs;
          const isQuery = operation.operation === 'query';
          const timer = setTimeout(() => {
            logger.warn(
              { requestId: contextValue.requestId, operationName: request.operationName ?? null, timeoutMs },
              'operation timed out',
            );
            if (isQuery) respondNow(contextValue.res, new OperationTimeoutError(timeoutMs));
          }, timeoutMs);
          timer.unref();
          return {
            willResolveField({ info }) {
              if (Date.now() < deadline) return;
              if (!isQuery && info.path.prev !== undefined) return;
              throw new OperationTimeoutError(timeoutMs);
            },
            async executionDidEnd() {
              clearTimeout(timer);
            },
          };
        },
      };
    },
  };
}

/** Answers the client now and turns the late answer Apollo will try to write into a no-op. */
function respondNow(res: Response | undefined, error: OperationTimeoutError) {
  if (!res || res.headersSent || res.writableEnded) return;
  res
    .status(200)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }], data: null }));
  res.setHeader = (() => res) as Response['setHeader'];
  res.send = (() => res) as Response['send'];
}
