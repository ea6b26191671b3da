import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignLifecycle1796181974967 implements MigrationInterface {
  name = 'CampaignLifecycle1796181974967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "campaign_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "status" varchar(16) NOT NULL, "agent_id" integer, "forced" boolean NOT NULL DEFAULT (0), "reason" text, "received_pieces" integer NOT NULL DEFAULT (0), "total_declarations" integer NOT NULL DEFAULT (0), "processed_declarations" integer NOT NULL DEFAULT (0), "last_declaration_id" integer NOT NULL DEFAULT (0), "batches_committed" integer NOT NULL DEFAULT (0), "total_cents" integer NOT NULL DEFAULT (0), "error_message" text, "started_at" datetime NOT NULL, "heartbeat_at" datetime NOT NULL, "finished_at" datetime)',
    );
    await queryRunner.query('CREATE INDEX "idx_campaign_run_campaign" ON "campaign_run" ("campaign_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "campaign_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "from_status" varchar(16) NOT NULL, "to_status" varchar(16) NOT NULL, "agent_id" integer, "at" datetime NOT NULL, "reason" text, "details" text, "command" varchar(16))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_campaign_history_campaign" ON "campaign_history" ("campaign_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regularisation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "professional_id" integer NOT NULL, "caisse_code" varchar(3) NOT NULL, "declaration_id" integer NOT NULL, "previous_due_cents" integer NOT NULL, "new_due_cents" integer NOT NULL, "amount_cents" integer NOT NULL, "reason" text NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(40), "agent_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_regularisation_professional" ON "regularisation" ("professional_id", "campaign_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_regularisation_campaign_caisse" ON "regularisation" ("campaign_id", "caisse_code", "id") ',
    );
    await queryRunner.query('DROP INDEX "uq_campaign_year_scheme"');
    await queryRunner.query(
      'CREATE TABLE "temporary_campaign" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference_year" integer NOT NULL, "scheme" varchar(32) NOT NULL, "label" varchar(200) NOT NULL, "professions" text NOT NULL, "opens_on" date NOT NULL, "planned_closes_on" date NOT NULL, "closes_on" date NOT NULL, "payment_date" date, "payment_period_label" varchar(200) NOT NULL, "status" varchar(32) NOT NULL, "conventions" text NOT NULL, "settings" text NOT NULL, "remuneration" text NOT NULL, "sources" text NOT NULL, "referentiel_version" varchar(20) NOT NULL, "computed_at" datetime, "version" integer NOT NULL DEFAULT (1), "compute_run_id" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_campaign"("id", "reference_year", "scheme", "label", "professions", "opens_on", "planned_closes_on", "closes_on", "payment_date", "payment_period_label", "status", "conventions", "settings", "remuneration", "sources", "referentiel_version", "computed_at") SELECT "id", "reference_year", "scheme", "label", "professions", "opens_on", "planned_closes_on", "closes_on", "payment_date", "payment_period_label", "status", "conventions", "settings", "remuneration", "sources", "referentiel_version", "computed_at" FROM "campaign"',
    );
    await queryRunner.query('DROP TABLE "campaign"');
    await queryRunner.query('ALTER TABLE "temporary_campaign" RENAME TO "campaign"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_campaign_year_scheme" ON "campaign" ("reference_year", "scheme") ',
    );
    await queryRunner.query('DROP INDEX "uq_declaration_professional_campaign"');
    await queryRunner.query('DROP INDEX "idx_declaration_campaign_scope"');
    await queryRunner.query(
      'CREATE TABLE "temporary_declaration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "professional_id" integer NOT NULL, "campaign_id" integer NOT NULL, "caisse_code" varchar(3) NOT NULL, "profession" varchar(32) NOT NULL, "status" varchar(32) NOT NULL, "first_transmitted_at" datetime, "last_transmitted_at" datetime, "transmission_count" integer NOT NULL DEFAULT (0), "last_channel" varchar(16), "honour_attestation" boolean NOT NULL DEFAULT (0), "conditions_acknowledged" boolean NOT NULL DEFAULT (0), "projected_remuneration_cents" integer NOT NULL DEFAULT (0), "computed_remuneration_cents" integer, "version" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "computed_snapshot" text)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_declaration"("id", "professional_id", "campaign_id", "caisse_code", "profession", "status", "first_transmitted_at", "last_transmitted_at", "transmission_count", "last_channel", "honour_attestation", "conditions_acknowledged", "projected_remuneration_cents", "computed_remuneration_cents", "version", "created_at", "updated_at") SELECT "id", "professional_id", "campaign_id", "caisse_code", "profession", "status", "first_transmitted_at", "last_transmitted_at", "transmission_count", "last_channel", "honour_attestation", "conditions_acknowledged", "projected_remuneration_cents", "computed_remuneration_cents", "version", "created_at", "updated_at" FROM "declaration"',
    );
    await queryRunner.query('DROP TABLE "declaration"');
    await queryRunner.query('ALTER TABLE "temporary_declaration" RENAME TO "declaration"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_declaration_professional_campaign" ON "declaration" ("professional_id", "campaign_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_declaration_campaign_scope" ON "declaration" ("campaign_id", "caisse_code", "profession", "status") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_declaration_campaign_scope"');
    await queryRunner.query('DROP INDEX "uq_declaration_professional_campaign"');
    await queryRunner.query('ALTER TABLE "declaration" RENAME TO "temporary_declaration"');
    await queryRunner.query(
      'CREATE TABLE "declaration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "professional_id" integer NOT NULL, "campaign_id" integer NOT NULL, "caisse_code" varchar(3) NOT NULL, "profession" varchar(32) NOT NULL, "status" varchar(32) NOT NULL, "first_transmitted_at" datetime, "last_transmitted_at" datetime, "transmission_count" integer NOT NULL DEFAULT (0), "last_channel" varchar(16), "honour_attestation" boolean NOT NULL DEFAULT (0), "conditions_acknowledged" boolean NOT NULL DEFAULT (0), "projected_remuneration_cents" integer NOT NULL DEFAULT (0), "computed_remuneration_cents" integer, "version" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "declaration"("id", "professional_id", "campaign_id", "caisse_code", "profession", "status", "first_transmitted_at", "last_transmitted_at", "transmission_count", "last_channel", "honour_attestation", "conditions_acknowledged", "projected_remuneration_cents", "computed_remuneration_cents", "version", "created_at", "updated_at") SELECT "id", "professional_id", "campaign_id", "caisse_code", "profession", "status", "first_transmitted_at", "last_transmitted_at", "transmission_count", "last_channel", "honour_attestation", "conditions_acknowledged", "projected_remuneration_cents", "computed_remuneration_cents", "version", "created_at", "updated_at" FROM "temporary_declaration"',
    );
    await queryRunner.query('DROP TABLE "temporary_declaration"');
    await queryRunner.query(
      'CREATE INDEX "idx_declaration_campaign_scope" ON "declaration" ("campaign_id", "caisse_code", "profession", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_declaration_professional_campaign" ON "declaration" ("professional_id", "campaign_id") ',
    );
    await queryRunner.query('DROP INDEX "uq_campaign_year_scheme"');
    await queryRunner.query('ALTER TABLE "campaign" RENAME TO "temporary_campaign"');
    await queryRunner.query(
      'CREATE TABLE "campaign" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference_year" integer NOT NULL, "scheme" varchar(32) NOT NULL, "label" varchar(200) NOT NULL, "professions" text NOT NULL, "opens_on" date NOT NULL, "planned_closes_on" date NOT NULL, "closes_on" date NOT NULL, "payment_date" date, "payment_period_label" varchar(200) NOT NULL, "status" varchar(32) NOT NULL, "conventions" text NOT NULL, "settings" text NOT NULL, "remuneration" text NOT NULL, "sources" text NOT NULL, "referentiel_version" varchar(20) NOT NULL, "computed_at" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "campaign"("id", "reference_year", "scheme", "label", "professions", "opens_on", "planned_closes_on", "closes_on", "payment_date", "payment_period_label", "status", "conventions", "settings", "remuneration", "sources", "referentiel_version", "computed_at") SELECT "id", "reference_year", "scheme", "label", "professions", "opens_on", "planned_closes_on", "closes_on", "payment_date", "payment_period_label", "status", "conventions", "settings", "remuneration", "sources", "referentiel_version", "computed_at" FROM "temporary_campaign"',
    );
    await queryRunner.query('DROP TABLE "temporary_campaign"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_campaign_year_scheme" ON "campaign" ("reference_year", "scheme") ',
    );
    await queryRunner.query('DROP INDEX "idx_regularisation_campaign_caisse"');
    await queryRunner.query('DROP INDEX "idx_regularisation_professional"');
    await queryRunner.query('DROP TABLE "regularisation"');
    await queryRunner.query('DROP INDEX "idx_campaign_history_campaign"');
    await queryRunner.query('DROP TABLE "campaign_history"');
    await queryRunner.query('DROP INDEX "idx_campaign_run_campaign"');
    await queryRunner.query('DROP TABLE "campaign_run"');
  }
}
