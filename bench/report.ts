/** Targets, bench/results.json and the generated part of docs/performance.md. */
import fs from 'node:fs';
import type { AnnuaireResult } from './annuaire';
import type { ImportResult } from './import';
import type { Measure } from './load';
import { controlTargets, type ControlsResult } from './controls';
import { computeTarget, type ComputeResult } from './compute';
import { relanceTargets, type RelancesResult } from './relances';

export interface ScenarioResult {
  key: string;
  label: string;
  sameJson: boolean | null;
  difference: string | null;
  api: Measure | null;
  floor: Measure | null;
}

export interface ExplainRow {
  scope: string;
  statement: string;
  /** Wall time of the ANALYZE run. */
  ms: number;
  table: string;
  type: string;
  key: string | null;
  rows: number;
  rRows: number | null;
  extra: string;
}

export interface Target {
  name: string;
  pass: boolean | null;
  detail: string;
}

export interface Results {
  date: string;
  machine: { cpus: number; memoryGb: number };
  professionals: number;
  connections: number;
  durationSeconds: number;
  database: string;
  apiMode: string;
  seedSeconds: number | null;
  scenarios: ScenarioResult[];
  pageSize: { label: string; first10: number; first100: number }[];
  deepPage: { pageSize: number; page1: Measure; page1000: Measure } | null;
  memory: {
    beforeMb: number;
    afterMb: number;
    heapBeforeMb?: number;
    heapAfterMb?: number;
    checkpointsMb?: number[];
    heapCheckpointsMb?: number[];
    requests: number;
    errors: number;
  } | null;
  explain: ExplainRow[];
  explainSql?: Record<string, string>;
  importResult: ImportResult | null;
  /** Absent from results written before scenario (g) existed. */
  annuaireResult?: AnnuaireResult | null;
  /** (h) contrôle a posteriori: national draw preview and plan creation. */
  controls?: ControlsResult | null;
  /** (compute) computeCampaign over the largest campaign. */
  compute?: ComputeResult | null;
  relances?: RelancesResult | null;
  targets: Target[];
}

const fixed = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

