/**
 * One load run with autocannon's programmatic API: every request is built by the scenario (its own
 * variables), every response's latency is kept (exact percentiles) and its body checked for GraphQL
 * errors. The API counts SQL statements only for requests that ask (X-Count-Sql: 1, outside production):
 * counting runs the request in an AsyncLocalStorage whose promise hooks would slow the measured load, so
 * the API's statements per request are read from separate counted requests (`countedSql`). The floor
 * counts every request at no cost and answers X-Sql-Statements during the load.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

type AutocannonResult = Parameters<Parameters<typeof autocannon>[1]>[1];

export interface Target {
  name: 'api' | 'floor';
  url: string;
  /** The server's process: its CPU time per request is read from /proc. */
  pid?: number;
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export interface Call {
  /** GraphQL operation (API) / floor operation name. */
  query: string;
  floorOp: string;
  variables: Record<string, unknown>;
  token: string;
}

export interface Measure {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  errors: number;
  /**
   * The server's CPU time per answered request (ms), from /proc: unlike requests per second it hardly
   * moves with the machine's load, so API / floor CPU compares the two on a shared machine.
   */
  cpuMsPerRequest: number | null;
  /** Median statements per request (X-Sql-Statements): the floor's during the load, the API's from `countedSql`. */
  sql: number | null;
  firstError?: string;
}

export function requestFor(target: Target, call: Call, countSql = false) {
  const api = target.name === 'api';
  return {
    method: 'POST',
    path: api ? '/graphql' : `/floor/${call.floorOp}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${call.token}`,
      ...(countSql ? { 'x-count-sql': '1' } : {}),
    },
    body: JSON.stringify(api ? { query: call.query, variables: call.variables } : call.variables),
  };
}

/** A single request outside the load, its statements counted (sanity checks, statement counts). */
export async function once(
  target: Target,
  call: Call,
): Promise<{ body: { data?: unknown; errors?: unknown[] }; sql: number }> {
  const r = requestFor(target, call, true);
  const response = await fetch(`${target.url}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return { body, sql: Number(response.headers.get('x-sql-statements') ?? NaN) };
}

/** Median statements per request over `n` counted requests, one at a time, outside any load. */
export async function countedSql(target: Target, next: () => Call, n = 15): Promise<number | null> {
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const { sql } = await once(target, next());
    if (Number.isFinite(sql)) counts.push(sql);
  }
  counts.sort((a, b) => a - b);
  return counts.length ? percentile(counts, 50) : null;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** What a run recorded; several runs of one target merge into one measure. */
export interface Recording {
  latencies: number[];
  /** CPU time of the target's process during the run (ms), when its pid is known. */
  cpuMs: number | null;
  statements: number[];
  seconds: number;
  errors: number;
  firstError?: string;
}

export async function record(
  target: Target,
  next: () => Call,
  options: { connections: number; duration?: number; amount?: number },
): Promise<Recording> {
  const latencies: number[] = [];
  const statements: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const cpuBefore = cpuMs(target.pid);
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
        timeout: 60,
        requests: [
          {
            setupRequest: (req) => ({ ...req, ...requestFor(target, next()) }),
            onResponse: (status, body, _context, headers) => {
              const header = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-sql-statements');
              if (header) statements.push(Number(header[1]));
              if (status !== 200 || body.includes('"errors"')) {
                errors += 1;
                firstError ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  const cpuAfter = cpuMs(target.pid);
  return {
    latencies,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    statements,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    errors: errors + result.errors + result.timeouts,
    ...(firstError ? { firstError } : {}),
  };
}

export function summarize(recordings: Recording[]): Measure {
  const latencies = recordings.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statements = recordings.flatMap((r) => r.statements).sort((a, b) => a - b);
  const seconds = recordings.reduce((a, r) => a + r.seconds, 0);
  const firstError = recordings.find((r) => r.firstError)?.firstError;
  const round = (n: number) => Math.round(n * 100) / 100;
  const cpu = recordings.every((r) => r.cpuMs !== null)
    ? recordings.reduce((a, r) => a + r.cpuMs!, 0) / Math.max(1, latencies.length)
    : null;
  return {
    requests: latencies.length,
    seconds: round(seconds),
    rps: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    errors: recordings.reduce((a, r) => a + r.errors, 0),
    cpuMsPerRequest: cpu === null ? null : Math.round(cpu * 1000) / 1000,
    sql: statements.length ? percentile(statements, 50) : null,
    ...(firstError ? { firstError } : {}),
  };
}

export async function load(
  target: Target,
  next: () => Call,
  options: { connections: number; duration?: number; amount?: number },
): Promise<Measure> {
  return summarize([await record(target, next, options)]);
}

/**
 * API and floor measured in alternating slices (API, floor, API, floor…), so that a change in the
 * machine's load during the run weighs on both alike.
 */
export async function compare(
  targets: { api: Target; floor: Target },
  next: () => Call,
  options: { connections: number; duration: number; slices: number },
): Promise<{ api: Measure; floor: Measure }> {
  const slice = options.duration / options.slices;
  const recordings: { api: Recording[]; floor: Recording[] } = { api: [], floor: [] };
  for (let i = 0; i < options.slices; i++) {
    for (const name of ['api', 'floor'] as const) {
      recordings[name].push(await record(targets[name], next, { connections: options.connections, duration: slice }));
    }
  }
  return { api: summarize(recordings.api), floor: summarize(recordings.floor) };
}
