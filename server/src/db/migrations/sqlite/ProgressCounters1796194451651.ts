import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createCounterTable, createCounterTriggers, dropCounterTriggers, fillCounters } from '../../../progress/counters.sql';

/** Progress counters (server/src/progress/counters.sql.ts): the table, filled from existing data, and its triggers. */
export class ProgressCounters1796194451651 implements MigrationInterface {
  name = 'ProgressCounters1796194451651';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(createCounterTable('sqlite'));
    for (const statement of createCounterTriggers('sqlite')) await queryRunner.query(statement);
    await queryRunner.query(fillCounters('sqlite'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropCounterTriggers('sqlite')) await queryRunner.query(statement);
    await queryRunner.query('DROP TABLE "progress_counter"');
  }
}
