import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Communications1796182152067 implements MigrationInterface {
  name = 'Communications1796182152067';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `communication` (`id` int NOT NULL AUTO_INCREMENT, `caisse_code` varchar(3) NOT NULL, `professional_id` int NOT NULL, `campaign_id` int NULL, `kind` varchar(32) NOT NULL, `channel` varchar(8) NOT NULL, `status` varchar(8) NOT NULL, `recipient_email` varchar(200) NULL, `recipient_address` text NOT NULL, `subject` varchar(300) NOT NULL, `body` text NOT NULL, `letterhead` text NOT NULL, `justificatif_id` int NULL, `wave_id` int NULL, `created_by_agent_id` int NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime NOT NULL, `claim_token` varchar(36) NULL, `claimed_until` datetime NULL, `last_error` varchar(1000) NULL, `sent_at` datetime NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_communication_wave_professional` (`wave_id`, `professional_id`), INDEX `idx_communication_professional` (`professional_id`, `created_at`, `id`), INDEX `idx_communication_due` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `relance_wave` (`id` int NOT NULL AUTO_INCREMENT, `idempotency_key` varchar(64) NOT NULL, `campaign_id` int NOT NULL, `situation` varchar(32) NOT NULL, `kind` varchar(32) NOT NULL, `caisse_codes` text NOT NULL, `professions` text NOT NULL, `min_age_days` int NULL, `exclude_within_days` int NOT NULL, `launched_by_agent_id` int NOT NULL, `launched_at` datetime NOT NULL, `target_count` int NOT NULL, `excluded_count` int NOT NULL, INDEX `idx_relance_wave_campaign` (`campaign_id`, `launched_at`, `id`), UNIQUE INDEX `IDX_cc2d7565e78c492d2c79b2948a` (`idempotency_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cc2d7565e78c492d2c79b2948a` ON `relance_wave`");
    await queryRunner.query("DROP INDEX `idx_relance_wave_campaign` ON `relance_wave`");
    await queryRunner.query("DROP TABLE `relance_wave`");
    await queryRunner.query("DROP INDEX `idx_communication_due` ON `communication`");
    await queryRunner.query("DROP INDEX `idx_communication_professional` ON `communication`");
    await queryRunner.query("DROP INDEX `uq_communication_wave_professional` ON `communication`");
    await queryRunner.query("DROP TABLE `communication`");
  }
}
