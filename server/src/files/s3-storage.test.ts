/**
 * S3Storage against a tiny in-process S3: node:http answering PUT, GET and HEAD on path-style URLs
 * (/<bucket>/<key>), enough to check what goes over the wire and what comes back.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { S3Storage } from './s3-storage';

interface FakeS3 {
  endpoint: string;
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; authorization: boolean }[];
  failNext: number | null;
  close(): Promise<void>;
}

async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3['requests'] = [];
  const fake: Partial<FakeS3> = { objects, requests, failNext: null };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      requests.push({
        method: req.method ?? '',
        path,
        authorization: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? ''),
      });
      if (fake.failNext) {
        res.writeHead(fake.failNext, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>denied</Message></Error>');
        fake.failNext = null;
        return;
      }
      const body = objects.get(path);
      if (req.method === 'PUT') {
        const bytes = Buffer.concat(chunks);
        objects.set(path, bytes);
        res.writeHead(200, { etag: `"${createHash('md5').update(bytes).digest('hex')}"` });
        res.end();
      } else if (!body) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(
          req.method === 'HEAD'
            ? undefined
            : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
      } else if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
        res.end();
      } else if (req.method === 'GET') {
        res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
        res.end(body);
      } else {
        res.writeHead(405);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeS3;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('S3Storage', () => {
  let s3: FakeS3;
  let storage: S3Storage;

  beforeEach(async () => {
    s3 = await startFakeS3();
    storage = new S3Storage({
      bucket: 'mcbo-docs',
      endpoint: s3.endpoint,
      region: 'eu-west-3',
      prefix: 'files/',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
    });
  });

  afterEach(async () => {
    storage.destroy();
    await s3.close();
  });

  it('stores under the path-style key, reads the same bytes back, signed', async () => {
    const bytes = Buffer.from('%PDF-1.4 facture logiciel DMP compatible\n');
    const key = sha256(bytes);
    await storage.put(key, bytes);
    expect([...s3.objects.keys()]).toEqual([`/mcbo-docs/files/${key}`]);
    expect(s3.objects.get(`/mcbo-docs/files/${key}`)?.equals(bytes)).toBe(true);
    expect(await readAll(await storage.read(key))).toEqual(bytes);
    expect(s3.requests.every((r) => r.authorization)).toBe(true);
  });

  it('answers exists() from HEAD: false before, true after', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const key = sha256(bytes);
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, bytes);
    expect(await storage.exists(key)).toBe(true);
    expect(s3.requests.filter((r) => r.method === 'HEAD')).toHaveLength(3);
  });

  it('does not upload the same content twice (content-addressed, idempotent)', async () => {
    const bytes = Buffer.alloc(300_000, 7);
    const key = sha256(bytes);
    await storage.put(key, bytes);
    await storage.put(key, bytes);
    expect(s3.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect((await readAll(await storage.read(key))).length).toBe(300_000);
  });

  it('rejects keys that are not a content hash before any request', async () => {
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid storage key');
    await expect(storage.read('ABC')).rejects.toThrow('invalid storage key');
    await expect(storage.exists('x'.repeat(64))).rejects.toThrow('invalid storage key');
    expect(s3.requests).toHaveLength(0);
  });

  it('reports a missing object on read, and other failures on exists', async () => {
    await expect(storage.read('a'.repeat(64))).rejects.toMatchObject({ name: 'NoSuchKey' });
    s3.failNext = 403;
    await expect(storage.exists('b'.repeat(64))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });

  it('is built from the configuration (FILE_STORAGE=s3)', () => {
    const fromConfig = S3Storage.fromConfig({ S3_BUCKET: 'b', S3_ENDPOINT: s3.endpoint, S3_REGION: 'eu-west-3' });
    expect(fromConfig).toBeInstanceOf(S3Storage);
    fromConfig.destroy();
    expect(() => S3Storage.fromConfig({ S3_BUCKET: undefined, S3_ENDPOINT: undefined, S3_REGION: 'x' })).toThrow(
      'S3_BUCKET',
    );
  });
});
