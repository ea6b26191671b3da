import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from './context';

/** Query depth, cost and alias limits (see agents hardening). */
export function validationRules(_config: Config): ValidationRule[] {
  return [];
}

export function securityPlugins(_config: Config): ApolloServerPlugin<RequestContext>[] {
  return [];
}
