import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { IMMUTABLE, REVALIDATE, chooseEncoding, clientAssets } from './client-assets';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', ['br', 'gzip'], 'br'],
    ['gzip', ['br', 'gzip'], 'gzip'],
    ['br;q=0, gzip', ['br', 'gzip'], 'gzip'],
    ['*', ['gzip'], 'gzip'],
    ['identity', ['br', 'gzip'], null],
    [undefined, ['br'], null],
    ['br', [], null],
  ] as const)('%s with %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
});

describe('clientAssets', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-dist-'));
  const js = 'console.log("mcbo");'.repeat(200);
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>mcbo</title>');
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
    fs.writeFileSync(path.join(root, 'assets', 'app-abc123.js'), js);
    fs.writeFileSync(path.join(root, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(root, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(js));
    const app = express();
    app.use(clientAssets(root));
    app.use((_req, res) => res.status(404).send('not found'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });

  it('sends a hashed asset pre-compressed with Brotli, immutable for a year', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(js);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get('/assets/app-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/assets/app-abc123.js');
    const again = await get('/assets/app-abc123.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('serves the app shell, revalidated, for console routes only', async () => {
    const route = await get('/professionnels/12');
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe(REVALIDATE);
    expect(route.body.toString()).toContain('<title>mcbo</title>');
    expect((await get('/favicon.svg')).headers['cache-control']).toBe(REVALIDATE);
  });

  it('never answers a missing asset or an API path with the shell', async () => {
    expect((await get('/assets/app-old999.js')).status).toBe(404);
    expect((await get('/missing.png')).status).toBe(404);
    expect((await get('/api/unknown')).status).toBe(404);
  });
});
