/**
 * (i) Relances at scale: the national superviseur launches a « déclaration non transmise » wave over every
 * caisse (at national size, ~50 000 professionals): the time to queue it (one transaction, rendered
 * messages inserted in bulk) and the API's RSS sampled during the launch (memory flat: the peak stays
 * within 150 MB of the start). Then an outbox worker in this process sends the wave to an in-process
 * SMTP server (smtp-server) for at most 20 s: messages per second. The wave and its messages are removed
 * afterwards so that a re-run starts afresh.
 */
import { randomUUID } from 'node:crypto';
import { OutboxWorker } from '../server/src/communications/worker';
import { createTransport } from '../server/src/communications/transport';
import { createDataSource } from '../server/src/db/data-source';
import { startTestSmtp } from '../server/src/test-support/smtp';
import { rssMb } from './env';
import type { Target } from './report';

export interface RelancesResult {
  waveSize: number | null;
  queueMs: number | null;
  rssStartMb: number | null;
  rssPeakMb: number | null;
  sent: number | null;
  sendSeconds: number | null;
  note: string | null;
}

type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

const LAUNCH = `mutation L($key: String!, $input: RelanceInput!) { launchRelance(idempotencyKey: $key, input: $input) {
  __typename ... on RelanceLaunched { wave { id targetCount } } ... on RelanceRefused { code message } } }`;

export async function benchRelances(
  url: string,
  apiPid: number,
  nationalToken: string,
  q: Query,
  databaseUrl: string,
): Promise<RelancesResult> {
  const result: RelancesResult = {
    waveSize: null,
    queueMs: null,
    rssStartMb: null,
    rssPeakMb: null,
    sent: null,
    sendSeconds: null,
    note: null,
  };
  const caisses = (await q<{ code: string }>('SELECT DISTINCT caisse_code AS code FROM professional')).map(
    (c) => c.code,
  );
  const input = { campaignYear: 2024, scheme: 'FAMI', situation: 'DECLARATION_NON_TRANSMISE', caisseCodes: caisses };
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
  const waveId = Number(launched.wave.id);

  // The worker's throughput against a real SMTP server in this process.
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
    await q('DELETE FROM communication WHERE wave_id = ?', [waveId]);
    await q('DELETE FROM relance_wave WHERE id = ?', [waveId]);
  }
  return result;
}

export function relanceTargets(r: RelancesResult | null | undefined): Target[] {
  const queue = 'national relance wave queued ≤ 60 s, API memory flat (peak ≤ start + 150 MB)';
  const throughput = 'outbox worker throughput (in-process SMTP server)';
  if (!r || r.queueMs === null) {
    const detail = r?.note ?? 'not run';
    return [
      { name: queue, pass: null, detail },
      { name: throughput, pass: null, detail },
    ];
  }
  const growth = (r.rssPeakMb ?? 0) - (r.rssStartMb ?? 0);
  const perSecond = r.sent && r.sendSeconds ? r.sent / r.sendSeconds : null;
  return [
    {
      name: queue,
      pass: r.queueMs <= 60_000 && growth <= 150,
      detail: `${r.waveSize} professionals queued in ${r.queueMs} ms; API RSS ${r.rssStartMb} → peak ${r.rssPeakMb} MB`,
    },
    {
      name: throughput,
      pass: null,
      detail:
        perSecond === null
          ? 'nothing sent'
          : `${r.sent} messages in ${r.sendSeconds!.toFixed(1)} s: ${perSecond.toFixed(1)} messages/s (8 lanes, PDF attached)`,
    },
  ];
}
