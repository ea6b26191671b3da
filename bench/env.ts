/** The bench's database and the two servers it starts (the real API and the raw floor), as child processes. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

export const ROOT = path.resolve(__dirname, '..');
export const SERVER_DIR = path.join(ROOT, 'server');
export const DATA_DIR = path.join(os.tmpdir(), 'mcbo-bench-data');
export const LOG_DIR = path.join(os.tmpdir(), 'mcbo-bench-logs');

export const serverUrlOf = (databaseUrl: string) => databaseUrl.replace(/\/[A-Za-z0-9_]+(\?.*)?$/, '');
export const databaseNameOf = (databaseUrl: string) =>
  /\/([A-Za-z0-9_]+)(\?.*)?$/.exec(databaseUrl)?.[1] ?? 'mcbo_bench';

export async function professionalCount(databaseUrl: string): Promise<number> {
  const admin = await mysql.createConnection({ uri: serverUrlOf(databaseUrl) });
  try {
    const name = databaseNameOf(databaseUrl);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [tables] = await admin.query(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'professional'",
      [name],
    );
    if (Number((tables as { n: number }[])[0]?.n) === 0) return 0;
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM \`${name}\`.professional`);
    return Number((rows as { n: number }[])[0]?.n ?? 0);
  } finally {
    await admin.end();
  }
}

/** Seeds a fresh database with N professionals through the project's seed CLI; returns the seconds it took. */
export function seed(databaseUrl: string, professionals: number): number {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'seed', '--', '--professionals', String(professionals), '--reset'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  });
  if (result.status !== 0) throw new Error(`seed failed (exit ${result.status})`);
  return (Date.now() - started) / 1000;
}

export interface Child {
  process: ChildProcess;
  url: string;
  pid: number;
  /** Full GC in the child (bench/gc-probe.mjs), then its RSS and V8 heap in use. */
  memoryAfterGc(): Promise<{ rssMb: number; heapUsedMb: number }>;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not start; see ${log}`);
}

export const BUILD_DIR = path.join(os.tmpdir(), 'mcbo-bench-build');

/**
 * Production runs `node server/dist/main.js`: the bench compiles the server the same way
 * (server/tsconfig.build.json) into a scratch directory, so that it neither races with a build in the
 * tree nor measures tsx's on-the-fly transpilation and source maps. The scratch tree links back to
 * the repository's node_modules, sources (the référentiel data), assets (the PDFs' fonts) and schema.
 */
export function buildServer(): string {
  const serverDir = path.join(BUILD_DIR, 'server');
  fs.mkdirSync(serverDir, { recursive: true });
  for (const [link, target] of [
    [path.join(BUILD_DIR, 'node_modules'), path.join(ROOT, 'node_modules')],
    [path.join(BUILD_DIR, 'schema'), path.join(ROOT, 'schema')],
    [path.join(serverDir, 'src'), path.join(SERVER_DIR, 'src')],
    // The fonts of the PDFs (letters, recap): dist/common/pdf-text.js looks for ../../assets/fonts.
    [path.join(serverDir, 'assets'), path.join(SERVER_DIR, 'assets')],
  ] as const) {
    fs.rmSync(link, { force: true, recursive: false });
    fs.symlinkSync(target, link);
  }
  const dist = path.join(serverDir, 'dist');
  // Type errors elsewhere in a tree being edited must not stop the bench: tsc still emits.
  spawnSync(
    'npx',
    ['tsc', '-p', 'server/tsconfig.build.json', '--outDir', dist, '--tsBuildInfoFile', path.join(dist, '.tsbuildinfo')],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const main = path.join(dist, 'main.js');
  if (!fs.existsSync(main)) throw new Error('server build failed: no main.js');
  return main;
}

/** A node child: its pid is the server itself (its RSS is what /proc reports). `tsx` runs TypeScript. */
/** A port free now (the system's choice): two benches on one machine never meet on a fixed port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startNode(
  name: string,
  script: string,
  cwd: string,
  port: number,
  env: Record<string, string>,
  tsx = true,
): Promise<Child> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${name}.log`);
  const out = fs.openSync(log, 'w');
  const probe = path.join(ROOT, 'bench', 'gc-probe.mjs');
  const memoryFile = path.join(LOG_DIR, `${name}.memory.json`);
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', probe, ...(tsx ? ['--import', 'tsx'] : []), script],
    {
      cwd,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        TSX_TSCONFIG_PATH: path.join(SERVER_DIR, 'tsconfig.json'),
        BENCH_MEMORY_FILE: memoryFile,
      },
      stdio: ['ignore', out, out],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, log);
  return {
    process: child,
    url,
    pid: child.pid!,
    async memoryAfterGc() {
      fs.rmSync(memoryFile, { force: true });
      child.kill('SIGUSR2');
      for (let i = 0; i < 50 && !fs.existsSync(memoryFile); i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      const usage = JSON.parse(fs.readFileSync(memoryFile, 'utf8')) as { heapUsed: number; rss: number };
      return { rssMb: rssMb(child.pid!), heapUsedMb: Math.round((usage.heapUsed / 2 ** 20) * 10) / 10 };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Resident set size of a process, in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}
