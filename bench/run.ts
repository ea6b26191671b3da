/**
 * `npm run bench -- [--professionals 20000] [--duration 10] [--connections 8] [--only a1,b,…]`
 *
 * Seeds (when needed) a MySQL database `mcbo_bench` with N professionals through the seed CLI, starts
 * the real server (NODE_ENV=development, so a request with X-Count-Sql: 1 gets X-Sql-Statements) and the raw floor
 * (bench/floor.ts: node:http + mysql2, same SQL, same JSON), loads both with the same requests at a
 * fixed concurrency, and writes bench/results.json and docs/performance.md. It prints figures and
 * PASS/FAIL per target; it asserts nothing.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { encodeCursor } from '../server/src/common/pagination';
import {
  buildServer,
  DATA_DIR,
  freePort,
  ROOT,
  professionalCount,
  seed,
  startNode,
  SERVER_DIR,
  type Child,
} from './env';
import { benchAnnuaire, type AnnuaireResult } from './annuaire';
import { benchImport, type ImportResult } from './import';
import { compare, countedSql, load, once, type Call, type Measure, type Target } from './load';
import { FILE, LOGIN, PROGRESS, QUEUE, SEARCH, VALIDATE } from './operations';
import { firstDifference } from './project';
import { benchControls } from './controls';
import { benchCompute, type ComputeResult } from './compute';
import { benchRelances } from './relances';
import { progressStatements } from './floor';
import { writeReport, type ExplainRow, type Results, type ScenarioResult } from './report';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

const PROFESSIONALS = Number(option('professionals', '20000'));
const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '8'));
const ANNUAIRE_LINES = Number(option('annuaire-lines', '2000000'));
const LETTERS = option('letters', '1000,10000').split(',').map(Number);
const ONLY = option('only', '').split(',').filter(Boolean);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/mcbo_bench';
const POOL = option('pool', '10');
const LOG_LEVEL = option('log-level', 'warn');
const API_MODE = option('api', 'build'); // build: compiled like production; tsx: from the sources
const PASSWORD = 'Demo-mcbo-2026!';
const BENCH_AGENT = 'bench.conseiller@bench.mcbo.fr';
const wanted = (key: string) => ONLY.length === 0 || ONLY.includes(key);
// `tsx --tsconfig server/tsconfig.json` leaves a relative path in the environment: the npm children
// (seed, import) run in server/ and find their tsconfig themselves.
delete process.env.TSX_TSCONFIG_PATH;

const log = (message: string) => console.log(`[bench] ${message}`);
const shuffle = <T>(items: T[], seed = 7): T[] => {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return items
    .map((item) => ({ item, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
};
const cycle = <T>(items: T[]) => {
  let i = 0;
  return () => items[i++ % items.length]!;
};

async function main() {
  if (process.argv.includes('precheck')) return (await import('./precheck')).runPrecheckBench(process.argv);
  if (!Number.isInteger(PROFESSIONALS) || PROFESSIONALS < 1000) throw new Error('--professionals: at least 1000');
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: (await import('node:os')).cpus().length,
      memoryGb: Math.round((await import('node:os')).totalmem() / 2 ** 30),
    },
    professionals: PROFESSIONALS,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    database: DATABASE_URL.replace(/\/\/[^@]*@/, '//…@'),
    apiMode: API_MODE,
    seedSeconds: null,
    scenarios: [],
    pageSize: [],
    deepPage: null,
    memory: null,
    explain: [],
    importResult: null,
    annuaireResult: null,
    controls: null,
    compute: null,
    relances: null,
    targets: [],
  };

  // ---------------------------------------------------------------------------------------------
  // Database: N professionals, a national conseiller for the decision scenario.
  const present = await professionalCount(DATABASE_URL);
  if (present !== PROFESSIONALS) {
    log(`seeding ${PROFESSIONALS} professionals into ${results.database} (holds ${present})…`);
    results.seedSeconds = seed(DATABASE_URL, PROFESSIONALS);
    log(`seeded in ${results.seedSeconds.toFixed(0)} s`);
  } else log(`${results.database} already holds ${PROFESSIONALS} professionals`);
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: 4, timezone: 'Z', dateStrings: ['DATE'] });
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params))[0] as T[];
  await q(
    `INSERT IGNORE INTO agent (email, password_hash, display_name, role, caisse_code, national_scope, active)
     SELECT ?, password_hash, 'Conseiller banc d''essai', 'CONSEILLER', '751', 1, 1 FROM agent WHERE email = 'conseiller.751@demo.mcbo.fr'`,
    [BENCH_AGENT],
  );
  const [benchAgent] = await q<{ id: number }>('SELECT id FROM agent WHERE email = ?', [BENCH_AGENT]);
  const restoreDecisions = () =>
    q(
      `UPDATE justificatif SET status = 'RECEIVED', decided_by_agent_id = NULL, decided_at = NULL, checklist = NULL
       WHERE decided_by_agent_id = ? AND status = 'VALIDATED'`,
      [benchAgent!.id],
    );
  await restoreDecisions();

  // ---------------------------------------------------------------------------------------------
  // The two servers.
  let api: Child | null = null;
  let floor: Child | null = null;
  const needServers = ONLY.length === 0 || ONLY.some((k) => !['f', 'g', 'compute'].includes(k));
  try {
    if (needServers) {
      const env = {
        DATABASE_URL,
        DATA_DIR,
        NODE_ENV: 'development',
        LOG_LEVEL,
        DB_POOL_SIZE: POOL,
        // The pre-check has its own bench (npm run bench -- precheck): no OCR behind the API's figures.
        PRECHECK_WORKER: 'false',
        // The relance scenario measures its own worker: the server's would take the same rows.
        OUTBOX_WORKER: 'false',
      };
      log(
        API_MODE === 'tsx'
          ? 'starting the API (tsx) and the floor…'
          : 'building the server, starting the API (node dist/main.js) and the floor…',
      );
      const main = API_MODE === 'tsx' ? 'src/main.ts' : buildServer();
      const [apiPort, floorPort] = [await freePort(), await freePort()];
      [api, floor] = await Promise.all([
        startNode('api', main, SERVER_DIR, apiPort, env, API_MODE === 'tsx'),
        startNode('floor', 'bench/floor.ts', ROOT, floorPort, env),
      ]);
      const targets: Record<'api' | 'floor', Target> = {
        api: { name: 'api', url: api.url, pid: api.pid },
        floor: { name: 'floor', url: floor.url, pid: floor.pid },
      };

      const login = async (email: string) => {
        const r = await fetch(`${api!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: LOGIN, variables: { email, password: PASSWORD } }),
        });
        const body = (await r.json()) as { data?: { login?: { token: string } }; errors?: unknown };
        if (!body.data?.login?.token) throw new Error(`login ${email}: ${JSON.stringify(body.errors)}`);
        return body.data.login.token;
      };
      const national = await login('superviseur.national@demo.mcbo.fr');
      const supervisor211 = await login('superviseur.211@demo.mcbo.fr');
      const conseiller = await login(BENCH_AGENT);

      // -------------------------------------------------------------------------------------------
      // Inputs drawn from the data.
      const sample = shuffle(
        await q<{ id: number; last_name: string; rpps: string | null; am_number: string }>(
          'SELECT id, last_name, rpps, am_number FROM professional ORDER BY id LIMIT 5000',
        ),
      ).slice(0, 1000);
      const prefixes = sample.map((p) => p.last_name.slice(0, 3));
      const identifiers = sample.map((p) => p.rpps ?? p.am_number);
      const fileIds = sample.map((p) => String(p.id));

      const call = (query: string, floorOp: string, token: string, variables: Record<string, unknown>): Call => ({
        query,
        floorOp,
        token,
        variables,
      });
      const scenarios: {
        key: string;
        label: string;
        next: () => Call;
        target?: string;
      }[] = [
        {
          key: 'a1',
          label: '(a) search by name prefix (national, first 25)',
          next: (() => {
            const n = cycle(prefixes);
            return () => call(SEARCH, 'search', national, { filter: { query: n() }, first: 25 });
          })(),
        },
        {
          key: 'a2',
          label: '(a) search by identifier (RPPS / N° AM)',
          next: (() => {
            const n = cycle(identifiers);
            return () => call(SEARCH, 'search', national, { filter: { query: n() }, first: 25 });
          })(),
        },
        {
          key: 'b',
          label: "(b) a professional's file, all campaigns",
          next: (() => {
            const n = cycle(fileIds);
            return () => call(FILE, 'file', national, { id: n() });
          })(),
        },
        {
          key: 'c',
          label: '(c) justificatif queue, page of 20 (TO_PROCESS, FAMI 2024, national)',
          next: () =>
            call(QUEUE, 'queue', conseiller, {
              filter: { view: 'TO_PROCESS', campaignYear: 2024, scheme: 'FAMI' },
              first: 20,
            }),
        },
        {
          key: 'd1',
          label: '(d) campaign progress, caisse 211',
          next: () => call(PROGRESS, 'progress', supervisor211, { year: 2024, scheme: 'FAMI', caisseCode: '211' }),
        },
        {
          key: 'd2',
          label: '(d) campaign progress, national',
          next: () => call(PROGRESS, 'progress', national, { year: 2024, scheme: 'FAMI' }),
        },
      ];

      // -------------------------------------------------------------------------------------------
      // Same JSON: one request of each scenario to both.
      for (const s of scenarios) {
        if (!wanted(s.key)) continue;
        const c = s.next();
        const [a, f] = await Promise.all([once(targets.api, c), once(targets.floor, c)]);
        const difference =
          a.body.errors || f.body.errors
            ? 'errors: ' + JSON.stringify(a.body.errors ?? f.body.errors).slice(0, 300)
            : firstDifference(a.body.data, f.body.data);
        log(`${s.key} same JSON: ${difference ?? 'yes'} (SQL api ${a.sql}, floor ${f.sql})`);
        const r: ScenarioResult = {
          key: s.key,
          label: s.label,
          sameJson: difference === null,
          difference,
          api: null,
          floor: null,
        };
        results.scenarios.push(r);
        for (const name of ['api', 'floor'] as const) {
          await load(targets[name], s.next, { connections: CONNECTIONS, duration: Math.min(3, DURATION) }); // warm-up
        }
        const measured = await compare(targets, s.next, { connections: CONNECTIONS, duration: DURATION, slices: 2 });
        // The measured load does not count its statements (it would turn Node's promise hooks on).
        r.api = { ...measured.api, sql: await countedSql(targets.api, s.next) };
        r.floor = measured.floor;
        log(`${s.key} api: ${summary(r.api)}`);
        log(`${s.key} floor: ${summary(r.floor)}`);
        if (r.api.cpuMsPerRequest && r.floor.cpuMsPerRequest)
          log(
            `${s.key} floor CPU / API CPU per request: ${(r.floor.cpuMsPerRequest / r.api.cpuMsPerRequest).toFixed(2)}`,
          );
      }

      // -------------------------------------------------------------------------------------------
      // (e) Decisions: each request validates a distinct RECEIVED justificatif that no colleague has taken.
      if (wanted('e')) {
        const received = await q<{ id: number; version: number; definition: string }>(
          `SELECT j.id, j.version, i.definition FROM justificatif j
           JOIN indicator i ON i.id = j.indicator_id JOIN campaign c ON c.id = j.campaign_id
          WHERE j.status = 'RECEIVED' AND j.assigned_agent_id IS NULL AND c.status IN ('OPEN', 'CLOSED') ORDER BY j.id`,
        );
        const calls = received.map((j) => {
          const checklist = (
            (JSON.parse(j.definition) as { justificatif: { checklist?: { code: string }[] } }).justificatif.checklist ??
            []
          ).map((c) => ({ code: c.code, checked: true }));
          return call(VALIDATE, 'validate', conseiller, { id: String(j.id), expectedVersion: j.version, checklist });
        });
        // Same JSON: the first piece validated by the API, put back as it was (status and version), then
        // by the floor; the decision instant differs by construction and is compared by presence.
        const r: ScenarioResult = {
          key: 'e',
          label: `(e) validate a justificatif (distinct RECEIVED, ${received.length} available)`,
          sameJson: null,
          difference: null,
          api: null,
          floor: null,
        };
        const first = calls.shift();
        let firstSql: number | null = null;
        if (first) {
          const a = await once(targets.api, first);
          firstSql = a.sql;
          await restoreDecisions();
          await q('UPDATE justificatif SET version = ? WHERE id = ?', [received[0]!.version, received[0]!.id]);
          const f = await once(targets.floor, first);
          await restoreDecisions();
          const masked = (body: { data?: unknown }) =>
            JSON.parse(JSON.stringify(body.data ?? null), (key, value: unknown) =>
              key === 'decidedAt' ? typeof value === 'string' : value,
            ) as unknown;
          const difference =
            a.body.errors || f.body.errors
              ? 'errors: ' + JSON.stringify(a.body.errors ?? f.body.errors).slice(0, 300)
              : firstDifference(masked(a.body), masked(f.body));
          r.sameJson = difference === null;
          r.difference = difference;
          log(`e same JSON: ${difference ?? 'yes'} (SQL api ${a.sql}, floor ${f.sql})`);
        }
        const halves = { api: calls.filter((_c, i) => i % 2 === 0), floor: calls.filter((_c, i) => i % 2 === 1) };
        results.scenarios.push(r);
        for (const name of ['api', 'floor'] as const) {
          const list = halves[name];
          const amount = Math.max(0, list.length - CONNECTIONS * 3);
          if (amount < 20) {
            r.difference = `only ${received.length} RECEIVED justificatifs`;
            continue;
          }
          r[name] = await load(targets[name], cycle(list), { connections: CONNECTIONS, amount });
          // A decision is made once: the API's statements are those of the first, counted, request.
          if (name === 'api' && firstSql !== null) r.api = { ...r.api!, sql: firstSql };
          log(`e ${name}: ${summary(r[name]!)}`);
        }
        await restoreDecisions();
      }

      // -------------------------------------------------------------------------------------------
      // Statements independent of page size: first 10 vs 100. A reference loader runs only when a page
      // holds at least one such reference (the queue's `assignedTo` is null on unassigned pieces), so the
      // count is compared per loader that had keys: loaders idle on one page are discounted.
      if (wanted('pages')) {
        const checks: [string, Call, Call][] = [
          [
            'search (national, no text)',
            call(SEARCH, 'search', national, { first: 10 }),
            call(SEARCH, 'search', national, { first: 100 }),
          ],
          [
            'search by prefix',
            call(SEARCH, 'search', national, { filter: { query: 'm' }, first: 10 }),
            call(SEARCH, 'search', national, { filter: { query: 'm' }, first: 100 }),
          ],
          [
            'queue (ALL_PENDING)',
            call(QUEUE, 'queue', conseiller, { filter: { view: 'ALL_PENDING' }, first: 10 }),
            call(QUEUE, 'queue', conseiller, { filter: { view: 'ALL_PENDING' }, first: 100 }),
          ],
        ];
        // Reference loaders of the selections above that a page may leave without keys.
        const idleLoaders = (body: { data?: unknown }) => {
          const nodes = (Object.values((body.data ?? {}) as Record<string, { nodes?: Record<string, unknown>[] }>)[0]
            ?.nodes ?? []) as Record<string, unknown>[];
          return 'assignedTo' in (nodes[0] ?? {}) && nodes.every((n) => n.assignedTo === null) ? 1 : 0;
        };
        for (const [label, small, large] of checks) {
          // The session's last-seen time is written at most once a minute: a request just before takes
          // that write, so that it falls in neither measured request.
          await once(targets.api, small);
          const [a, b] = [await once(targets.api, small), await once(targets.api, large)];
          const [idleA, idleB] = [idleLoaders(a.body), idleLoaders(b.body)];
          results.pageSize.push({ label, first10: a.sql + idleA, first100: b.sql + idleB });
          log(
            `statements ${label}: first 10 → ${a.sql}${idleA ? ' (+1 idle loader)' : ''}, first 100 → ${b.sql}${idleB ? ' (+1 idle loader)' : ''}`,
          );
        }

        // Page 1 000 vs page 1 (keyset): the cursor of row 999 × size.
        const size = Math.max(1, Math.min(25, Math.floor((PROFESSIONALS - 1) / 1000)));
        const [row] = await q<{ search_name: string; id: number }>(
          'SELECT search_name, id FROM professional ORDER BY search_name, id LIMIT 1 OFFSET ?',
          [999 * size - 1],
        );
        const after = encodeCursor([row!.search_name, row!.id]);
        const page1 = await load(targets.api, () => call(SEARCH, 'search', national, { first: size }), {
          connections: CONNECTIONS,
          duration: Math.max(3, DURATION / 2),
        });
        const page1000 = await load(targets.api, () => call(SEARCH, 'search', national, { first: size, after }), {
          connections: CONNECTIONS,
          duration: Math.max(3, DURATION / 2),
        });
        results.deepPage = { pageSize: size, page1, page1000 };
        log(`page 1: ${summary(page1)}; page 1000: ${summary(page1000)}`);
      }

      // -------------------------------------------------------------------------------------------
      // Memory: RSS of the API process before/after 10 000 requests (mixed search, file, queue).
      if (wanted('memory')) {
        const mix = cycle([scenarios[0]!, scenarios[1]!, scenarios[2]!, scenarios[3]!]);
        const next = () => mix().next();
        await load(targets.api, next, { connections: CONNECTIONS, amount: 1000 });
        const before = await api.memoryAfterGc();
        // Five slices of 2 000, each measured after a full GC: a plateau is a heap finding its size,
        // a steady climb is a leak.
        const checkpoints: { rssMb: number; heapUsedMb: number }[] = [];
        let requests = 0;
        let errors = 0;
        for (let slice = 0; slice < 5; slice++) {
          const run = await load(targets.api, next, { connections: CONNECTIONS, amount: 2000 });
          requests += run.requests;
          errors += run.errors;
          checkpoints.push(await api.memoryAfterGc());
        }
        const after = checkpoints.at(-1)!;
        results.memory = {
          beforeMb: before.rssMb,
          afterMb: after.rssMb,
          heapBeforeMb: before.heapUsedMb,
          heapAfterMb: after.heapUsedMb,
          checkpointsMb: checkpoints.map((c) => c.rssMb),
          heapCheckpointsMb: checkpoints.map((c) => c.heapUsedMb),
          requests,
          errors,
        };
        log(
          `after GC: RSS ${before.rssMb} → ${checkpoints.map((c) => c.rssMb).join(' → ')} MB, heap ${before.heapUsedMb} → ${checkpoints.map((c) => c.heapUsedMb).join(' → ')} MB over ${requests} requests`,
        );
      }

      // -------------------------------------------------------------------------------------------
      // (h) Contrôle a posteriori: national draw preview and the creation of 5 000 units.
      if (wanted('h')) {
        results.controls = await benchControls(api.url, national, q);
        log(`controls: ${JSON.stringify(results.controls)}`);
      }
      if (wanted('i')) {
        log('relances: a national wave, the outbox worker against an in-process SMTP server, the letters…');
        results.relances = await benchRelances(api.url, api.pid, national, q, DATABASE_URL, log, LETTERS, () =>
          api!.memoryAfterGc(),
        );
        log(`relances: ${JSON.stringify(results.relances)}`);
      }

      // -------------------------------------------------------------------------------------------
      // EXPLAIN / ANALYZE of the national progress statements.
      if (wanted('explain') || wanted('d2')) {
        const campaigns = await q<{ id: number; professions: string }>(
          "SELECT id, professions FROM campaign WHERE reference_year = 2024 AND scheme = 'FAMI'",
        );
        const ids = campaigns.map((c) => c.id);
        const professions = [...new Set(campaigns.flatMap((c) => JSON.parse(c.professions) as string[]))];
        for (const [scope, caisses] of [
          ['national', null],
          ['caisse 211', ['211']],
        ] as const) {
          const statements = progressStatements(ids, professions, caisses ? [...caisses] : null);
          for (const [name, st] of Object.entries(statements)) {
            const started = process.hrtime.bigint();
            const plan = await q<Record<string, unknown>>(`ANALYZE ${st.sql}`, st.params);
            const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
            for (const p of plan) {
              results.explain.push({
                scope,
                statement: name,
                ms,
                table: String(p.table ?? ''),
                type: String(p.type ?? ''),
                key: p.key === null ? null : String(p.key),
                rows: Number(p.rows ?? 0),
                rRows: p.r_rows === null || p.r_rows === undefined ? null : Number(p.r_rows),
                extra: String(p.Extra ?? ''),
              } satisfies ExplainRow);
            }
          }
        }
        const statements = progressStatements(ids, professions, null);
        const scoped = progressStatements(ids, professions, ['211']);
        results.explainSql = {
          ...Object.fromEntries(Object.entries(statements).map(([k, st]) => [`${k} (national)`, st.sql])),
          'achievements (caisse 211)': scoped.achievements.sql,
        };
      }
    }
  } finally {
    await Promise.all([api?.stop(), floor?.stop()]);
  }

  // -------------------------------------------------------------------------------------------
  // (f) Import of 100 000 pre-fill rows vs LOAD DATA LOCAL INFILE.
  if (wanted('f')) {
    results.importResult = await benchImport(DATABASE_URL, 100_000, log).catch((error: Error): ImportResult => ({
      available: false,
      note: `failed: ${error.message}`,
    }));
    log(`import: ${JSON.stringify(results.importResult)}`);
  }
  // (g) The public Annuaire Santé extract (2 million lines by default) vs LOAD DATA + one UPDATE.
  if (wanted('g')) {
    results.annuaireResult = await benchAnnuaire(DATABASE_URL, ANNUAIRE_LINES, log).catch(
      (error: Error): AnnuaireResult => ({ available: false, note: `failed: ${error.message}` }),
    );
    log(`annuaire: ${JSON.stringify(results.annuaireResult)}`);
  }
  // (compute) computeCampaign over the campaign with the most declarations, then the campaign given back.
  if (wanted('compute')) {
    results.compute = await benchCompute(DATABASE_URL, PROFESSIONALS, log).catch((error: Error): ComputeResult => ({
      available: false,
      note: `failed: ${error.message}`,
    }));
    log(`compute: ${JSON.stringify(results.compute)}`);
  }
  await pool.end();

  writeReport(results, path.join(ROOT, 'bench', 'results.json'), path.join(ROOT, 'docs', 'performance.md'));
  console.log('');
  for (const t of results.targets)
    console.log(`${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
  console.log(`\nresults: bench/results.json, docs/performance.md`);
  void fs;
}

const summary = (m: Measure) =>
  `${m.rps} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, CPU ${m.cpuMsPerRequest ?? '–'} ms/req, SQL ${m.sql}, errors ${m.errors}${m.firstError ? ` (${m.firstError.slice(0, 160)})` : ''}`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