export function computeTargets(r: Results): Target[] {
  const targets: Target[] = [];
  const byKey = new Map(r.scenarios.map((s) => [s.key, s]));
  for (const key of ['a1', 'a2', 'b', 'c']) {
    const s = byKey.get(key);
    if (!s?.api || !s.floor) {
      targets.push({ name: `API ≥ 0.6 × floor, ${key}`, pass: null, detail: 'not run' });
      continue;
    }
    const ratio = s.api.rps / s.floor.rps;
    targets.push({
      name: `API ≥ 0.6 × floor, ${s.label}`,
      pass: ratio >= 0.6 && s.api.errors === 0,
      detail: `${fixed(s.api.rps, 0)} vs ${fixed(s.floor.rps, 0)} req/s = ${fixed(ratio)} × floor${s.api.errors ? `, ${s.api.errors} errors` : ''}`,
    });
  }
  if (r.pageSize.length) {
    const ok = r.pageSize.every((p) => p.first10 === p.first100);
    targets.push({
      name: 'SQL statements independent of page size (first 10 vs 100)',
      pass: ok,
      detail: r.pageSize.map((p) => `${p.label}: ${p.first10} vs ${p.first100}`).join('; '),
    });
  } else targets.push({ name: 'SQL statements independent of page size', pass: null, detail: 'not run' });
  if (r.deepPage) {
    const ratio = r.deepPage.page1000.p50 / r.deepPage.page1.p50;
    targets.push({
      name: 'page 1 000 ≤ 1.5 × page 1 (keyset, p50)',
      pass: ratio <= 1.5,
      detail: `${fixed(r.deepPage.page1000.p50)} vs ${fixed(r.deepPage.page1.p50)} ms = ${fixed(ratio)} × (page size ${r.deepPage.pageSize})`,
    });
  } else targets.push({ name: 'page 1 000 ≤ 1.5 × page 1', pass: null, detail: 'not run' });
  const national = byKey.get('d2');
  if (national?.api && national.floor) {
    const ratio = national.api.p50 / national.floor.p50;
    targets.push({
      name: 'national progress ≤ 1.5 × its raw SQL (p50)',
      pass: ratio <= 1.5,
      detail: `${fixed(national.api.p50)} vs ${fixed(national.floor.p50)} ms = ${fixed(ratio)} ×`,
    });
  } else targets.push({ name: 'national progress ≤ 1.5 × its raw SQL', pass: null, detail: 'not run' });
  const valueRows = r.explain.filter(
    (e) => e.scope === 'national' && (e.table === 'v' || e.table === 'indicator_value'),
  );
  if (valueRows.length) {
    const full = valueRows.filter((e) => e.type === 'ALL' || e.type === 'index');
    targets.push({
      name: 'no full scan of indicator_value per national progress request',
      pass: full.length === 0,
      detail: valueRows
        .map((e) => `type=${e.type} key=${e.key ?? '–'} rows read=${e.rRows ?? e.rows} (${e.extra})`)
        .join('; '),
    });
  } else targets.push({ name: 'no full scan of indicator_value', pass: null, detail: 'not run' });
  const ann = r.annuaireResult;
  if (ann?.available && ann.importLinesPerSecond && ann.floorLinesPerSecond && ann.lines) {
    // « In minutes, not hours »: the national file (2 million lines) within 30 minutes at the measured rate.
    const nationalMinutes = 2_000_000 / ann.importLinesPerSecond / 60;
    targets.push({
      name: 'Annuaire Santé: 2 M lines ≤ 30 min',
      pass: nationalMinutes <= 30,
      detail:
        `${fixed(ann.importLinesPerSecond, 0)} lines/s on ${ann.lines.toLocaleString('en')} lines → 2 M lines in ${fixed(nationalMinutes, 1)} min; ` +
        `${fixed(ann.importLinesPerSecond / ann.floorLinesPerSecond)} × the set-based floor (${fixed(ann.floorLinesPerSecond, 0)} lines/s)`,
    });
  } else targets.push({ name: 'Annuaire Santé: 2 M lines ≤ 30 min', pass: null, detail: ann?.note ?? 'not run' });
  if (r.memory) {
    const growth = r.memory.afterMb / r.memory.beforeMb - 1;
    targets.push({
      name: 'server memory within 10 % over 10 000 requests (RSS after a full GC)',
      pass: growth <= 0.1,
      detail:
        `RSS ${r.memory.beforeMb} → ${r.memory.afterMb} MB (${growth >= 0 ? '+' : ''}${fixed(growth * 100, 1)} %)` +
        (r.memory.heapBeforeMb !== undefined
          ? `, V8 heap in use ${r.memory.heapBeforeMb} → ${r.memory.heapAfterMb} MB`
          : ''),
    });
  } else targets.push({ name: 'server memory within 10 %', pass: null, detail: 'not run' });
  targets.push(...controlTargets(r.controls));
  targets.push(...issue18Targets(r));
  targets.push(computeTarget(r.compute));
  targets.push(...relanceTargets(r.relances));
  return targets;
}

/**
 * The targets of issue 18 (national dashboards in milliseconds, imports at the set-based floor, the API
 * nearer its floor). The computation and relance-wave rows are computeTarget and relanceTargets.
 */
