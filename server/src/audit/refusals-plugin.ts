import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/request-context';
import { REFUSED_CODES, type RefusalTally } from './refusals';

/** Each FORBIDDEN or NOT_FOUND answered to an agent, counted under the root field it came from. */
export function refusalAuditPlugin(tally: RefusalTally): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.agent) return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            const field = error.path?.[0];
            if (typeof code === 'string' && REFUSED_CODES.has(code) && typeof field === 'string') {
              tally.note(contextValue.agent, `graphql ${field}`, code);
            }
          }
        },
      };
    },
  };
}
