import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp, type App } from '../app';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { startFreezableProxy, type FreezableProxy } from '../test-support/freezable-proxy';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { testDialect } from '../test-support/test-db';

const ME = '{ me { id } }';
const fetchIn = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(8_000) });

describe('readiness probe of a frozen database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ READYZ_TIMEOUT_MS: '300' });
  });
  afterAll(async () => t.stop());

  it('answers 503 instead of hanging when the database accepts a query and never answers', async () => {
    expect((await fetchIn(`${t.url}/readyz`)).status).toBe(200);
    const frozen = jest.spyOn(t.db, 'query').mockImplementation(() => new Promise(() => undefined));
    try {
      const response = await fetchIn(`${t.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'database unreachable' });
    } finally {
      frozen.mockRestore();
    }
    expect((await fetchIn(`${t.url}/readyz`)).status).toBe(200);
  });
});

// A database server that stops or freezes: MySQL through a TCP relay the test controls.
(testDialect() === 'mysql' ? describe : describe.skip)('a MySQL database that goes down', () => {
  let t: TestApp;
  let proxy: FreezableProxy;
  let db: DataSource;
  let app: App;
  let url: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    const target = new URL(t.settings.url!.replace(/^mariadb:/, 'mysql:'));
    proxy = await startFreezableProxy(target.hostname, Number(target.port || 3306));
    target.host = `127.0.0.1:${proxy.port}`;
    db = await createDataSource({ ...t.settings, url: target.toString(), connectTimeoutMs: 1000 });
    await db.initialize();
    app = await createApp(loadConfig({ NODE_ENV: 'test', READYZ_TIMEOUT_MS: '300' }), db, t.app.storage);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    token = await t.login((await t.createAgent({ role: 'CONSEILLER' })).email);
  });
  afterAll(async () => {
    // Queries left hanging by the freeze end with their connections.
    await proxy.close();
    await app.close();
    await db.destroy().catch(() => undefined);
    await t.stop();
  });

  const gql = (query: string) =>
    fetchIn(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });

  it('answers 503 SERVICE_UNAVAILABLE with the seconds to wait, on GraphQL and REST, then recovers', async () => {
    expect((await (await gql(ME)).json()) as unknown).toMatchObject({ data: { me: { id: expect.any(String) } } });
    proxy.kill();

    const graphql = await gql(ME);
    expect(graphql.status).toBe(503);
    expect(graphql.headers.get('retry-after')).toBe('5');
    const body = (await graphql.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({
      message:
        'Le service est momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes.',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
    });
    expect(JSON.stringify(body)).not.toMatch(/ECONN|PROTOCOL|http/);

    const rest = await fetchIn(`${url}/api/files/${'a'.repeat(64)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(rest.status).toBe(503);
    expect(await rest.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } });
    expect((await fetchIn(`${url}/readyz`)).status).toBe(503);

    proxy.resume();
    let recovered = 0;
    for (let i = 0; i < 10 && recovered !== 200; i += 1) recovered = (await gql(ME)).status;
    expect(recovered).toBe(200);
  });

  it('answers /readyz with 503 within its timeout while the database is frozen', async () => {
    proxy.freeze();
    try {
      const response = await fetchIn(`${url}/readyz`);
      expect(response.status).toBe(503);
    } finally {
      proxy.resume();
    }
  });
});
