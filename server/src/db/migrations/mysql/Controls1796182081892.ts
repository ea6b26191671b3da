import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Controls1796182081892 implements MigrationInterface {
  name = 'Controls1796182081892';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `control_plan` (`id` int NOT NULL AUTO_INCREMENT, `campaign_id` int NOT NULL, `caisse_code` varchar(3) NULL, `label` varchar(200) NOT NULL, `seed` varchar(100) NOT NULL, `rate_percent_times100` int NULL, `size` int NULL, `professions` text NOT NULL, `indicator_codes` text NOT NULL, `include_prefilled` tinyint NOT NULL DEFAULT 0, `population_count` int NOT NULL, `excluded_count` int NOT NULL, `strata` text NOT NULL, `case_count` int NOT NULL, `response_days` int NOT NULL, `created_by_agent_id` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_control_plan_campaign` (`campaign_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `control_case` (`id` int NOT NULL AUTO_INCREMENT, `plan_id` int NOT NULL, `campaign_id` int NOT NULL, `professional_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `profession` varchar(32) NOT NULL, `indicator_codes` text NOT NULL, `status` varchar(24) NOT NULL, `opened_at` datetime NOT NULL, `assigned_agent_id` int NULL, `assigned_at` datetime NULL, `pieces_requested_at` datetime NULL, `request_channel` varchar(16) NULL, `request_delivery` varchar(16) NULL, `response_deadline` date NULL, `pieces` text NULL, `concluded_at` datetime NULL, `concluded_by_agent_id` int NULL, `findings` text NULL, `comment` text NULL, `indu_cents` int NULL, `indu_lines` text NULL, `indu_reason` varchar(400) NULL, `version` int NOT NULL DEFAULT '1', INDEX `idx_control_case_plan` (`plan_id`, `id`), INDEX `idx_control_case_professional` (`professional_id`, `campaign_id`), INDEX `idx_control_case_campaign` (`campaign_id`, `status`, `caisse_code`, `profession`, `opened_at`), INDEX `idx_control_case_assignee` (`assigned_agent_id`, `status`, `opened_at`, `id`), INDEX `idx_control_case_queue` (`status`, `caisse_code`, `opened_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `control_item` (`id` int NOT NULL AUTO_INCREMENT, `case_id` int NOT NULL, `campaign_id` int NOT NULL, `professional_id` int NOT NULL, `indicator_code` varchar(40) NOT NULL, `finding` varchar(400) NULL, INDEX `idx_control_item_case` (`case_id`), INDEX `idx_control_item_professional` (`professional_id`, `campaign_id`), UNIQUE INDEX `uq_control_item_unit` (`campaign_id`, `indicator_code`, `professional_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `control_case_history` (`id` int NOT NULL AUTO_INCREMENT, `case_id` int NOT NULL, `action` varchar(24) NOT NULL, `from_status` varchar(24) NULL, `to_status` varchar(24) NOT NULL, `agent_id` int NULL, `at` datetime NOT NULL, `details` text NULL, INDEX `idx_control_case_history` (`case_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_control_case_history` ON `control_case_history`");
    await queryRunner.query("DROP TABLE `control_case_history`");
    await queryRunner.query("DROP INDEX `uq_control_item_unit` ON `control_item`");
    await queryRunner.query("DROP INDEX `idx_control_item_professional` ON `control_item`");
    await queryRunner.query("DROP INDEX `idx_control_item_case` ON `control_item`");
    await queryRunner.query("DROP TABLE `control_item`");
    await queryRunner.query("DROP INDEX `idx_control_case_queue` ON `control_case`");
    await queryRunner.query("DROP INDEX `idx_control_case_assignee` ON `control_case`");
    await queryRunner.query("DROP INDEX `idx_control_case_campaign` ON `control_case`");
    await queryRunner.query("DROP INDEX `idx_control_case_professional` ON `control_case`");
    await queryRunner.query("DROP INDEX `idx_control_case_plan` ON `control_case`");
    await queryRunner.query("DROP TABLE `control_case`");
    await queryRunner.query("DROP INDEX `idx_control_plan_campaign` ON `control_plan`");
    await queryRunner.query("DROP TABLE `control_plan`");
  }
}
