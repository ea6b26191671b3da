import type { Request, Response } from 'express';
import helmet from 'helmet';
import { APP_SECURITY_OPTIONS, securityHeaders } from './security-headers';

/** What a middleware does to a response's headers, in order. */
function headersOf(middleware: (req: Request, res: Response, next: () => void) => void) {
  const headers = new Map<string, string>([['x-powered-by', 'Express']]);
  let nextCalls = 0;
  const res = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
      return res;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  middleware({} as Request, res as unknown as Response, () => {
    nextCalls += 1;
  });
  return { headers: Object.fromEntries(headers), nextCalls };
}

describe('security headers computed once', () => {
  it.each([
    ['the app’s options', APP_SECURITY_OPTIONS],
    ['helmet’s defaults', {}],
  ])('sets exactly what helmet sets, with %s', (_label, options) => {
    const once = securityHeaders(options);
    const expected = headersOf(helmet(options));
    expect(headersOf(once)).toEqual(expected);
    // And again: nothing is consumed by the first request.
    expect(headersOf(once)).toEqual(expected);
    expect(expected.headers['content-security-policy']).toBeDefined();
    expect(expected.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a per-request directive rather than freezing it', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } } }),
    ).toThrow(/per-request directive/);
  });
});
