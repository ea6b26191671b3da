import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The console's and the API's headers: documents are shown from blobs, the DSFR's styles and fonts inline. */
export const APP_SECURITY_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * helmet's headers, computed once. helmet builds every header again on each request (its
 * Content-Security-Policy string included): 2.4 % of the API's CPU on a search by identifier
 * (docs/performance.md). With no per-request directive (no nonce, no function), its answer is the same
 * for every request, so it is recorded once at start-up, on a stand-in response, and replayed: the same
 * headers, set in one loop. Options with a function directive are refused rather than frozen.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const directives = (options.contentSecurityPolicy as { directives?: Record<string, unknown> } | undefined)
    ?.directives;
  for (const value of Object.values(directives ?? {})) {
    if (Array.isArray(value) && value.some((v) => typeof v === 'function')) {
      throw new Error('securityHeaders: a per-request directive cannot be computed once; use helmet() itself');
    }
  }
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: unknown) {
      set.push([name, String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let done = false;
  helmet(options)({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    done = true;
  });
  if (!done) throw new Error('securityHeaders: helmet did not answer synchronously');
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