export function issue18Targets(r: Results): Target[] {
  const targets: Target[] = [];
  const byKey = new Map(r.scenarios.map((s) => [s.key, s]));
  const national = byKey.get('d2')?.api;
  // The raw group-by the counters replace: the national statements over the base tables, as ANALYZE
  // timed them one after the other (indicators and caisses, read either way, left out).
  const rawMs = new Map<string, number>();
  for (const e of r.explain)
    if (e.scope === 'national' && !['indicators', 'caisses'].includes(e.statement)) rawMs.set(e.statement, e.ms);
  const raw = [...rawMs.values()].reduce((a, b) => a + b, 0);
  if (national) {
    // The issue's « ≤ 50 ms, i.e. ≤ 0.05 × the raw group-by »: 0.05 × the 1 648 ms the national group-by took
    // under the same load. The ratio to this run's raw statements (timed one at a time by ANALYZE, no load) is
    // printed for reading; at 20 000 professionals those statements take a few ms, so only the 50 ms decides.
    const ratio = raw > 0 ? national.p50 / raw : null;
    targets.push({
      name: 'national campaign progress p50 ≤ 50 ms (0.05 × the 1 648 ms raw group-by it replaces)',
      pass: national.p50 <= 50 && national.errors === 0,
      detail: `${fixed(national.p50)} ms; this run's raw group-by ${raw > 0 ? `${fixed(raw)} ms (ANALYZE, national, unloaded) = ${fixed(ratio ?? 0, 3)} ×` : 'not run'}`,
    });
  } else targets.push({ name: 'national campaign progress p50 ≤ 50 ms', pass: null, detail: '— (d2 not run)' });
  const caisse = byKey.get('d1')?.api;
  targets.push(
    caisse
      ? {
          name: 'caisse campaign progress p50 ≤ 15 ms',
          pass: caisse.p50 <= 15 && caisse.errors === 0,
          detail: `${fixed(caisse.p50)} ms`,
        }
      : { name: 'caisse campaign progress p50 ≤ 15 ms', pass: null, detail: '— (d1 not run)' },
  );
  const imp = r.importResult;
  if (imp?.available && imp.importRowsPerSecond && imp.mergeFloorRowsPerSecond) {
    const ratio = imp.importRowsPerSecond / imp.mergeFloorRowsPerSecond;
    targets.push({
      name: 'import ≥ 0.9 × the set-based SQL floor (LOAD DATA + INSERT … SELECT … ON DUPLICATE KEY UPDATE)',
      pass: ratio >= 0.9,
      detail: `${fixed(imp.importRowsPerSecond, 0)} vs ${fixed(imp.mergeFloorRowsPerSecond, 0)} rows/s = ${fixed(ratio)} ×`,
    });
  } else
    targets.push({ name: 'import ≥ 0.9 × the set-based SQL floor', pass: null, detail: imp?.note ?? '— (f not run)' });
  for (const [key, label, min] of [
    ['a2', 'search by identifier', 0.75],
    ['a1', 'search by name', 0.75],
    ['b', "a professional's file", 0.8],
  ] as const) {
    const s = byKey.get(key);
    if (!s?.api || !s.floor) {
      targets.push({ name: `${label} ≥ ${min} × the raw floor`, pass: null, detail: `— (${key} not run)` });
      continue;
    }
    const ratio = s.api.rps / s.floor.rps;
    targets.push({
      name: `${label} ≥ ${min} × the raw floor`,
      pass: ratio >= min && s.api.errors === 0,
      detail: `${fixed(s.api.rps, 0)} vs ${fixed(s.floor.rps, 0)} req/s = ${fixed(ratio)} ×`,
    });
  }
  return targets;
}

const BEGIN = '<!-- bench:begin (generated by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

