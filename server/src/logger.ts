import pino from 'pino';

/** Structured JSON logs; the request id ties a client-visible correlation id to the log line. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'mcbo' },
  redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'],
});

export type Logger = typeof logger;
