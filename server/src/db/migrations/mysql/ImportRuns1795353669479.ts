import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportRuns1795353669479 implements MigrationInterface {
  name = 'ImportRuns1795353669479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `import_run` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(32) NOT NULL, `status` varchar(16) NOT NULL, `file_id` varchar(64) NULL, `file_name` varchar(255) NOT NULL, `agent_id` int NULL, `caisse_code` varchar(3) NULL, `total_bytes` int NOT NULL DEFAULT '0', `bytes_read` int NOT NULL DEFAULT '0', `rows_read` int NOT NULL DEFAULT '0', `inserted` int NOT NULL DEFAULT '0', `updated` int NOT NULL DEFAULT '0', `unchanged` int NOT NULL DEFAULT '0', `rejected` int NOT NULL DEFAULT '0', `batches_committed` int NOT NULL DEFAULT '0', `rejections` text NOT NULL, `error_message` text NULL, `report_file_id` varchar(64) NULL, `started_at` datetime NOT NULL, `heartbeat_at` datetime NOT NULL, `finished_at` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_import_run_caisse` (`caisse_code`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_import_run_caisse` ON `import_run`");
    await queryRunner.query("DROP TABLE `import_run`");
  }
}
