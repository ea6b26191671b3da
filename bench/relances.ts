/**
 * (i) Relances at scale, three measures on one wave:
 *
 * 1. Queueing a national wave of 50 000 professionals. The national superviseur launches a « déclaration
 *    non transmise » relance over every caisse for the campaign with the most declarations (FAMI 2023 in
 *    the seed). The seed leaves about 15 % of declarations untransmitted (≈ 50 000 of that campaign's
 *    329 000 at 500 000 professionals, 2 000 at 20 000): when they are fewer than 50 000, the scenario
 *    first makes up the difference by setting TRANSMITTED declarations of that campaign to STARTED (the
 *    first ones by id), saved with their status in a scratch table and given back afterwards (the
 *    progress counters follow both updates through their triggers). Below national size the campaign
 *    holds fewer than 50 000 declarations: the wave is all of them and the target is not judged (the
 *    time extrapolated to 50 000 is printed). Measured: the launch request (one transaction, messages
 *    rendered and inserted in bulk) and the API's RSS sampled during it (target: ≤ 60 s, peak ≤ start +
 *    150 MB).
 * 2. The outbox worker's throughput: a worker in this process sends the wave to an in-process SMTP
 *    server (smtp-server) for at most 20 s.
 * 3. The wave's letters download (`GET /api/relances/:id/letters.pdf`, streamed): the first N messages
 *    of the wave are turned into letters (N = 1 000, then 10 000 by default, `--letters`), the PDF is
 *    downloaded and discarded as it arrives; seconds, MB, the API's RSS peak, and its V8 heap in use after
 *    a full GC once the download is over. Flat memory: that heap does not grow with N (the RSS peak grows
 *    a little with the garbage a longer download makes before V8 collects it). The addresses CSV of the
 *    largest N is timed too.
 *
 * Afterwards the wave and its messages are deleted and the declarations given back, so that a re-run
 * and the other scenarios find the same data. A run killed half-way is repaired by the next one (the
 * scratch table and the `bench-` waves left behind are given back / deleted first). The audit events
 * of the launch and downloads stay: the chain is append-only.
 */
import { randomUUID } from 'node:crypto';
import { OutboxWorker } from '../server/src/communications/worker';
import { createTransport } from '../server/src/communications/transport';
import { createDataSource } from '../server/src/db/data-source';
import { startTestSmtp } from '../server/src/test-support/smtp';
import { rssMb } from './env';
import type { Target } from './report';

export const WAVE_TARGET = 50_000;
const QUEUE_TARGET_MS = 60_000;
const SCRATCH = 'bench_relance_declarations';

export interface LetterDownload {
  letters: number;
  seconds: number;
  megabytes: number;
  rssStartMb: number;
  rssPeakMb: number;
  /** V8 heap in use after a full GC once the download is over: what it left behind. */
  heapAfterGcMb: number | null;
}

export interface RelancesResult {
  campaign?: string | null;
  /** Untransmitted declarations the campaign had, and how many were set to STARTED for the run. */
  untransmitted?: number | null;
  prepared?: number | null;
  waveSize: number | null;
  queueMs: number | null;
  rssStartMb: number | null;
  rssPeakMb: number | null;
  sent: number | null;
  sendSeconds: number | null;
  letters?: LetterDownload[];
  addressesCsv?: { rows: number; seconds: number; megabytes: number } | null;
  restoreSeconds?: number | null;
  note: string | null;
}

type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
type Log = (message: string) => void;

const LAUNCH = `mutation L($key: String!, $input: RelanceInput!) { launchRelance(idempotencyKey: $key, input: $input) {
  __typename ... on RelanceLaunched { wave { id targetCount } } ... on RelanceRefused { code message } } }`;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Gives back what a previous run (killed half-way) left: its declarations' statuses and its waves. */
async function giveBack(q: Query): Promise<number> {
  const [exists] = await q<{ n: number }>(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
    [SCRATCH],
  );
  let restored = 0;
  if (Number(exists?.n) > 0) {
    const result = (await q(
      `UPDATE declaration d JOIN ${SCRATCH} b ON b.id = d.id SET d.status = b.status`,
    )) as unknown as { affectedRows: number };
    restored = result.affectedRows;
    await q(`DROP TABLE ${SCRATCH}`);
  }
  const waves = await q<{ id: number }>("SELECT id FROM relance_wave WHERE idempotency_key LIKE 'bench-%'");
  for (const w of waves) {
    await q('DELETE FROM communication WHERE wave_id = ?', [w.id]);
    await q('DELETE FROM relance_wave WHERE id = ?', [w.id]);
  }
  return restored;
}

