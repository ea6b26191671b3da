import type { Logger as TypeOrmLogger } from 'typeorm';
import { logger } from '../logger';
import { currentSqlCount } from './sql-count';

/** Counts SQL statements of the requests that ask for it (X-Count-Sql): the N+1 tests and the benchmark. */
export class CountingLogger implements TypeOrmLogger {
  logQuery(query: string): void {
    const count = currentSqlCount();
    if (count) count.statements += 1;
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
