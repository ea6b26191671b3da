import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Communications1796182152067 implements MigrationInterface {
  name = 'Communications1796182152067';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"communication\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"professional_id\" integer NOT NULL, \"campaign_id\" integer, \"kind\" varchar(32) NOT NULL, \"channel\" varchar(8) NOT NULL, \"status\" varchar(8) NOT NULL, \"recipient_email\" varchar(200), \"recipient_address\" text NOT NULL, \"subject\" varchar(300) NOT NULL, \"body\" text NOT NULL, \"letterhead\" text NOT NULL, \"justificatif_id\" integer, \"wave_id\" integer, \"created_by_agent_id\" integer, \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime NOT NULL, \"claim_token\" varchar(36), \"claimed_until\" datetime, \"last_error\" varchar(1000), \"sent_at\" datetime, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_communication_wave_professional\" ON \"communication\" (\"wave_id\", \"professional_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_communication_professional\" ON \"communication\" (\"professional_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_communication_due\" ON \"communication\" (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE TABLE \"relance_wave\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"idempotency_key\" varchar(64) NOT NULL, \"campaign_id\" integer NOT NULL, \"situation\" varchar(32) NOT NULL, \"kind\" varchar(32) NOT NULL, \"caisse_codes\" text NOT NULL, \"professions\" text NOT NULL, \"min_age_days\" integer, \"exclude_within_days\" integer NOT NULL, \"launched_by_agent_id\" integer NOT NULL, \"launched_at\" datetime NOT NULL, \"target_count\" integer NOT NULL, \"excluded_count\" integer NOT NULL, CONSTRAINT \"UQ_cc2d7565e78c492d2c79b2948a5\" UNIQUE (\"idempotency_key\"))");
    await queryRunner.query("CREATE INDEX \"idx_relance_wave_campaign\" ON \"relance_wave\" (\"campaign_id\", \"launched_at\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_relance_wave_campaign\"");
    await queryRunner.query("DROP TABLE \"relance_wave\"");
    await queryRunner.query("DROP INDEX \"idx_communication_due\"");
    await queryRunner.query("DROP INDEX \"idx_communication_professional\"");
    await queryRunner.query("DROP INDEX \"uq_communication_wave_professional\"");
    await queryRunner.query("DROP TABLE \"communication\"");
  }
}
