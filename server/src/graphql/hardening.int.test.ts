import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { QUERY_LIMITS } from './hardening';

type Reply = Awaited<ReturnType<TestApp['gql']>>;

/** Nothing in an error answer may reveal code: no stack, no file, no SQL. */
function expectClean(reply: Reply) {
  const text = JSON.stringify(reply.errors ?? []);
  expect(text).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+|node_modules|at [\w.<>]+ \(|SELECT |INSERT /i);
}

const limitOf = (reply: Reply) => reply.errors?.[0]?.extensions?.limit;

describe('GraphQL hardening on the real API', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login((await t.createAgent({ role: 'ADMIN', nationalScope: true })).email);
  });
  afterAll(async () => t.stop());

  it('runs the console’s deepest page', async () => {
    const reply = await t.gql(
      `query ProfessionalPage($id: ID!) {
        professional(id: $id) {
          ...Header
          declarations {
            id status campaign { id label referenceYear }
            indicators {
              validatedMention
              justificatifs { id status receivedAt fileUrl history { id action at comment agent { id displayName } } }
            }
          }
        }
      }
      fragment Header on Professional { id amNumber lastName firstName profession caisseCode }`,
      { id: '1' },
      token,
    );
    expect(reply.status).toBe(200);
    expect(reply.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') ?? []).toEqual([]);
  });

  it(`refuses a query nested deeper than ${QUERY_LIMITS.maxDepth} levels`, async () => {
    // justificatif → professional → justificatifs… exists in the schema and could go on forever.
    // (Anonymous, so that the statement count shows nothing ran at all.)
    const reply = await t.gql(
      `{ professional(id: "1") { justificatifs { professional { justificatifs { professional { justificatifs {
          professional { justificatifs { professional { justificatifs { id } } } } } } } } } } }`,
      {},
      null,
    );
    expect(reply.status).toBe(400);
    expect(reply.data).toBeUndefined();
    expect(reply.errors).toEqual([
      {
        message: `Requête refusée : elle imbrique plus de ${QUERY_LIMITS.maxDepth} niveaux de champs.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH' },
      },
    ]);
    expect(reply.sqlStatements).toBe(0); // refused before anything ran
    expectClean(reply);
  });

  it('refuses a query that asks for too much at once', async () => {
    const page = 'agents(first: 100) { nodes { id email displayName role caisseCode nationalScope active } }';
    const fine = await t.gql(`{ ${page} }`, {}, token);
    expect(fine.errors).toBeUndefined();
    const costly = await t.gql(`{ ${Array.from({ length: 10 }, (_, i) => `a${i}: ${page}`).join(' ')} }`, {}, token);
    expect(costly.status).toBe(400);
    expect(limitOf(costly)).toBe('MAX_COST');
    expect(costly.errors?.[0]?.message).toMatch(/trop de données/);
    expectClean(costly);
  });

  it(`refuses more than ${QUERY_LIMITS.maxAliases} aliases, __typename included`, async () => {
    const aliases = (n: number) =>
      `{ me { id ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} } }`;
    expect((await t.gql(aliases(QUERY_LIMITS.maxAliases), {}, token)).errors).toBeUndefined();
    const reply = await t.gql(aliases(QUERY_LIMITS.maxAliases + 1), {}, token);
    expect(reply.status).toBe(400);
    expect(limitOf(reply)).toBe('MAX_ALIASES');
    expectClean(reply);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.maxTokens} tokens `, async () => {
    const operations = Array.from({ length: QUERY_LIMITS.maxTokens / 8 + 1 }, (_, i) => `query Q${i} { me { id } }`);
    const reply = await t.gql(operations.join('\n'), {}, token);
    expect(reply.status).toBe(400);
    expect(reply.errors).toEqual([
      expect.objectContaining({
        message: `Requête refusée : elle est trop longue (plus de ${QUERY_LIMITS.maxTokens} éléments).`,
        extensions: expect.objectContaining({ limit: 'MAX_TOKENS' }),
      }),
    ]);
    expectClean(reply);
  });

  it('answers syntax errors, unknown fields and bad variables without a stack trace', async () => {
    for (const [query, variables] of [
      ['{ me { id ', {}],
      ['{ mee { id } }', {}],
      ['query ($id: ID!) { professional(id: $id) { id } }', { id: { not: 'an id' } }],
      ['mutation { login(email: "x@y.fr", password: "z") { token } }', {}],
    ] as const) {
      const reply = await t.gql(query, variables, null);
      expect(reply.errors?.length).toBeGreaterThan(0);
      expectClean(reply);
    }
  });

  it('answers a body that is not JSON, too large or of another type with a typed error and runs nothing', async () => {
    const post = async (body: string, contentType = 'application/json') => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${token}`, 'x-count-sql': '1' },
        body,
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        sql: Number(response.headers.get('x-sql-statements')),
        text,
      };
    };
    const malformed = await post('{ "query": "{ me { id } }"');
    expect(malformed).toMatchObject({ status: 400, sql: 0 });
    expect(malformed.type).toMatch(/^application\/json/);
    expect(JSON.parse(malformed.text)).toEqual({
      errors: [{ message: "Le corps de la requête n'est pas un JSON valide.", extensions: { code: 'BAD_REQUEST' } }],
    });

    const oversized = await post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(210 * 1024)}` }));
    expect(oversized).toMatchObject({ status: 413, sql: 0 });
    expect(JSON.parse(oversized.text)).toEqual({
      errors: [{ message: 'Requête trop volumineuse : 200 Ko au plus.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });

    // A form post is what a cross-site page can send without a preflight: refused (CSRF prevention).
    const form = await post('query=%7B%20me%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded');
    expect(form).toMatchObject({ status: 400, sql: 0 });
    expect(form.text).not.toContain('"me"');

    // The server still answers normally on the same API afterwards.
    const reply = await t.gql('{ me { id } }', {}, token);
    expect(reply.errors).toBeUndefined();
  });

  it('keeps introspection working outside production', async () => {
    const reply = await t.gql(getIntrospectionQuery(), {}, null);
    expect(reply.errors).toBeUndefined();
  });
  it('masks an unexpected error with the request id as its correlation id, and counts SQL only when asked', async () => {
    // A missing table: an SQL error no service expects.
    await t.db.query('ALTER TABLE professional RENAME TO professional_away');
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': 'correlation-test-0001',
        },
        body: JSON.stringify({ query: '{ professionals(first: 1) { totalCount } }' }),
      });
      const body = (await response.json()) as Reply;
      expect(response.headers.get('x-request-id')).toBe('correlation-test-0001');
      expect(body.errors?.[0]).toMatchObject({
        message: "Une erreur inattendue s'est produite. Référence : correlation-test-0001",
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'correlation-test-0001' },
      });
      expectClean(body);
      // The request did not send X-Count-Sql: its statements were not counted.
      expect(response.headers.get('x-sql-statements')).toBeNull();
    } finally {
      await t.db.query('ALTER TABLE professional_away RENAME TO professional');
    }
  });
});

describe('GraphQL hardening in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => t.stop());

  it('hides field suggestions', async () => {
    const reply = await t.gql('{ mee { id } }', {}, null);
    expect(reply.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
    const argument = await t.gql('{ agents(firs: 1) { totalCount } }', {}, null);
    expect(argument.errors?.[0]?.message).toBe('Unknown argument "firs" on field "Query.agents".');
    expectClean(reply);
    expectClean(argument);
  });

  it('refuses introspection', async () => {
    const reply = await t.gql('{ __schema { types { name } } }', {}, null);
    expect(reply.status).toBe(400);
    expect(reply.data).toBeUndefined();
    expectClean(reply);
  });

  it('masks unexpected errors and keeps the expected ones', async () => {
    const reply = await t.gql('{ me { id } }', {}, null);
    expect(reply.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expectClean(reply);
    // Production never counts SQL statements, even when a request asks (t.gql sends X-Count-Sql: 1).
    expect(reply.sqlStatements).toBe(-1);
  });
});
