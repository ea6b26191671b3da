import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentPeriodLabelLength1795351528108 implements MigrationInterface {
  name = 'PaymentPeriodLabelLength1795351528108';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_campaign_year_scheme\"");
    await queryRunner.query("CREATE TABLE \"temporary_campaign\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"reference_year\" integer NOT NULL, \"scheme\" varchar(32) NOT NULL, \"label\" varchar(200) NOT NULL, \"professions\" text NOT NULL, \"opens_on\" date NOT NULL, \"planned_closes_on\" date NOT NULL, \"closes_on\" date NOT NULL, \"payment_date\" date, \"payment_period_label\" varchar(200) NOT NULL, \"status\" varchar(32) NOT NULL, \"conventions\" text NOT NULL, \"settings\" text NOT NULL, \"remuneration\" text NOT NULL, \"sources\" text NOT NULL, \"referentiel_version\" varchar(20) NOT NULL, \"computed_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_campaign\"(\"id\", \"reference_year\", \"scheme\", \"label\", \"professions\", \"opens_on\", \"planned_closes_on\", \"closes_on\", \"payment_date\", \"payment_period_label\", \"status\", \"conventions\", \"settings\", \"remuneration\", \"sources\", \"referentiel_version\", \"computed_at\") SELECT \"id\", \"reference_year\", \"scheme\", \"label\", \"professions\", \"opens_on\", \"planned_closes_on\", \"closes_on\", \"payment_date\", \"payment_period_label\", \"status\", \"conventions\", \"settings\", \"remuneration\", \"sources\", \"referentiel_version\", \"computed_at\" FROM \"campaign\"");
    await queryRunner.query("DROP TABLE \"campaign\"");
    await queryRunner.query("ALTER TABLE \"temporary_campaign\" RENAME TO \"campaign\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_campaign_year_scheme\" ON \"campaign\" (\"reference_year\", \"scheme\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_campaign_year_scheme\"");
    await queryRunner.query("ALTER TABLE \"campaign\" RENAME TO \"temporary_campaign\"");
    await queryRunner.query("CREATE TABLE \"campaign\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"reference_year\" integer NOT NULL, \"scheme\" varchar(32) NOT NULL, \"label\" varchar(200) NOT NULL, \"professions\" text NOT NULL, \"opens_on\" date NOT NULL, \"planned_closes_on\" date NOT NULL, \"closes_on\" date NOT NULL, \"payment_date\" date, \"payment_period_label\" varchar(100) NOT NULL, \"status\" varchar(32) NOT NULL, \"conventions\" text NOT NULL, \"settings\" text NOT NULL, \"remuneration\" text NOT NULL, \"sources\" text NOT NULL, \"referentiel_version\" varchar(20) NOT NULL, \"computed_at\" datetime)");
    await queryRunner.query("INSERT INTO \"campaign\"(\"id\", \"reference_year\", \"scheme\", \"label\", \"professions\", \"opens_on\", \"planned_closes_on\", \"closes_on\", \"payment_date\", \"payment_period_label\", \"status\", \"conventions\", \"settings\", \"remuneration\", \"sources\", \"referentiel_version\", \"computed_at\") SELECT \"id\", \"reference_year\", \"scheme\", \"label\", \"professions\", \"opens_on\", \"planned_closes_on\", \"closes_on\", \"payment_date\", \"payment_period_label\", \"status\", \"conventions\", \"settings\", \"remuneration\", \"sources\", \"referentiel_version\", \"computed_at\" FROM \"temporary_campaign\"");
    await queryRunner.query("DROP TABLE \"temporary_campaign\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_campaign_year_scheme\" ON \"campaign\" (\"reference_year\", \"scheme\") ");
  }
}
