import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestScope } from '../common/request-scope';
import { logger } from '../logger';

/** Counts SQL statements per request: the N+1 test and the benchmark read the count. */
export class CountingLogger implements TypeOrmLogger {
  logQuery(query: string): void {
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements += 1;
    if (logger.isLevelEnabled('trace')) logger.trace({ sql: query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    logger.debug({ err: error, sql: query.slice(0, 500) }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ ms: time, sql: query.slice(0, 500) }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ message }, 'typeorm');
  }
}
