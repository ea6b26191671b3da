import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

/** Operations that are allowed to answer UNAUTHENTICATED without sending the agent to the login screen. */
const SESSIONLESS = new Set(['Me', 'Login', 'Logout']);

/** Where an expired session lands: the login screen, which brings the agent back afterwards. */
export function loginUrl(reason: 'expiree' | null = 'expiree') {
  const back = `${window.location.pathname}${window.location.search}`;
  const params = new URLSearchParams();
  if (reason) params.set('session', reason);
  if (back !== '/' && !back.startsWith('/connexion')) params.set('retour', back);
  const query = params.toString();
  return `/connexion${query ? `?${query}` : ''}`;
}

// A session that ends (expiry, logout elsewhere, account disabled) sends the agent to the login screen.
// A read made before the session is known (`context: { sessionless: true }`, pages/review/preload.ts) does not.
const sessionLink = new ErrorLink(({ error, operation }) => {
  if (SESSIONLESS.has(operation.operationName ?? '') || operation.getContext().sessionless) return;
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    window.location.assign(loginUrl());
  }
});

/** The console talks to the same origin with its httpOnly session cookie. */
export const client = new ApolloClient({
  link: ApolloLink.from([
    sessionLink,
    new HttpLink({
      uri: '/graphql',
      credentials: 'same-origin',
      // Apollo Server's CSRF prevention: a header a plain HTML form cannot send.
      headers: { 'apollo-require-preflight': 'true' },
    }),
  ]),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
