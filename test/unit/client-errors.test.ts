import { agentMessage, isRetryable } from '../../client/src/errors';

const graphQLError = (code: string, message = 'Message') => ({ errors: [{ message, extensions: { code } }] });

describe('what the console offers to retry', () => {
  it.each([
    ['base de données indisponible (503)', graphQLError('SERVICE_UNAVAILABLE'), true],
    ['opération trop longue', graphQLError('OPERATION_TIMEOUT'), true],
    ['réponse 503 sans corps GraphQL', { name: 'ServerError', statusCode: 503 }, true],
    ['réseau coupé', new TypeError('Failed to fetch'), true],
    ['saisie à corriger', graphQLError('BAD_USER_INPUT'), false],
    ['conflit', graphQLError('CONFLICT'), false],
    ['non habilité', graphQLError('FORBIDDEN'), false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });

  it("shows the server's French message for an outage", () => {
    expect(agentMessage(graphQLError('SERVICE_UNAVAILABLE', 'Le service est momentanément indisponible.'))).toBe(
      'Le service est momentanément indisponible.',
    );
  });
});
