import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** The console talks to the same origin with its httpOnly session cookie. */
export const client = new ApolloClient({
  link: new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    // Apollo Server's CSRF prevention: a header a plain HTML form cannot send.
    headers: { 'apollo-require-preflight': 'true' },
  }),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
