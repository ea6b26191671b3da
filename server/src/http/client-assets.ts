/**
 * Serves the built console: hashed assets (`/assets/*-<hash>.*`) are immutable and cached for a year,
 * the app shell is revalidated on every visit, and each file is sent pre-compressed (Brotli, else gzip)
 * when the build wrote a `.br`/`.gz` beside it and the browser accepts it. The file list is read once at
 * start-up: a request never touches the disk to decide what to send.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

interface Asset {
  file: string;
  size: number;
  type: string;
  etag: string;
  variants: { encoding: 'br' | 'gzip'; file: string; size: number }[];
}

/** Every file under `root` by URL path, with its compressed variants. */
export function indexAssets(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) {
        const stat = fs.statSync(full);
        const variants: Asset['variants'] = [];
        for (const [encoding, ext] of [
          ['br', '.br'],
          ['gzip', '.gz'],
        ] as const) {
          const compressed = full + ext;
          if (fs.existsSync(compressed))
            variants.push({ encoding, file: compressed, size: fs.statSync(compressed).size });
        }
        const url = '/' + path.relative(root, full).split(path.sep).join('/');
        assets.set(url, {
          file: full,
          size: stat.size,
          type: TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
          etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`,
          variants,
        });
      }
    }
  };
  walk(root);
  return assets;
}

/** The encoding to send for an `Accept-Encoding` header (q=0 refuses), among those available. */
export function chooseEncoding(
  header: string | undefined,
  available: readonly ('br' | 'gzip')[],
): 'br' | 'gzip' | null {
  if (!header || available.length === 0) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name ?? '', q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  for (const encoding of ['br', 'gzip'] as const) if (available.includes(encoding) && ok(encoding)) return encoding;
  return null;
}

const isHashed = (url: string) => url.startsWith('/assets/');

export function clientAssets(root: string) {
  const assets = indexAssets(root);
  const shell = assets.get('/index.html');

  const send = (req: Request, res: Response, asset: Asset, cacheControl: string) => {
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', asset.etag);
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    const encoding = chooseEncoding(
      req.headers['accept-encoding'],
      asset.variants.map((v) => v.encoding),
    );
    const variant = asset.variants.find((v) => v.encoding === encoding);
    if (variant) res.setHeader('Content-Encoding', variant.encoding);
    res.setHeader('Content-Length', String(variant?.size ?? asset.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(variant?.file ?? asset.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = decodeURIComponent(req.path);
    if (url.startsWith('/graphql') || url.startsWith('/api/')) return next();
    const asset = url === '/index.html' ? undefined : assets.get(url);
    if (asset) return send(req, res, asset, isHashed(url) ? IMMUTABLE : REVALIDATE);
    // A missing hashed asset is a 404, never the shell (a stale tab must not parse HTML as JavaScript).
    if (isHashed(url) || path.extname(url)) return next();
    // The console routes on the client: every other GET serves the app shell.
    if (shell) return send(req, res, shell, REVALIDATE);
    return next();
  };
}