export function renderMarkdown(r: Results): string {
  const lines: string[] = [];
  lines.push(
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC — ${r.professionals.toLocaleString('en')} professionals on ${r.database}, ` +
      `${r.connections} connections, ${r.durationSeconds} s per measure, ${r.machine.cpus} CPU / ${r.machine.memoryGb} GB, API ${r.apiMode === 'tsx' ? 'run by tsx' : 'compiled (node dist/main.js)'} with NODE_ENV=development` +
      (r.seedSeconds ? `, seeded in ${fixed(r.seedSeconds, 0)} s` : '') +
      '.',
    '',
    '| scenario | API req/s | API p50 / p95 / p99 (ms) | floor req/s | floor p50 / p95 / p99 (ms) | API / floor (req/s) | SQL per request API / floor | same JSON |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  );
  for (const s of r.scenarios) {
    const m = (x: Measure | null) => (x ? `${fixed(x.p50, 1)} / ${fixed(x.p95, 1)} / ${fixed(x.p99, 1)}` : '–');
    const ratio = s.api && s.floor ? fixed(s.api.rps / s.floor.rps) : '–';
    const errors = [
      s.api?.errors ? `${s.api.errors} API errors` : '',
      s.floor?.errors ? `${s.floor.errors} floor errors` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `| ${s.label}${errors ? ` (${errors})` : ''} | ${fixed(s.api?.rps, 0)} | ${m(s.api)} | ${fixed(s.floor?.rps, 0)} | ${m(s.floor)} | ${ratio} | ${s.api?.sql ?? '–'} / ${s.floor?.sql ?? '–'} | ${s.sameJson === null ? 'n/a' : s.sameJson ? 'yes' : 'no'} |`,
    );
  }
  if (r.deepPage) {
    const d = r.deepPage;
    lines.push(
      '',
      `**Keyset pagination** (search, national, page size ${d.pageSize}): page 1 p50 ${fixed(d.page1.p50)} ms (${fixed(d.page1.rps, 0)} req/s), ` +
        `page 1 000 p50 ${fixed(d.page1000.p50)} ms (${fixed(d.page1000.rps, 0)} req/s).`,
    );
  }
  if (r.pageSize.length) {
    lines.push(
      '',
      '**SQL statements per request, first: 10 vs first: 100** (a loader a page leaves without keys counted as run): ' +
        r.pageSize.map((p) => `${p.label} ${p.first10} vs ${p.first100}`).join('; ') +
        '.',
    );
  }
  if (r.memory) {
    lines.push(
      '',
      `**Memory** (API process after 1 000 warm-up requests, each reading taken after a full GC): RSS ${r.memory.beforeMb} MB before, ${r.memory.afterMb} MB after ${r.memory.requests} more requests (${r.memory.errors} errors)` +
        (r.memory.checkpointsMb ? `; every 2 000 requests RSS ${r.memory.checkpointsMb.join(' → ')} MB` : '') +
        (r.memory.heapCheckpointsMb
          ? `, V8 heap in use ${r.memory.heapBeforeMb} → ${r.memory.heapCheckpointsMb.join(' → ')} MB`
          : '') +
        '.',
    );
  }
  if (r.importResult) {
    const i = r.importResult;
    lines.push(
      '',
      i.available
        ? `**Import** of ${i.rows?.toLocaleString('en')} pre-fill rows: \`npm run import\` ${fixed(i.importSeconds)} s (${fixed(i.importRowsPerSecond, 0)} rows/s) vs \`LOAD DATA LOCAL INFILE\` ${fixed(i.loadDataSeconds)} s (${fixed(i.loadDataRowsPerSecond, 0)} rows/s)${i.mergeFloorRowsPerSecond ? ` vs the set-based SQL floor (the same LOAD DATA, then \`INSERT … SELECT … ON DUPLICATE KEY UPDATE\` into indicator_value, no checks, no re-evaluation; the second of two runs, warm) ${fixed(i.mergeFloorSeconds)} s (${fixed(i.mergeFloorRowsPerSecond, 0)} rows/s${i.mergeFloorColdSeconds ? `; the first, cold, ${fixed(i.mergeFloorColdSeconds)} s` : ''})` : ''}${i.bufferPoolMb ? `; InnoDB buffer pool ${i.bufferPoolMb} MB, database ${i.databaseMb} MB` : ''}${i.importWallSeconds ? `; the CLI's wall time, start-up included, ${fixed(i.importWallSeconds, 1)} s` : ''}.${i.outcome ? ` ${i.outcome}` : ''}${i.note ? ` ${i.note}.` : ''}`
        : `**Import**: ${i.note}.`,
    );
  }
  if (r.annuaireResult) {
    const a = r.annuaireResult;
    lines.push(
      '',
      a.available
        ? `**Annuaire Santé extract** (synthetic, exact format; 60 % other professions, 15 % salaried, 25 % liberal lines of served professions; ${a.known?.toLocaleString('en')} known professionals) of ${a.lines?.toLocaleString('en')} lines (${a.fileMb} MB): \`npm run import -- annuaire-sante\` ${fixed(a.importSeconds)} s (${fixed(a.importLinesPerSecond, 0)} lines/s${a.peakRssMb ? `, peak RSS ${a.peakRssMb} MB` : ''}) vs the set-based floor (\`LOAD DATA LOCAL INFILE\` into a 52-column staging table, then one \`UPDATE professional JOIN staging\`) ${fixed(a.floorSeconds)} s (${fixed(a.floorLinesPerSecond, 0)} lines/s)${a.importWallSeconds ? `; the CLI's wall time ${fixed(a.importWallSeconds, 1)} s` : ''}.${a.outcome ? ` ${a.outcome}` : ''}`
        : `**Annuaire Santé extract**: ${a.note}.`,
    );
  }
  if (r.compute) {
    const c = r.compute;
    lines.push(
      '',
      c.available
        ? `**Campaign computation** (\`computeCampaign\`, forced, batches of 1 000 in one transaction each) of ${c.campaign}: ${c.declarations?.toLocaleString('en')} declarations, ${c.indicatorValues?.toLocaleString('en')} values, in ${fixed(c.seconds, 1)} s (${c.declarationsPerSecond} declarations/s, ${c.batches} batches, total ${c.totalEuros?.toLocaleString('en')} €); national (${c.nationalDeclarations?.toLocaleString('en')} declarations) at this rate: ${fixed((c.nationalSeconds ?? 0) / 60, 1)} min; campaign given back in ${fixed(c.restoreSeconds, 1)} s.`
        : `**Campaign computation**: ${c.note}.`,
    );
  }
  lines.push('', '**Targets**', '');
  for (const t of r.targets)
    lines.push(`- ${t.pass === null ? 'N/A' : t.pass ? 'PASS' : 'FAIL'} — ${t.name}: ${t.detail}`);
  if (r.explain.length) {
    lines.push('', '**National progress, ANALYZE** (MariaDB; `rows` is the estimate, `r_rows` what was read)', '');
    lines.push(
      '| statement | table | type | key | rows | r_rows | extra |',
      '| --- | --- | --- | --- | ---: | ---: | --- |',
    );
    for (const e of r.explain)
      lines.push(
        `| ${e.statement} | ${e.table} | ${e.type} | ${e.key ?? '–'} | ${e.rows} | ${e.rRows ?? '–'} | ${e.extra} |`,
      );
    if (r.explainSql) {
      lines.push('', '<details><summary>The statements</summary>', '', '```sql');
      for (const [k, sql] of Object.entries(r.explainSql)) lines.push(`-- ${k}`, `${sql};`);
      lines.push('```', '', '</details>');
    }
  }
  return lines.join('\n');
}

export function writeReport(r: Results, jsonPath: string, markdownPath: string) {
  r.targets = computeTargets(r);
  fs.writeFileSync(jsonPath, `${JSON.stringify(r, null, 2)}\n`);
  const generated = `${BEGIN}\n\n${renderMarkdown(r)}\n\n${END}`;
  const existing = fs.existsSync(markdownPath) ? fs.readFileSync(markdownPath, 'utf8') : '';
  const at = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  const next =
    at !== -1 && end !== -1
      ? existing.slice(0, at) + generated + existing.slice(end + END.length)
      : `${existing || '# Performance\n'}\n## Last run\n\n${generated}\n`;
  fs.writeFileSync(markdownPath, next);
}
