/**
 * Configuration from the environment, validated once at start-up: a bad variable stops the
 * process with one line that names it and says what is expected.
 */
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, 'attendu : mysql://user:password@host:port/database')
    .optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DB_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(500),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Link audit events into their chains in this process (the default); off when a dedicated process does it. */
  AUDIT_LINKER: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  COOKIE_SECURE: boolean.optional(),
  /** argon2 verifications running at once per process (64 MiB each); more logins at that instant are turned away. */
  LOGIN_VERIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** /readyz answers 503 when the database has not answered within this time (a frozen database). */
  READYZ_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  FILE_STORAGE: z.enum(['fs', 's3']).default('fs'),
  FILES_DIR: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  TRUST_PROXY: boolean.default(false),
  /** smtp://user:pass@host:port or smtps://…; unset: each e-mail is written as an .eml file under DATA_DIR/outbox/. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'attendu : smtp://utilisateur:motdepasse@hôte:port')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Assurance Maladie <ne-pas-repondre@assurance-maladie.invalid>'),
  /** Runs the outbox worker inside the server process (default); false when `npm run worker` replicas do it. */
  OUTBOX_WORKER: boolean.default(true),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  /** /metrics on a port of its own (bind METRICS_HOST to an address the public cannot reach)… */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** …or at /metrics on the public port with `Authorization: Bearer <METRICS_TOKEN>` (24 characters or more). */
  METRICS_TOKEN: z.string().min(24, 'au moins 24 caractères').optional(),
  /** Pre-check pieces in the background (extraction child process); off for a server that must not read pieces. */
  PRECHECK_WORKER: boolean.default(true),
});

export type Config = z.infer<typeof schema> & { filesDir: string; sqlitePath: string; outboxDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide — ${lines.join('; ')}`);
  }
  const config = parsed.data;
  if (config.FILE_STORAGE === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('Configuration invalide — S3_BUCKET: requis quand FILE_STORAGE=s3');
  }
  return {
    ...config,
    outboxDir: path.join(config.DATA_DIR, 'outbox'),
    filesDir: config.FILES_DIR ?? path.join(config.DATA_DIR, 'files'),
    sqlitePath: path.join(config.DATA_DIR, 'mcbo.sqlite'),
  };
}
