import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignLifecycle1796181974967 implements MigrationInterface {
  name = 'CampaignLifecycle1796181974967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `campaign_run` (`id` int NOT NULL AUTO_INCREMENT, `campaign_id` int NOT NULL, `status` varchar(16) NOT NULL, `agent_id` int NULL, `forced` tinyint NOT NULL DEFAULT 0, `reason` text NULL, `received_pieces` int NOT NULL DEFAULT '0', `total_declarations` int NOT NULL DEFAULT '0', `processed_declarations` int NOT NULL DEFAULT '0', `last_declaration_id` int NOT NULL DEFAULT '0', `batches_committed` int NOT NULL DEFAULT '0', `total_cents` int NOT NULL DEFAULT '0', `error_message` text NULL, `started_at` datetime NOT NULL, `heartbeat_at` datetime NOT NULL, `finished_at` datetime NULL, INDEX `idx_campaign_run_campaign` (`campaign_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `campaign_history` (`id` int NOT NULL AUTO_INCREMENT, `campaign_id` int NOT NULL, `from_status` varchar(16) NOT NULL, `to_status` varchar(16) NOT NULL, `agent_id` int NULL, `at` datetime NOT NULL, `reason` text NULL, `details` text NULL, `command` varchar(16) NULL, INDEX `idx_campaign_history_campaign` (`campaign_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `regularisation` (`id` int NOT NULL AUTO_INCREMENT, `campaign_id` int NOT NULL, `professional_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `declaration_id` int NOT NULL, `previous_due_cents` int NOT NULL, `new_due_cents` int NOT NULL, `amount_cents` int NOT NULL, `reason` text NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(40) NULL, `agent_id` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_regularisation_professional` (`professional_id`, `campaign_id`), INDEX `idx_regularisation_campaign_caisse` (`campaign_id`, `caisse_code`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `campaign` ADD `version` int NOT NULL DEFAULT '1'");
    await queryRunner.query('ALTER TABLE `campaign` ADD `compute_run_id` int NULL');
    await queryRunner.query('ALTER TABLE `declaration` ADD `computed_snapshot` text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `declaration` DROP COLUMN `computed_snapshot`');
    await queryRunner.query('ALTER TABLE `campaign` DROP COLUMN `compute_run_id`');
    await queryRunner.query('ALTER TABLE `campaign` DROP COLUMN `version`');
    await queryRunner.query('DROP INDEX `idx_regularisation_campaign_caisse` ON `regularisation`');
    await queryRunner.query('DROP INDEX `idx_regularisation_professional` ON `regularisation`');
    await queryRunner.query('DROP TABLE `regularisation`');
    await queryRunner.query('DROP INDEX `idx_campaign_history_campaign` ON `campaign_history`');
    await queryRunner.query('DROP TABLE `campaign_history`');
    await queryRunner.query('DROP INDEX `idx_campaign_run_campaign` ON `campaign_run`');
    await queryRunner.query('DROP TABLE `campaign_run`');
  }
}
