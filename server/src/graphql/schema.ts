import path from 'node:path';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { RESOLVERS } from './resolvers';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

let cached: Promise<GraphQLSchema> | null = null;

/** Built once per process; type-graphql's metadata is global anyway. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS as unknown as NonEmptyArray<Function>,
    validate: false, // inputs are checked by the services, which answer with French messages
    emitSchemaFile: false,
  });
  return cached;
}
