import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * campaign_run.total_cents becomes a BIGINT: a national campaign's total passes 2³¹ cents. One table rebuild
 * (SQLite cannot alter a column's type) that copies every column, total_cents included.
 */
export class CampaignRunTotalBigint1796213144538 implements MigrationInterface {
  name = 'CampaignRunTotalBigint1796213144538';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_campaign_run_campaign\"");
    await queryRunner.query("CREATE TABLE \"temporary_campaign_run\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"campaign_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"agent_id\" integer, \"forced\" boolean NOT NULL DEFAULT (0), \"reason\" text, \"received_pieces\" integer NOT NULL DEFAULT (0), \"total_declarations\" integer NOT NULL DEFAULT (0), \"processed_declarations\" integer NOT NULL DEFAULT (0), \"last_declaration_id\" integer NOT NULL DEFAULT (0), \"batches_committed\" integer NOT NULL DEFAULT (0), \"total_cents\" bigint NOT NULL DEFAULT (0), \"error_message\" text, \"started_at\" datetime NOT NULL, \"heartbeat_at\" datetime NOT NULL, \"finished_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_campaign_run\"(\"id\", \"campaign_id\", \"status\", \"agent_id\", \"forced\", \"reason\", \"received_pieces\", \"total_declarations\", \"processed_declarations\", \"last_declaration_id\", \"batches_committed\", \"total_cents\", \"error_message\", \"started_at\", \"heartbeat_at\", \"finished_at\") SELECT \"id\", \"campaign_id\", \"status\", \"agent_id\", \"forced\", \"reason\", \"received_pieces\", \"total_declarations\", \"processed_declarations\", \"last_declaration_id\", \"batches_committed\", \"total_cents\", \"error_message\", \"started_at\", \"heartbeat_at\", \"finished_at\" FROM \"campaign_run\"");
    await queryRunner.query("DROP TABLE \"campaign_run\"");
    await queryRunner.query("ALTER TABLE \"temporary_campaign_run\" RENAME TO \"campaign_run\"");
    await queryRunner.query("CREATE INDEX \"idx_campaign_run_campaign\" ON \"campaign_run\" (\"campaign_id\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_campaign_run_campaign\"");
    await queryRunner.query("CREATE TABLE \"temporary_campaign_run\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"campaign_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"agent_id\" integer, \"forced\" boolean NOT NULL DEFAULT (0), \"reason\" text, \"received_pieces\" integer NOT NULL DEFAULT (0), \"total_declarations\" integer NOT NULL DEFAULT (0), \"processed_declarations\" integer NOT NULL DEFAULT (0), \"last_declaration_id\" integer NOT NULL DEFAULT (0), \"batches_committed\" integer NOT NULL DEFAULT (0), \"total_cents\" integer NOT NULL DEFAULT (0), \"error_message\" text, \"started_at\" datetime NOT NULL, \"heartbeat_at\" datetime NOT NULL, \"finished_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_campaign_run\"(\"id\", \"campaign_id\", \"status\", \"agent_id\", \"forced\", \"reason\", \"received_pieces\", \"total_declarations\", \"processed_declarations\", \"last_declaration_id\", \"batches_committed\", \"total_cents\", \"error_message\", \"started_at\", \"heartbeat_at\", \"finished_at\") SELECT \"id\", \"campaign_id\", \"status\", \"agent_id\", \"forced\", \"reason\", \"received_pieces\", \"total_declarations\", \"processed_declarations\", \"last_declaration_id\", \"batches_committed\", \"total_cents\", \"error_message\", \"started_at\", \"heartbeat_at\", \"finished_at\" FROM \"campaign_run\"");
    await queryRunner.query("DROP TABLE \"campaign_run\"");
    await queryRunner.query("ALTER TABLE \"temporary_campaign_run\" RENAME TO \"campaign_run\"");
    await queryRunner.query("CREATE INDEX \"idx_campaign_run_campaign\" ON \"campaign_run\" (\"campaign_id\", \"id\") ");
  }
}
