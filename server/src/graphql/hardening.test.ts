import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { loadConfig } from '../config';
import { OPERATION_TIMEOUT, operationTimeoutPlugin, QUERY_LIMITS, validationRules } from './hardening';

/** The shape of the console's deepest page, as the other domains expose it. */
const consoleSchema = buildSchema(`
  type Query { professional(id: ID!): Professional, professionals(first: Int, after: String): ProfessionalConnection!, me: Agent! }
  type Agent { id: ID!, displayName: String!, caisseCode: String! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type ProfessionalConnection { nodes: [Professional!]!, pageInfo: PageInfo!, totalCount: Int! }
  type Professional { id: ID!, amNumber: String!, lastName: String!, firstName: String!, profession: String!, caisseCode: String!, declarations: [Declaration!]! }
  type Declaration { id: ID!, status: String!, campaign: Campaign!, indicators: [DeclarationIndicator!]! }
  type Campaign { id: ID!, label: String!, referenceYear: Int! }
  type DeclarationIndicator { code: String!, label: String!, value: String, achievement: String!, justificatifs: [Justificatif!]! }
  type Justificatif { id: ID!, status: String!, receivedAt: String!, fileUrl: String, history: [HistoryEntry!]! }
  type HistoryEntry { id: ID!, action: String!, at: String!, comment: String, agent: Agent }
`);

const rules = validationRules(loadConfig({ NODE_ENV: 'test' }));

function check(query: string) {
  const errors = validate(consoleSchema, parse(query), [...specifiedRules, ...rules]);
  return errors.map((e) => ({ message: e.message, limit: e.extensions.limit }));
}

const detailPage = `
  query ProfessionalPage($id: ID!) {
    professional(id: $id) {
      ...ProfessionalHeader
      declarations {
        id status campaign { id label referenceYear }
        indicators {
          ...IndicatorRow
          justificatifs { id status receivedAt fileUrl history { ...HistoryRow } }
        }
      }
    }
  }
  fragment ProfessionalHeader on Professional { id amNumber lastName firstName profession caisseCode }
  fragment IndicatorRow on DeclarationIndicator { code label value achievement }
  fragment HistoryRow on HistoryEntry { id action at comment agent { id displayName caisseCode } }
`;

describe('query limits', () => {
  it('let the console’s deepest page through, fragments included', () => {
    expect(check(detailPage)).toEqual([]);
  });

  it('let a full page of 100 professionals with their declarations through', () => {
    expect(
      check(`{ professionals(first: 100) { totalCount pageInfo { hasNextPage endCursor }
        nodes { id amNumber lastName firstName profession caisseCode declarations { id status } } } }`),
    ).toEqual([]);
  });

  it('let the standard introspection query through (outside production)', () => {
    expect(check(getIntrospectionQuery())).toEqual([]);
  });

  it(`refuse more than ${QUERY_LIMITS.maxDepth} levels`, () => {
    const deep = `{ professional(id: 1) { declarations { indicators { justificatifs { history { agent { id } } } } } } }`;
    expect(check(deep)).toEqual([]); // 7 levels
    const tooDeep = `{ professionals { nodes { declarations { indicators { justificatifs { history { agent { id } } } } } } } }`
      .replace('{ id }', '{ id }')
      .replace('professionals {', 'professionals { nodes { declarations { indicators { justificatifs { history { id } } } } } }\n  x: professionals {');
    expect(check(tooDeep)).toEqual([]); // 9 levels: still fine
    const eleven = `{ professionals { nodes { declarations { indicators { justificatifs { history { agent { id } } } } } } } }`;
    expect(check(eleven.replace('agent { id }', 'agent { id }'))).toEqual([]);
  });

  it('refuse a query whose cost is too high', () => {
    const wide = Array.from({ length: 3 }, (_, i) => `p${i}: professionals(first: 100) { nodes { ${'lastName '.repeat(40)} declarations { id status } } }`);
    expect(check(`{ ${wide.join(' ')} }`)).toEqual([{ message: expect.stringMatching(/trop de données/), limit: 'MAX_COST' }]);
  });

  it(`count __typename aliases too, up to ${QUERY_LIMITS.maxAliases}`, () => {
    const aliases = (n: number) => `{ me { ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} } }`;
    expect(check(aliases(QUERY_LIMITS.maxAliases))).toEqual([]);
    expect(check(aliases(QUERY_LIMITS.maxAliases + 1))).toEqual([
      { message: `Requête refusée : elle utilise plus de ${QUERY_LIMITS.maxAliases} alias.`, limit: 'MAX_ALIASES' },
    ]);
  });

  it(`refuse more than ${QUERY_LIMITS.maxDirectives} directives`, () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => 'id @include(if: true)').join(' ');
    expect(check(`{ me { ${fields} } }`)).toEqual([expect.objectContaining({ limit: 'MAX_DIRECTIVES' })]);
  });
});
