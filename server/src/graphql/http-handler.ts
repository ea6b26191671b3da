/**
 * `/graphql` over HTTP: the request body read and parsed here, handed to Apollo's
 * `executeHTTPGraphQLRequest`, and its answer written with `res.end`. It replaces `express.json()` and
 * the express integration, which between them parse the content type twice, decode through iconv,
 * and hash every answer for an ETag that POST responses never use: on the cheapest queries that was a
 * measurable share of the request's CPU (docs/performance.md). Express still routes the request and
 * provides `req.ip`, cookies and `res.cookie` to the context.
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../common/errors';
import type { RequestContext } from '../common/request-context';

/** Larger than any operation the console sends (the biggest is a paper declaration). */
export const GRAPHQL_BODY_LIMIT_BYTES = 200 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
  }
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || (!!type && type.startsWith('application/') && type.endsWith('+json'));
}

/** The whole body as text, refused past the limit (declared or actual length) without reading the rest. */
function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, length).toString('utf8')));
    req.on('error', reject);
  });
}

const tooLarge = () => new BodyError(413, ErrorCode.PAYLOAD_TOO_LARGE, 'Requête trop volumineuse : 200 Ko au plus.');

async function bodyOf(req: Request, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, limit);
  // Apollo answers a body of another type itself (CSRF prevention, 400 or 415).
  if (!isJson(req.headers['content-type'])) return text;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'BAD_REQUEST', "Le corps de la requête n'est pas un JSON valide.");
  }
}

export function graphqlHttpHandler(
  apollo: ApolloServer<RequestContext>,
  contextOf: (req: Request, res: Response) => Promise<RequestContext>,
  limit = GRAPHQL_BODY_LIMIT_BYTES,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      let body: unknown;
      try {
        body = await bodyOf(req, limit);
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        // The rest of an oversized body is not read: the connection cannot carry another request.
        if (error.status === 413) res.setHeader('Connection', 'close');
        res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const queryStart = req.originalUrl.indexOf('?');
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers,
          search: queryStart === -1 ? '' : req.originalUrl.slice(queryStart),
          body,
        },
        context: () => contextOf(req, res),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
