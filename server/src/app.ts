import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { authenticateRequest, readToken } from './agents/request-auth';
import { isDatabaseUnavailable, serviceUnavailable, withTimeout } from './common/outage';
import { RefusalTally } from './audit/refusals';
import { refusalAuditPlugin } from './audit/refusals-plugin';
import { ImportRun } from './imports/import-run.entity';
import { metrics, registerQueue, routeLabel, watchPool } from './metrics/metrics';
import { metricsPlugin, metricsRoute, metricsServer } from './metrics/metrics-http';
import { REPO_ROOT, type Config } from './config';
import { filesRouter } from './files/files.router';
import { clientAssets } from './http/client-assets';
import { APP_SECURITY_OPTIONS, securityHeaders } from './http/security-headers';
import { countSql, type SqlCount } from './db/sql-count';
import { FilesystemStorage, type FileStorage } from './files/storage';
import { buildContext, type RequestContext } from './common/request-context';
import { correlationPlugin, formatError, outageStatusPlugin, tagWithRequestId } from './graphql/format-error';
import { graphqlHttpHandler } from './graphql/http-handler';
import { securityPlugins, validationRules } from './graphql/hardening';
import { getSchema } from './graphql/schema';
import { logger } from './logger';
import { recapRouter } from './recap/recap.router';
import { communicationsRouter, relancesRouter } from './communications/communications.router';
import { importsRouter } from './imports/imports.router';
import { exportsRouter } from './exports/exports.router';

export interface App {
  server: http.Server;
  /** Serves /metrics alone; main.ts listens on METRICS_PORT when it is set. */
  metricsServer: http.Server;
  /** Refusals counted per agent × operation × minute, written to the audit trail as ACCESS_REFUSED. */
  refusals: RefusalTally;
  storage: FileStorage;
  close(): Promise<void>;
}

const CLIENT_DIST = path.join(REPO_ROOT, 'client', 'dist');

export async function createApp(config: Config, db: DataSource, storage?: FileStorage): Promise<App> {
  // The S3 SDK is loaded only when configured: it is large, and the filesystem is the default.
  const files =
    storage ??
    (config.FILE_STORAGE === 's3'
      ? (await import('./files/s3-storage')).S3Storage.fromConfig(config)
      : new FilesystemStorage(config.filesDir));
  const app = express();
  const server = http.createServer(app);
  const refusals = new RefusalTally(db);
  refusals.start();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  // Outside production a request may ask for its SQL statements to be counted (X-Count-Sql: 1): tests and
  // the benchmark read them in X-Sql-Statements. The count runs the request inside an AsyncLocalStorage,
  // whose promise hooks cost every request of the process on Node 20: the others never enter it.
  const sqlCountAllowed = config.NODE_ENV !== 'production';
  app.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.requestId = requestId;
    res.locals.refusals = refusals;
    const started = process.hrtime.bigint();
    const count: SqlCount | null = sqlCountAllowed && req.headers['x-count-sql'] === '1' ? { statements: 0 } : null;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      metrics.httpDuration.observe(
        {
          method: req.method,
          route: routeLabel(req.originalUrl.split('?', 1)[0] ?? ''),
          status: String(res.statusCode),
        },
        ms / 1000,
      );
      // Below info (the bench, a quiet production) the line is not even built.
      if (!logger.isLevelEnabled('info')) return;
      logger.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl.slice(0, 200),
          status: res.statusCode,
          ms,
          ...(count ? { sql: count.statements } : {}),
        },
        'request',
      );
    });
    if (!count) {
      next();
      return;
    }
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader('X-Sql-Statements', String(count.statements));
      return writeHead(...args);
    }) as Response['writeHead'];
    // 'close' follows every answer, finished or aborted: the count (and the hooks) end with it.
    res.once('close', countSql(count, next));
  });

  app.use(securityHeaders(APP_SECURITY_OPTIONS));

  // /graphql first: the API's hot path meets no other route on its way (docs/performance.md).
  const authenticate = async (req: Request) => {
    try {
      return await authenticateRequest(db, config, readToken(req));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logger.warn({ err: error }, 'database unavailable while authenticating');
        throw serviceUnavailable();
      }
      throw error;
    }
  };
  const baseContext = async (req: Request, res?: Response): Promise<RequestContext> => {
    const agent = await authenticate(req);
    // REST answers read it to audit a refusal (common/rest-errors.ts).
    if (res) res.locals.agent = agent;
    return buildContext({
      requestId: (res?.locals.requestId as string | undefined) ?? randomUUID(),
      agent,
      db,
      config,
      storage: files,
      ip: req.ip ?? 'unknown',
      req,
      res,
    });
  };

  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: validationRules(config),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Answers are per agent and never cached by HTTP: the cache-control plugin's per-field hook only costs.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...securityPlugins(config),
      correlationPlugin(),
      outageStatusPlugin(),
      metricsPlugin(),
      refusalAuditPlugin(refusals),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    graphqlHttpHandler(apollo, (req, res) =>
      baseContext(req, res).catch((error: unknown) => {
        // Apollo formats a context failure without the request's listeners: the error carries its id.
        tagWithRequestId(error, res.locals.requestId as string);
        throw error;
      }),
    ),
  );

  app.get('/metrics', metricsRoute(config.METRICS_TOKEN));
  watchPool(db);
  registerQueue('imports', () => db.getRepository(ImportRun).countBy({ status: 'RUNNING' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      // A frozen database (SIGSTOP, a hung node) accepts the query and never answers: the probe gives up.
      const pending = await withTimeout(
        db.query('SELECT 1').then(() => db.showMigrations()),
        config.READYZ_TIMEOUT_MS,
        () => new Error(`readiness probe: no answer from the database within ${config.READYZ_TIMEOUT_MS} ms`),
      );
      if (pending) {
        res.status(503).json({ status: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use('/api/files', filesRouter({ db, config, storage: files, contextOf: baseContext }));
  app.use('/api/recap', recapRouter(baseContext));
  app.use('/api/imports', importsRouter(baseContext));
  app.use('/api/exports', exportsRouter(baseContext));
  app.use('/api/communications', communicationsRouter(baseContext, config.MAIL_FROM));
  app.use('/api/relances', relancesRouter(baseContext));

  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) app.use(clientAssets(CLIENT_DIST));

  const metricsHttp = metricsServer();
  return {
    server,
    metricsServer: metricsHttp,
    storage: files,
    refusals,
    async close() {
      await refusals.stop();
      if (metricsHttp.listening) await new Promise<void>((resolve) => metricsHttp.close(() => resolve()));
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
