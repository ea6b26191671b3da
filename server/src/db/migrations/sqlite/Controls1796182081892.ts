import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Controls1796182081892 implements MigrationInterface {
  name = 'Controls1796182081892';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"control_plan\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"campaign_id\" integer NOT NULL, \"caisse_code\" varchar(3), \"label\" varchar(200) NOT NULL, \"seed\" varchar(100) NOT NULL, \"rate_percent_times100\" integer, \"size\" integer, \"professions\" text NOT NULL, \"indicator_codes\" text NOT NULL, \"include_prefilled\" boolean NOT NULL DEFAULT (0), \"population_count\" integer NOT NULL, \"excluded_count\" integer NOT NULL, \"strata\" text NOT NULL, \"case_count\" integer NOT NULL, \"response_days\" integer NOT NULL, \"created_by_agent_id\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_control_plan_campaign\" ON \"control_plan\" (\"campaign_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"control_case\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"plan_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"professional_id\" integer NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"profession\" varchar(32) NOT NULL, \"indicator_codes\" text NOT NULL, \"status\" varchar(24) NOT NULL, \"opened_at\" datetime NOT NULL, \"assigned_agent_id\" integer, \"assigned_at\" datetime, \"pieces_requested_at\" datetime, \"request_channel\" varchar(16), \"request_delivery\" varchar(16), \"response_deadline\" date, \"pieces\" text, \"concluded_at\" datetime, \"concluded_by_agent_id\" integer, \"findings\" text, \"comment\" text, \"indu_cents\" integer, \"indu_lines\" text, \"indu_reason\" varchar(400), \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"idx_control_case_plan\" ON \"control_case\" (\"plan_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_control_case_professional\" ON \"control_case\" (\"professional_id\", \"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_control_case_campaign\" ON \"control_case\" (\"campaign_id\", \"status\", \"caisse_code\", \"profession\", \"opened_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_control_case_assignee\" ON \"control_case\" (\"assigned_agent_id\", \"status\", \"opened_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_control_case_queue\" ON \"control_case\" (\"status\", \"caisse_code\", \"opened_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"control_item\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"case_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"professional_id\" integer NOT NULL, \"indicator_code\" varchar(40) NOT NULL, \"finding\" varchar(400))");
    await queryRunner.query("CREATE INDEX \"idx_control_item_case\" ON \"control_item\" (\"case_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_control_item_professional\" ON \"control_item\" (\"professional_id\", \"campaign_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_control_item_unit\" ON \"control_item\" (\"campaign_id\", \"indicator_code\", \"professional_id\") ");
    await queryRunner.query("CREATE TABLE \"control_case_history\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"case_id\" integer NOT NULL, \"action\" varchar(24) NOT NULL, \"from_status\" varchar(24), \"to_status\" varchar(24) NOT NULL, \"agent_id\" integer, \"at\" datetime NOT NULL, \"details\" text)");
    await queryRunner.query("CREATE INDEX \"idx_control_case_history\" ON \"control_case_history\" (\"case_id\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_control_case_history\"");
    await queryRunner.query("DROP TABLE \"control_case_history\"");
    await queryRunner.query("DROP INDEX \"uq_control_item_unit\"");
    await queryRunner.query("DROP INDEX \"idx_control_item_professional\"");
    await queryRunner.query("DROP INDEX \"idx_control_item_case\"");
    await queryRunner.query("DROP TABLE \"control_item\"");
    await queryRunner.query("DROP INDEX \"idx_control_case_queue\"");
    await queryRunner.query("DROP INDEX \"idx_control_case_assignee\"");
    await queryRunner.query("DROP INDEX \"idx_control_case_campaign\"");
    await queryRunner.query("DROP INDEX \"idx_control_case_professional\"");
    await queryRunner.query("DROP INDEX \"idx_control_case_plan\"");
    await queryRunner.query("DROP TABLE \"control_case\"");
    await queryRunner.query("DROP INDEX \"idx_control_plan_campaign\"");
    await queryRunner.query("DROP TABLE \"control_plan\"");
  }
}
