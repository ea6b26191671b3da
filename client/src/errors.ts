/** Turns any API failure into a French sentence for an agent: never a stack trace or raw text. */
interface GraphQLishError {
  message?: string;
  extensions?: { code?: string; correlationId?: string; [key: string]: unknown };
}

const KNOWN = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'CAMPAIGN_CLOSED',
  'FORBIDDEN',
  'TOO_MANY_ATTEMPTS',
  'FILE_REJECTED',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'OPERATION_TIMEOUT',
  'SERVICE_UNAVAILABLE',
]);

export function firstGraphQLError(error: unknown): GraphQLishError | null {
  const e = error as { errors?: GraphQLishError[]; graphQLErrors?: GraphQLishError[] } | null;
  return e?.errors?.[0] ?? e?.graphQLErrors?.[0] ?? null;
}

export function errorCode(error: unknown): string | null {
  return firstGraphQLError(error)?.extensions?.code ?? null;
}

/** Codes of an answer that may succeed if simply asked again: the console then offers « Réessayer ». */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'OPERATION_TIMEOUT']);

/** True for an outage (503, the database down, the network gone) rather than an answer to correct. */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  if (code) return RETRYABLE.has(code);
  const e = error as { statusCode?: number; name?: string } | null;
  return e?.statusCode === 503 || e?.statusCode === 502 || e?.statusCode === 504 || e?.name === 'TypeError';
}

export function agentMessage(error: unknown): string {
  const first = firstGraphQLError(error);
  const code = first?.extensions?.code;
  if (code && KNOWN.has(code) && first?.message) return first.message;
  if (first?.extensions?.correlationId) {
    return `Une erreur inattendue s'est produite. Référence à communiquer au support : ${first.extensions.correlationId}`;
  }
  return 'Le service est momentanément indisponible. Réessayez dans un instant.';
}
