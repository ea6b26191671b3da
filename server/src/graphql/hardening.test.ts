import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
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
import { graphqlHttpHandler } from './http-handler';

/** The shape of the console's deepest page, as the other domains expose it. */
const consoleSchema = buildSchema(`
  type Query { professional(id: ID!): Professional, professionals(first: Int, after: String): ProfessionalConnection!, me: Agent!, node: Node }
  type Node { id: ID!, child: Node }
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

  it(`refuse more than ${QUERY_LIMITS.maxDepth} levels, leaves included`, () => {
    // node(1) child(2) … id(n)
    const nested = (depth: number) => `{ node ${'{ child '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;
    expect(check(nested(QUERY_LIMITS.maxDepth))).toEqual([]);
    expect(check(nested(QUERY_LIMITS.maxDepth + 1))).toEqual([
      {
        message: `Requête refusée : elle imbrique plus de ${QUERY_LIMITS.maxDepth} niveaux de champs.`,
        limit: 'MAX_DEPTH',
      },
    ]);
  });

  it('refuse a query whose cost is too high', () => {
    const wide = Array.from(
      { length: 3 },
      (_, i) => `p${i}: professionals(first: 100) { nodes { ${'lastName '.repeat(40)} declarations { id status } } }`,
    );
    expect(check(`{ ${wide.join(' ')} }`)).toEqual([
      { message: expect.stringMatching(/trop de données/), limit: 'MAX_COST' },
    ]);
  });

  it(`count __typename aliases too, up to ${QUERY_LIMITS.maxAliases}`, () => {
    const aliases = (n: number) => `{ me { ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} } }`;
    expect(check(aliases(QUERY_LIMITS.maxAliases))).toEqual([]);
    expect(check(aliases(QUERY_LIMITS.maxAliases + 1))).toEqual([
      { message: `Requête refusée : elle utilise plus de ${QUERY_LIMITS.maxAliases} alias.`, limit: 'MAX_ALIASES' },
    ]);
  });

  it(`refuse more than ${QUERY_LIMITS.maxTokens} tokens, comments aside`, () => {
    // 8 tokens per operation: query Qn { me { id } }. (Thousands of identical fields would trip graphql-js's
    // own overlap budget first.)
    const operations = (n: number, extra = '') =>
      Array.from({ length: n }, (_, i) => `query Q${i} { me { id ${i === 0 ? extra : ''}} }`).join('\n');
    const exact = operations(QUERY_LIMITS.maxTokens / 8);
    expect(check(`# ${'commentaire '.repeat(500)}\n${exact}`)).toEqual([]);
    expect(check(operations(QUERY_LIMITS.maxTokens / 8, '__typename'))).toEqual([
      {
        message: `Requête refusée : elle est trop longue (plus de ${QUERY_LIMITS.maxTokens} éléments).`,
        limit: 'MAX_TOKENS',
      },
    ]);
  });

  it(`refuse more than ${QUERY_LIMITS.maxDirectives} directives`, () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => 'id @include(if: true)').join(' ');
    expect(check(`{ me { ${fields} } }`)).toEqual([expect.objectContaining({ limit: 'MAX_DIRECTIVES' })]);
  });
});

describe('operation time limit', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let calls: string[] = [];
  /** The stuck resolver answers only when the test lets it: a response before that is the deadline's. */
  const stuckWaiting: (() => void)[] = [];
  const Item: GraphQLObjectType = new GraphQLObjectType({
    name: 'Item',
    fields: () => ({
      n: { type: GraphQLInt },
      slowName: {
        type: GraphQLString,
        resolve: async (item: { n: number }) => {
          calls.push(`name${item.n}`);
          await sleep(40);
          return `item ${item.n}`;
        },
      },
    }),
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        quick: { type: GraphQLString, resolve: () => 'ok' },
        /** Item n arrives after 40·(n+1) ms. */
        items: {
          type: new GraphQLList(Item),
          resolve: () => Array.from({ length: 20 }, (_, n) => sleep(40 * (n + 1)).then(() => ({ n }))),
        },
        stuck: {
          type: GraphQLString,
          resolve: () => new Promise<string>((resolve) => stuckWaiting.push(() => resolve('late'))),
        },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        slowChange: {
          type: new GraphQLNonNull(Item),
          resolve: async () => {
            calls.push('slowChange');
            await sleep(300);
            return { n: 1 };
          },
        },
        secondChange: { type: GraphQLString, resolve: () => calls.push('secondChange') && 'done' },
      },
    }),
  });
  let server: http.Server;
  let apollo: ApolloServer;
  let url: string;

  beforeAll(async () => {
    apollo = new ApolloServer({ schema, plugins: [operationTimeoutPlugin(200) as never] });
    await apollo.start();
    const app = express();
    app.use(
      '/graphql',
      graphqlHttpHandler(apollo as never, async (req, res) => ({ req, res, requestId: 'test' }) as never),
    );
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    calls = [];
  });

  const post = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
    return { status: response.status, body };
  };

  it('leaves quick operations alone', async () => {
    expect((await post('{ quick }')).body).toEqual({ data: { quick: 'ok' } });
  });

  it('answers OPERATION_TIMEOUT at the deadline when a resolver is stuck', async () => {
    // No clock in the assertion: `stuck` never answers while the request is pending, so any answer at all
    // comes from the deadline (without it, the request hangs and the test fails on Jest's timeout).
    const { body } = await post('{ quick stuck }');
    expect(stuckWaiting).toHaveLength(1);
    stuckWaiting.splice(0).forEach((release) => release());
    expect(body.errors?.[0]?.extensions).toEqual({ code: OPERATION_TIMEOUT, timeoutMs: 200 });
    expect(body.errors?.[0]?.message).toMatch(/temps maximal/);
  });

  it('refuses the fields of a long list once the deadline has passed', async () => {
    const { body } = await post('{ items { n slowName } }');
    expect(body.errors?.[0]?.extensions?.code).toBe(OPERATION_TIMEOUT);
    await sleep(600); // what was already started finishes; nothing new starts
    const started = calls.length;
    await sleep(200);
    expect(calls.length).toBe(started);
    expect(started).toBeLessThan(20);
  });

  it('lets a started mutation finish but refuses the root fields that come after the deadline', async () => {
    const { body } = await post('mutation { slowChange { n } secondChange }');
    expect(calls).toEqual(['slowChange']);
    expect(body.data).toEqual({ slowChange: { n: 1 }, secondChange: null });
    expect(body.errors?.map((e) => e.extensions.code)).toEqual([OPERATION_TIMEOUT]);
  });
});
