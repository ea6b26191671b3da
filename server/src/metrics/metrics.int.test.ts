import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { metrics } from './metrics';

const TOKEN = 'jeton-de-supervision-0123456789';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => t.stop());

  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
    const response = await fetch(`${t.url}/metrics`, { headers });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('is not served without the token', async () => {
    expect((await scrape({})).status).toBe(404);
    expect((await scrape({ authorization: 'Bearer mauvais-jeton-mauvais-jeton-00' })).status).toBe(404);
  });

  it('exposes request and operation latency, errors by code, the pool, retries and queues in Prometheus format', async () => {
    const token = await t.login((await t.createAgent({ role: 'CONSEILLER' })).email);
    await t.gql('query Moi { me { id } }', {}, token);
    await t.gql('query Moi { me { id } }', {}, null); // UNAUTHENTICATED
    metrics.transactionRetries.inc({ reason: 'deadlock' });
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(
      /mcbo_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+/,
    );
    expect(text).toMatch(/mcbo_graphql_operation_duration_seconds_count\{operation="Moi",type="query"\} 2/);
    expect(text).toMatch(/mcbo_errors_total\{code="UNAUTHENTICATED",surface="graphql"\} 1/);
    expect(text).toMatch(/mcbo_db_pool_in_use \d+/);
    expect(text).toMatch(/mcbo_db_pool_queued \d+/);
    expect(text).toMatch(/mcbo_transaction_retries_total\{reason="deadlock"\} 1/);
    expect(text).toMatch(/mcbo_queue_depth\{queue="imports"\} 0/);
    expect(text).toMatch(/mcbo_login_verifications_in_flight 0/);
    expect(text).toMatch(/mcbo_process_resident_memory_bytes \d+/);
  });

  it('serves /metrics alone on its own server for METRICS_PORT', async () => {
    const server = t.app.metricsServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ok = await fetch(`${base}/metrics`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('mcbo_http_request_duration_seconds');
    expect((await fetch(`${base}/graphql`)).status).toBe(404);
  });
});
