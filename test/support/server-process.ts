/**
 * A server process (server/src/main.ts through tsx, its own pool and memory) on a given database, as a
 * replica behind a load balancer or a server per Galera node would be; and a bounded GraphQL client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
const killAll = () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
};
process.once('exit', killAll);

/** tsx compiles the whole server first: on a loaded 2-core machine that takes well over a minute. */
const READY_TIMEOUT_MS = 240_000;

export async function startServer(
  databaseUrl: string,
  dataDir: string,
  name: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--tsconfig',
      path.join(ROOT, 'server', 'tsconfig.json'),
      path.join(ROOT, 'server', 'src', 'main.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        DB_POOL_SIZE: '8',
        MCBO_SEED_ON_FIRST_RUN: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  };
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + READY_TIMEOUT_MS; ;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server ${name} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, pid: child.pid!, output: () => output, stop };
}

export interface Answer {
  /** 'OK', the GraphQL error code (CONFLICT, INTERNAL_SERVER_ERROR…), 'HTTP_5xx' or 'NETWORK'. */
  outcome: string;
  data: Record<string, unknown> | null;
}

/** One GraphQL request, never longer than timeoutMs. */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  timeoutMs = 15_000,
): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    } | null;
    if (body?.errors?.length) return { outcome: body.errors[0]?.extensions?.code ?? 'ERROR', data: body.data ?? null };
    if (!response.ok || !body) return { outcome: `HTTP_${response.status}`, data: null };
    return { outcome: 'OK', data: body.data ?? null };
  } catch {
    return { outcome: 'NETWORK', data: null };
  }
}
