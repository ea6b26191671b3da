/**
 * Starts the real HTTP server on a random port over a fresh test database, and talks to it like a
 * client would: GraphQL over HTTP with a bearer token, SQL statements counted per request (X-Count-Sql).
 */
import type { AddressInfo } from 'node:net';
import argon2 from 'argon2';
import { Agent } from '../agents/agent.entity';
import type { AgentRole } from '../common/enums';
import { createApp, type App } from '../app';
import { loadConfig, type Config } from '../config';
import { openTestDatabase, type TestDatabase } from './test-db';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestApp extends TestDatabase {
  url: string;
  app: App;
  config: Config;
  /** Creates an agent with password 'motdepasse-test' and returns it. */
  createAgent(input: { email?: string; role: AgentRole; caisseCode?: string; nationalScope?: boolean }): Promise<Agent>;
  /** Logs in through the API and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T> & { sqlStatements: number; status: number }>;
  stop(): Promise<void>;
}

export const TEST_PASSWORD = 'motdepasse-test';
let agentCounter = 0;
let passwordHash: Promise<string> | null = null;

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.settings.sqlitePath ? database.settings.sqlitePath.replace(/[^/]+$/, '') : '/tmp/mcbo-test-data',
    ...env,
  });
  const app = await createApp(config, database.db);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const gql: TestApp['gql'] = async (query, variables = {}, token = null) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Every test request has its statements counted (X-Sql-Statements), as the N+1 tests read them.
        'x-count-sql': '1',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<never>;
    return { ...body, status: response.status, sqlStatements: Number(response.headers.get('x-sql-statements') ?? -1) };
  };

  const stop = async () => {
    await app.close();
    await database.close();
  };
  return {
    ...database,
    url,
    app,
    config,
    gql,
    async createAgent({ email, role, caisseCode = '211', nationalScope = false }) {
      passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
      const repo = database.db.getRepository(Agent);
      const saved = await repo.save(
        repo.create({
          email: email ?? `agent${++agentCounter}.${role.toLowerCase()}@cpam-test.fr`,
          passwordHash: await passwordHash,
          displayName: `Agent ${role} ${caisseCode}`,
          role,
          caisseCode,
          nationalScope,
          active: true,
        }),
      );
      return saved;
    },
    async login(email, password = TEST_PASSWORD) {
      const result = await gql<{ login: { token: string } }>(
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      const token = result.data?.login.token;
      if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
      return token;
    },
    stop,
    // Closing only the database would leave the app (HTTP server, workers, timers) holding Jest open.
    close: stop,
  };
}

/** GraphQL answers in tests: their shape is what the assertions check, so they are not typed twice. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;
