import { useQuery } from '@apollo/client/react';
import { createContext, useContext } from 'react';
import { graphql } from './gql';
import type { MeQuery, Permission } from './gql/graphql';

export const ME = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      caisseCode
      nationalScope
      permissions
    }
  }
`);

export type CurrentAgent = MeQuery['me'];

const AgentContext = createContext<CurrentAgent | null>(null);
export const AgentProvider = AgentContext.Provider;

export function useAgent(): CurrentAgent {
  const agent = useContext(AgentContext);
  if (!agent) throw new Error('useAgent outside a session');
  return agent;
}

export const can = (agent: CurrentAgent, permission: Permission) => agent.permissions.includes(permission);

export function useMe() {
  return useQuery(ME, { fetchPolicy: 'network-only', errorPolicy: 'all' });
}
