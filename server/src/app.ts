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
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { authenticateRequest, readToken } from './agents/request-auth';
import { isDatabaseUnavailable, serviceUnavailable, withTimeout } from './common/outage';
import { requestScope } from './common/request-scope';
import { REPO_ROOT, type Config } from './config';
import { filesRouter } from './files/files.router';
import { clientAssets } from './http/client-assets';
import { FilesystemStorage, type FileStorage } from './files/storage';
import { buildContext, type RequestContext } from './common/request-context';
import { formatError, outageStatusPlugin } from './graphql/format-error';
import { graphqlHttpHandler } from './graphql/http-handler';
import { securityPlugins, validationRules } from './graphql/hardening';
import { getSchema } from './graphql/schema';
import { logger } from './logger';
import { recapRouter } from './recap/recap.router';
import { importsRouter } from './imports/imports.router';
import { exportsRouter } from './exports/exports.router';

export interface App {
  server: http.Server;
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
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.header('x-request-id');
    const requestId = header && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const scope = { requestId, sqlStatements: 0 };
    // Outside production the count is exposed, so tests and the benchmark can assert it per request.
    if (config.NODE_ENV !== 'production') {
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
      res.writeHead = ((...args: unknown[]) => {
        if (!res.headersSent) res.setHeader('X-Sql-Statements', String(scope.sqlStatements));
        return writeHead(...args);
      }) as Response['writeHead'];
    }
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl.slice(0, 200),
          status: res.statusCode,
          ms,
          sql: scope.sqlStatements,
        },
        'request',
      );
    });
    requestScope.run(scope, () => next());
  });

  app.use(
    helmet({
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
    }),
  );

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
  const baseContext = async (req: Request, res?: Response): Promise<RequestContext> =>
    buildContext({
      requestId: res?.getHeader('X-Request-Id')?.toString() ?? randomUUID(),
      agent: await authenticate(req),
      db,
      config,
      storage: files,
      ip: req.ip ?? 'unknown',
      req,
      res,
    });

  app.use('/api/files', filesRouter({ db, config, storage: files, contextOf: baseContext }));
  app.use('/api/recap', recapRouter(baseContext));
  app.use('/api/imports', importsRouter(baseContext));
  app.use('/api/exports', exportsRouter(baseContext));

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
      outageStatusPlugin(),
    ],
  });
  await apollo.start();
  app.use('/graphql', graphqlHttpHandler(apollo, baseContext));

  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) app.use(clientAssets(CLIENT_DIST));

  return {
    server,
    storage: files,
    async close() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
