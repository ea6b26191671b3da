import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1795353669479 implements MigrationInterface {
  name = 'ImportRuns1795353669479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"import_run\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(32) NOT NULL, \"status\" varchar(16) NOT NULL, \"file_id\" varchar(64), \"file_name\" varchar(255) NOT NULL, \"agent_id\" integer, \"caisse_code\" varchar(3), \"total_bytes\" integer NOT NULL DEFAULT (0), \"bytes_read\" integer NOT NULL DEFAULT (0), \"rows_read\" integer NOT NULL DEFAULT (0), \"inserted\" integer NOT NULL DEFAULT (0), \"updated\" integer NOT NULL DEFAULT (0), \"unchanged\" integer NOT NULL DEFAULT (0), \"rejected\" integer NOT NULL DEFAULT (0), \"batches_committed\" integer NOT NULL DEFAULT (0), \"rejections\" text NOT NULL, \"error_message\" text, \"report_file_id\" varchar(64), \"started_at\" datetime NOT NULL, \"heartbeat_at\" datetime NOT NULL, \"finished_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_import_run_caisse\" ON \"import_run\" (\"caisse_code\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_import_run_caisse\"");
    await queryRunner.query("DROP TABLE \"import_run\"");
  }
}
