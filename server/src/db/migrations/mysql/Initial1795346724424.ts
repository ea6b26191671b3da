import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795346724424 implements MigrationInterface {
  name = 'Initial1795346724424';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `agent` (`id` int NOT NULL AUTO_INCREMENT, `email` varchar(200) NOT NULL, `password_hash` varchar(200) NOT NULL, `display_name` varchar(120) NOT NULL, `role` varchar(16) NOT NULL, `caisse_code` varchar(3) NOT NULL, `national_scope` tinyint NOT NULL DEFAULT 0, `active` tinyint NOT NULL DEFAULT 1, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_c8e51500f3876fa1bbd4483ecc` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `agent_session` (`id` varchar(64) NOT NULL, `agent_id` int NOT NULL, `created_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `revoked_at` datetime NULL, `ip` varchar(64) NULL, INDEX `idx_session_agent` (`agent_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_attempt` (`id` int NOT NULL AUTO_INCREMENT, `email` varchar(200) NOT NULL, `ip` varchar(64) NOT NULL, `at` datetime NOT NULL, `success` tinyint NOT NULL, INDEX `idx_login_attempt_ip` (`ip`, `at`), INDEX `idx_login_attempt_email` (`email`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_event` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime NOT NULL, `agent_id` int NULL, `action` varchar(40) NOT NULL, `target_type` varchar(40) NULL, `target_id` varchar(64) NULL, `caisse_code` varchar(3) NULL, `details` text NULL, `prev_hash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `idx_audit_target` (`target_type`, `target_id`, `id`), INDEX `idx_audit_agent` (`agent_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_head` (`id` int NOT NULL, `last_id` int NOT NULL, `last_hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // The audit chain starts from a genesis hash.
    await queryRunner.query("INSERT INTO `audit_head` (`id`, `last_id`, `last_hash`) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')");
    await queryRunner.query("CREATE TABLE `campaign` (`id` int NOT NULL AUTO_INCREMENT, `reference_year` int NOT NULL, `scheme` varchar(32) NOT NULL, `label` varchar(200) NOT NULL, `professions` text NOT NULL, `opens_on` date NOT NULL, `planned_closes_on` date NOT NULL, `closes_on` date NOT NULL, `payment_date` date NULL, `payment_period_label` varchar(100) NOT NULL, `status` varchar(32) NOT NULL, `conventions` text NOT NULL, `settings` text NOT NULL, `remuneration` text NOT NULL, `sources` text NOT NULL, `referentiel_version` varchar(20) NOT NULL, `computed_at` datetime NULL, UNIQUE INDEX `uq_campaign_year_scheme` (`reference_year`, `scheme`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator` (`id` int NOT NULL AUTO_INCREMENT, `campaign_id` int NOT NULL, `code` varchar(40) NOT NULL, `label` varchar(300) NOT NULL, `group` varchar(32) NOT NULL, `kind` varchar(32) NOT NULL, `value_type` varchar(32) NOT NULL, `justificatif_policy` varchar(32) NOT NULL, `professions` text NULL, `neutralised` tinyint NOT NULL DEFAULT 0, `display_order` int NOT NULL, `definition` text NOT NULL, `help_text` text NOT NULL, UNIQUE INDEX `uq_indicator_campaign_code` (`campaign_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `contact_log` (`id` int NOT NULL AUTO_INCREMENT, `professional_id` int NOT NULL, `agent_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `at` datetime NOT NULL, `channel` varchar(16) NOT NULL, `subject` varchar(200) NOT NULL, `notes` text NOT NULL, `campaign_id` int NULL, INDEX `idx_contact_professional` (`professional_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `declaration` (`id` int NOT NULL AUTO_INCREMENT, `professional_id` int NOT NULL, `campaign_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `profession` varchar(32) NOT NULL, `status` varchar(32) NOT NULL, `first_transmitted_at` datetime NULL, `last_transmitted_at` datetime NULL, `transmission_count` int NOT NULL DEFAULT '0', `last_channel` varchar(16) NULL, `honour_attestation` tinyint NOT NULL DEFAULT 0, `conditions_acknowledged` tinyint NOT NULL DEFAULT 0, `projected_remuneration_cents` int NOT NULL DEFAULT '0', `computed_remuneration_cents` int NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_declaration_campaign_scope` (`campaign_id`, `caisse_code`, `profession`, `status`), UNIQUE INDEX `uq_declaration_professional_campaign` (`professional_id`, `campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `declaration_transmission` (`id` int NOT NULL AUTO_INCREMENT, `declaration_id` int NOT NULL, `transmitted_at` datetime NOT NULL, `channel` varchar(16) NOT NULL, `entered_by_agent_id` int NULL, `honour_attestation` tinyint NOT NULL, `conditions_acknowledged` tinyint NOT NULL, `values` text NOT NULL, INDEX `idx_transmission_declaration` (`declaration_id`, `transmitted_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator_value` (`id` int NOT NULL AUTO_INCREMENT, `declaration_id` int NOT NULL, `indicator_id` int NOT NULL, `professional_id` int NOT NULL, `campaign_id` int NOT NULL, `value` text NULL, `source` varchar(16) NULL, `prefill_origin` varchar(24) NULL, `achievement` varchar(24) NOT NULL, `achievement_reason` varchar(400) NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_value_professional` (`professional_id`, `campaign_id`), INDEX `idx_value_campaign_indicator_achievement` (`campaign_id`, `indicator_id`, `achievement`), UNIQUE INDEX `uq_value_declaration_indicator` (`declaration_id`, `indicator_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `stored_file` (`id` varchar(64) NOT NULL, `content_type` varchar(40) NOT NULL, `size_bytes` int NOT NULL, `original_name` varchar(255) NOT NULL, `uploaded_by_agent_id` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `justificatif` (`id` int NOT NULL AUTO_INCREMENT, `professional_id` int NOT NULL, `campaign_id` int NOT NULL, `indicator_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `profession` varchar(32) NOT NULL, `family` varchar(40) NOT NULL, `received_at` datetime NOT NULL, `channel` varchar(16) NOT NULL, `file_id` varchar(64) NULL, `status` varchar(16) NOT NULL, `assigned_agent_id` int NULL, `assigned_at` datetime NULL, `decided_by_agent_id` int NULL, `decided_at` datetime NULL, `rejection_reasons` text NULL, `comment` text NULL, `checklist` text NULL, `declared_software_id` int NULL, `declared_publisher_id` int NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_justificatif_family` (`professional_id`, `family`, `status`), INDEX `idx_justificatif_professional` (`professional_id`, `campaign_id`), INDEX `idx_justificatif_assignee` (`assigned_agent_id`, `status`, `received_at`, `id`), INDEX `idx_justificatif_queue` (`status`, `caisse_code`, `received_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `justificatif_history` (`id` int NOT NULL AUTO_INCREMENT, `justificatif_id` int NOT NULL, `action` varchar(16) NOT NULL, `from_status` varchar(16) NULL, `to_status` varchar(16) NOT NULL, `agent_id` int NULL, `at` datetime NOT NULL, `reasons` text NULL, `comment` text NULL, INDEX `idx_justificatif_history` (`justificatif_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `payment` (`id` int NOT NULL AUTO_INCREMENT, `professional_id` int NOT NULL, `campaign_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `kind` varchar(16) NOT NULL, `amount_cents` int NOT NULL, `paid_on` date NOT NULL, `status` varchar(16) NOT NULL, `reference` varchar(40) NOT NULL, INDEX `idx_payment_campaign_caisse` (`campaign_id`, `caisse_code`), INDEX `idx_payment_professional` (`professional_id`, `paid_on`), UNIQUE INDEX `uq_payment_reference` (`reference`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `caisse` (`code` varchar(3) NOT NULL, `name` varchar(120) NOT NULL, `departement` varchar(3) NOT NULL, PRIMARY KEY (`code`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `professional` (`id` int NOT NULL AUTO_INCREMENT, `am_number` varchar(9) NOT NULL, `rpps` varchar(11) NULL, `adeli` varchar(9) NULL, `last_name` varchar(100) NOT NULL, `first_name` varchar(100) NOT NULL, `search_name` varchar(201) NOT NULL, `profession` varchar(32) NOT NULL, `specialty` varchar(64) NULL, `caisse_code` varchar(3) NOT NULL, `address_line` varchar(200) NOT NULL, `postal_code` varchar(5) NOT NULL, `commune` varchar(100) NOT NULL, `commune_key` varchar(100) NOT NULL, `installation_date` date NULL, `email` varchar(200) NULL, `phone` varchar(20) NULL, `uses_amelipro` tinyint NOT NULL DEFAULT 1, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_professional_commune` (`commune_key`, `id`), INDEX `idx_professional_caisse_profession` (`caisse_code`, `profession`, `id`), INDEX `idx_professional_caisse_search` (`caisse_code`, `search_name`, `id`), INDEX `idx_professional_search` (`search_name`, `id`), UNIQUE INDEX `IDX_e34163c5dbbdb1490280166648` (`am_number`), UNIQUE INDEX `IDX_85d087d51d604a6c176d166bbc` (`rpps`), UNIQUE INDEX `IDX_a885ac56d2474ee9b0c1868abf` (`adeli`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `software_publisher` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(120) NOT NULL, UNIQUE INDEX `IDX_604b0e9617ccf694a0afe87f08` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `software` (`id` int NOT NULL AUTO_INCREMENT, `publisher_id` int NOT NULL, `name` varchar(120) NOT NULL, `version` varchar(40) NOT NULL, `dmp_compatible` tinyint NOT NULL DEFAULT 0, `lap_certified` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `uq_software_publisher_name_version` (`publisher_id`, `name`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_software_publisher_name_version` ON `software`");
    await queryRunner.query("DROP TABLE `software`");
    await queryRunner.query("DROP INDEX `IDX_604b0e9617ccf694a0afe87f08` ON `software_publisher`");
    await queryRunner.query("DROP TABLE `software_publisher`");
    await queryRunner.query("DROP INDEX `IDX_a885ac56d2474ee9b0c1868abf` ON `professional`");
    await queryRunner.query("DROP INDEX `IDX_85d087d51d604a6c176d166bbc` ON `professional`");
    await queryRunner.query("DROP INDEX `IDX_e34163c5dbbdb1490280166648` ON `professional`");
    await queryRunner.query("DROP INDEX `idx_professional_search` ON `professional`");
    await queryRunner.query("DROP INDEX `idx_professional_caisse_search` ON `professional`");
    await queryRunner.query("DROP INDEX `idx_professional_caisse_profession` ON `professional`");
    await queryRunner.query("DROP INDEX `idx_professional_commune` ON `professional`");
    await queryRunner.query("DROP TABLE `professional`");
    await queryRunner.query("DROP TABLE `caisse`");
    await queryRunner.query("DROP INDEX `uq_payment_reference` ON `payment`");
    await queryRunner.query("DROP INDEX `idx_payment_professional` ON `payment`");
    await queryRunner.query("DROP INDEX `idx_payment_campaign_caisse` ON `payment`");
    await queryRunner.query("DROP TABLE `payment`");
    await queryRunner.query("DROP INDEX `idx_justificatif_history` ON `justificatif_history`");
    await queryRunner.query("DROP TABLE `justificatif_history`");
    await queryRunner.query("DROP INDEX `idx_justificatif_queue` ON `justificatif`");
    await queryRunner.query("DROP INDEX `idx_justificatif_assignee` ON `justificatif`");
    await queryRunner.query("DROP INDEX `idx_justificatif_professional` ON `justificatif`");
    await queryRunner.query("DROP INDEX `idx_justificatif_family` ON `justificatif`");
    await queryRunner.query("DROP TABLE `justificatif`");
    await queryRunner.query("DROP TABLE `stored_file`");
    await queryRunner.query("DROP INDEX `uq_value_declaration_indicator` ON `indicator_value`");
    await queryRunner.query("DROP INDEX `idx_value_campaign_indicator_achievement` ON `indicator_value`");
    await queryRunner.query("DROP INDEX `idx_value_professional` ON `indicator_value`");
    await queryRunner.query("DROP TABLE `indicator_value`");
    await queryRunner.query("DROP INDEX `idx_transmission_declaration` ON `declaration_transmission`");
    await queryRunner.query("DROP TABLE `declaration_transmission`");
    await queryRunner.query("DROP INDEX `uq_declaration_professional_campaign` ON `declaration`");
    await queryRunner.query("DROP INDEX `idx_declaration_campaign_scope` ON `declaration`");
    await queryRunner.query("DROP TABLE `declaration`");
    await queryRunner.query("DROP INDEX `idx_contact_professional` ON `contact_log`");
    await queryRunner.query("DROP TABLE `contact_log`");
    await queryRunner.query("DROP INDEX `uq_indicator_campaign_code` ON `indicator`");
    await queryRunner.query("DROP TABLE `indicator`");
    await queryRunner.query("DROP INDEX `uq_campaign_year_scheme` ON `campaign`");
    await queryRunner.query("DROP TABLE `campaign`");
    await queryRunner.query("DROP TABLE `audit_head`");
    await queryRunner.query("DROP INDEX `idx_audit_agent` ON `audit_event`");
    await queryRunner.query("DROP INDEX `idx_audit_target` ON `audit_event`");
    await queryRunner.query("DROP TABLE `audit_event`");
    await queryRunner.query("DROP INDEX `idx_login_attempt_email` ON `login_attempt`");
    await queryRunner.query("DROP INDEX `idx_login_attempt_ip` ON `login_attempt`");
    await queryRunner.query("DROP TABLE `login_attempt`");
    await queryRunner.query("DROP INDEX `idx_session_agent` ON `agent_session`");
    await queryRunner.query("DROP TABLE `agent_session`");
    await queryRunner.query("DROP INDEX `IDX_c8e51500f3876fa1bbd4483ecc` ON `agent`");
    await queryRunner.query("DROP TABLE `agent`");
  }
}
