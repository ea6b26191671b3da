import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferentielAdministration1796184145853 implements MigrationInterface {
  name = 'ReferentielAdministration1796184145853';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `referentiel_change` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(16) NOT NULL, `target_id` varchar(40) NOT NULL, `revision` int NOT NULL, `agent_id` int NULL, `at` datetime NOT NULL, `before` text NULL, `after` text NOT NULL, `reevaluated` int NOT NULL DEFAULT '0', INDEX `idx_referentiel_change_target` (`kind`, `target_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `software` ADD `dmp_compatible_since` date NULL");
    await queryRunner.query("ALTER TABLE `software` ADD `revision` int NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE `software` ADD `updated_by_agent_id` int NULL");
    await queryRunner.query("ALTER TABLE `software` ADD `updated_at` datetime NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `updated_at`");
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `updated_by_agent_id`");
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `revision`");
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `dmp_compatible_since`");
    await queryRunner.query("DROP INDEX `idx_referentiel_change_target` ON `referentiel_change`");
    await queryRunner.query("DROP TABLE `referentiel_change`");
  }
}