/** Streams a GET into nothing, sampling the API's RSS meanwhile. */
async function download(
  url: string,
  token: string,
  apiPid: number,
): Promise<{ seconds: number; bytes: number; rssStartMb: number; rssPeakMb: number; tail: string }> {
  const rssStartMb = rssMb(apiPid);
  let peak = rssStartMb;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(apiPid))), 100);
  const started = process.hrtime.bigint();
  let bytes = 0;
  let tail = '';
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 16))).toString('latin1');
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, bytes, rssStartMb, rssPeakMb: Math.max(peak, rssMb(apiPid)), tail };
}

export async function benchRelances(
  url: string,
  apiPid: number,
  nationalToken: string,
  q: Query,
  databaseUrl: string,
  log: Log = () => {},
  letterSizes: number[] = [1_000, 10_000],
  memoryAfterGc: (() => Promise<{ heapUsedMb: number }>) | null = null,
): Promise<RelancesResult> {
  const result: RelancesResult = {
    waveSize: null,
    queueMs: null,
    rssStartMb: null,
    rssPeakMb: null,
    sent: null,
    sendSeconds: null,
    letters: [],
    addressesCsv: null,
    note: null,
  };
  const repaired = await giveBack(q);
  if (repaired > 0) log(`relances: gave back ${repaired} declarations left by an interrupted run`);
  let waveId: number | null = null;
  try {
    const [campaign] = await q<{
      id: number;
      label: string;
      year: number;
      scheme: string;
      declarations: number;
      untransmitted: number;
    }>(
      `SELECT c.id, c.label, c.reference_year AS year, c.scheme, COUNT(*) AS declarations,
              SUM(d.status <> 'TRANSMITTED') AS untransmitted
       FROM campaign c JOIN declaration d ON d.campaign_id = c.id
       GROUP BY c.id, c.label, c.reference_year, c.scheme ORDER BY declarations DESC, c.id LIMIT 1`,
    );
    if (!campaign) {
      result.note = 'no campaign with declarations';
      return result;
    }
    result.campaign = campaign.label;
    result.untransmitted = Number(campaign.untransmitted);
    const need = Math.min(WAVE_TARGET, Number(campaign.declarations)) - result.untransmitted;
    result.prepared = Math.max(0, need);
    if (need > 0) {
      await q(
        `CREATE TABLE ${SCRATCH} ENGINE=InnoDB AS SELECT id, status FROM declaration
         WHERE campaign_id = ? AND status = 'TRANSMITTED' ORDER BY id LIMIT ?`,
        [campaign.id, need],
      );
      await q(`UPDATE declaration d JOIN ${SCRATCH} b ON b.id = d.id SET d.status = 'STARTED'`);
    }
    log(
      `relances: ${campaign.label}: ${result.untransmitted} untransmitted of ${campaign.declarations} declarations, ${result.prepared} set to STARTED for the run`,
    );

    // 1. Queue the wave.
    const caisses = (await q<{ code: string }>('SELECT code FROM caisse ORDER BY code')).map((c) => c.code);
    const input = {
      campaignYear: Number(campaign.year),
      scheme: campaign.scheme,
      situation: 'DECLARATION_NON_TRANSMISE',
      caisseCodes: caisses,
      excludeWithinDays: 0,
    };
    result.rssStartMb = rssMb(apiPid);
    let peak = result.rssStartMb;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(apiPid))), 100);
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${nationalToken}` },
      body: JSON.stringify({ query: LAUNCH, variables: { key: `bench-${randomUUID()}`, input } }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body = (await response.json()) as { data?: any; errors?: unknown };
    clearInterval(sampler);
    result.rssPeakMb = Math.max(peak, rssMb(apiPid));
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const launched = body.data?.launchRelance;
    if (!launched || launched.__typename !== 'RelanceLaunched') {
      result.note = body.errors ? JSON.stringify(body.errors).slice(0, 300) : String(launched?.message);
      return result;
    }
    result.queueMs = ms;
    result.waveSize = launched.wave.targetCount;
    waveId = Number(launched.wave.id);
    log(`relances: ${result.waveSize} queued in ${ms} ms`);

    // 2. The worker's throughput against a real SMTP server in this process.
    const smtp = await startTestSmtp(0);
    const db = await createDataSource({
      url: databaseUrl,
      sqlitePath: '',
      poolSize: 6,
      queueLimit: 0,
      connectTimeoutMs: 10_000,
    });
    await db.initialize();
    const worker = new OutboxWorker(
      db,
      createTransport({ smtpUrl: smtp.url, from: 'CPAM <cpam@bench.invalid>', outboxDir: '/tmp' }),
      { maxAttempts: 3, retryBaseMs: 60_000, pollMs: 100, batchSize: 50, concurrency: 8 },
    );
    try {
      const sendStarted = Date.now();
      let sent = 0;
      while (Date.now() - sendStarted < 20_000) {
        const handled = await worker.runOnce();
        if (handled === 0) break;
        sent += handled;
      }
      result.sent = sent;
      result.sendSeconds = (Date.now() - sendStarted) / 1000;
    } finally {
      await worker.stop();
      await db.destroy();
      await smtp.stop();
    }

    // 3. The letters download, for growing numbers of letters.
    for (const n of letterSizes.filter((size) => size <= (result.waveSize ?? 0))) {
      await q(
        `UPDATE communication SET channel = 'LETTER', recipient_email = NULL
         WHERE wave_id = ? AND status <> 'FAILED' ORDER BY id LIMIT ?`,
        [waveId, n],
      );
      const d = await download(`${url}/api/relances/${waveId}/letters.pdf`, nationalToken, apiPid);
      if (!d.tail.endsWith('%%EOF')) throw new Error(`letters.pdf of ${n} letters: truncated`);
      const row = {
        letters: n,
        seconds: round1(d.seconds),
        megabytes: round1(d.bytes / 2 ** 20),
        rssStartMb: d.rssStartMb,
        rssPeakMb: d.rssPeakMb,
        heapAfterGcMb: memoryAfterGc ? (await memoryAfterGc()).heapUsedMb : null,
      };
      result.letters!.push(row);
      log(`relances: letters.pdf of ${n} letters: ${JSON.stringify(row)}`);
    }
    const largest = result.letters!.at(-1);
    if (largest) {
      const csv = await download(`${url}/api/relances/${waveId}/addresses.csv`, nationalToken, apiPid);
      result.addressesCsv = {
        rows: largest.letters,
        seconds: round1(csv.seconds),
        megabytes: round1(csv.bytes / 2 ** 20),
      };
    }
  } finally {
    const restoreStarted = Date.now();
    if (waveId !== null) {
      await q('DELETE FROM communication WHERE wave_id = ?', [waveId]);
      await q('DELETE FROM relance_wave WHERE id = ?', [waveId]);
    }
    await giveBack(q);
    result.restoreSeconds = (Date.now() - restoreStarted) / 1000;
  }
  return result;
}

export function relanceTargets(r: RelancesResult | null | undefined): Target[] {
  const queue = `national relance wave of ${WAVE_TARGET.toLocaleString('en')} queued ≤ 60 s, API memory flat (peak ≤ start + 150 MB)`;
  const throughput = 'outbox worker throughput (in-process SMTP server)';
  const letters =
    'letters.pdf of a wave streamed, memory flat (V8 heap after a full GC: largest download ≤ smallest + 10 MB)';
  if (!r || r.queueMs === null) {
    const detail = r?.note ?? 'not run';
    return [
      { name: queue, pass: null, detail },
      { name: throughput, pass: null, detail },
      { name: letters, pass: null, detail },
    ];
  }
  const growth = (r.rssPeakMb ?? 0) - (r.rssStartMb ?? 0);
  const perSecond = r.sent && r.sendSeconds ? r.sent / r.sendSeconds : null;
  const size = r.waveSize ?? 0;
  const wave =
    `${size} professionals (${r.campaign ?? '?'}, « déclaration non transmise », every caisse; ` +
    `${r.untransmitted ?? '?'} untransmitted + ${r.prepared ?? 0} set to STARTED for the run) queued in ${r.queueMs} ms; ` +
    `API RSS ${r.rssStartMb} → peak ${r.rssPeakMb} MB`;
  const downloads = r.letters ?? [];
  const first = downloads[0];
  const last = downloads.at(-1);
  return [
    {
      name: queue,
      pass: size >= WAVE_TARGET ? r.queueMs <= QUEUE_TARGET_MS && growth <= 150 : null,
      detail:
        size >= WAVE_TARGET
          ? wave
          : `${wave} — not judged: the dataset's largest campaign holds fewer than ${WAVE_TARGET} declarations (${Math.round((r.queueMs * WAVE_TARGET) / Math.max(1, size))} ms at that rate for ${WAVE_TARGET})`,
    },
    {
      name: throughput,
      pass: null,
      detail:
        perSecond === null
          ? 'nothing sent'
          : `${r.sent} messages in ${r.sendSeconds!.toFixed(1)} s: ${perSecond.toFixed(1)} messages/s (8 lanes, PDF attached)`,
    },
    {
      name: letters,
      pass:
        first?.heapAfterGcMb != null && last?.heapAfterGcMb != null && downloads.length > 1
          ? last.heapAfterGcMb <= first.heapAfterGcMb + 10
          : null,
      detail:
        downloads.length === 0
          ? 'not run'
          : downloads
              .map(
                (d) =>
                  `${d.letters} letters: ${d.seconds} s, ${d.megabytes} MB, API RSS ${d.rssStartMb} → peak ${d.rssPeakMb} MB, heap after GC ${d.heapAfterGcMb ?? '?'} MB`,
              )
              .join('; ') +
            (r.addressesCsv
              ? `; addresses.csv of ${r.addressesCsv.rows}: ${r.addressesCsv.seconds} s, ${r.addressesCsv.megabytes} MB`
              : ''),
    },
  ];
}
