import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import type { RequestContext } from '../common/request-context';
import { metrics, operationLabel, registry } from './metrics';

async function sendMetrics(res: http.ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `/metrics` on the public port: only with `Authorization: Bearer <METRICS_TOKEN>`; 404 otherwise. */
export function metricsRoute(token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    const header = req.header('authorization') ?? '';
    if (!token || !header.startsWith('Bearer ') || !sameToken(header.slice(7).trim(), token)) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Introuvable.' } });
      return;
    }
    await sendMetrics(res);
  };
}

/** A server of its own for METRICS_PORT (bind it to an address the public cannot reach). */
export function metricsServer(): http.Server {
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      void sendMetrics(res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
}

/** Each GraphQL operation's latency by name, and each error it answered by code. */
export function metricsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operationDuration.observe(
            {
              operation: operationLabel(operation?.name?.value ?? request.operationName),
              type: operation?.operation ?? 'unknown',
            },
            seconds,
          );
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            metrics.errors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN', surface: 'graphql' });
          }
        },
      };
    },
  };
}
