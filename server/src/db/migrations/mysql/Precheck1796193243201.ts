import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Precheck1796193243201 implements MigrationInterface {
  name = 'Precheck1796193243201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `precheck` (`id` int NOT NULL AUTO_INCREMENT, `justificatif_id` int NOT NULL, `file_id` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `lease_until` datetime NULL, `source` varchar(8) NULL, `page_count` int NULL, `confidence` int NULL, `findings` text NULL, `contradictions` int NOT NULL DEFAULT '0', `ms_per_page` int NULL, `error` text NULL, `completed_at` datetime NULL, `confirmation` text NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_precheck_job` (`status`, `lease_until`, `id`), UNIQUE INDEX `uq_precheck_justificatif` (`justificatif_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `precheck_page` (`id` int NOT NULL AUTO_INCREMENT, `precheck_id` int NOT NULL, `page` int NOT NULL, `words` text NOT NULL, UNIQUE INDEX `uq_precheck_page` (`precheck_id`, `page`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `software_publisher` ADD `aliases` text NULL");
    await queryRunner.query("ALTER TABLE `software` ADD `aliases` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `aliases`");
    await queryRunner.query("ALTER TABLE `software_publisher` DROP COLUMN `aliases`");
    await queryRunner.query("DROP INDEX `uq_precheck_page` ON `precheck_page`");
    await queryRunner.query("DROP TABLE `precheck_page`");
    await queryRunner.query("DROP INDEX `uq_precheck_justificatif` ON `precheck`");
    await queryRunner.query("DROP INDEX `idx_precheck_job` ON `precheck`");
    await queryRunner.query("DROP TABLE `precheck`");
  }
}
