import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferentielAdministration1796184145853 implements MigrationInterface {
  name = 'ReferentielAdministration1796184145853';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"referentiel_change\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(16) NOT NULL, \"target_id\" varchar(40) NOT NULL, \"revision\" integer NOT NULL, \"agent_id\" integer, \"at\" datetime NOT NULL, \"before\" text, \"after\" text NOT NULL, \"reevaluated\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"idx_referentiel_change_target\" ON \"referentiel_change\" (\"kind\", \"target_id\", \"id\") ");
    await queryRunner.query("DROP INDEX \"uq_software_publisher_name_version\"");
    await queryRunner.query("CREATE TABLE \"temporary_software\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publisher_id\" integer NOT NULL, \"name\" varchar(120) NOT NULL, \"version\" varchar(40) NOT NULL, \"dmp_compatible\" boolean NOT NULL DEFAULT (0), \"lap_certified\" boolean NOT NULL DEFAULT (0), \"dmp_compatible_since\" date, \"revision\" integer NOT NULL DEFAULT (1), \"updated_by_agent_id\" integer, \"updated_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_software\"(\"id\", \"publisher_id\", \"name\", \"version\", \"dmp_compatible\", \"lap_certified\") SELECT \"id\", \"publisher_id\", \"name\", \"version\", \"dmp_compatible\", \"lap_certified\" FROM \"software\"");
    await queryRunner.query("DROP TABLE \"software\"");
    await queryRunner.query("ALTER TABLE \"temporary_software\" RENAME TO \"software\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_software_publisher_name_version\" ON \"software\" (\"publisher_id\", \"name\", \"version\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_software_publisher_name_version\"");
    await queryRunner.query("ALTER TABLE \"software\" RENAME TO \"temporary_software\"");
    await queryRunner.query("CREATE TABLE \"software\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publisher_id\" integer NOT NULL, \"name\" varchar(120) NOT NULL, \"version\" varchar(40) NOT NULL, \"dmp_compatible\" boolean NOT NULL DEFAULT (0), \"lap_certified\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"software\"(\"id\", \"publisher_id\", \"name\", \"version\", \"dmp_compatible\", \"lap_certified\") SELECT \"id\", \"publisher_id\", \"name\", \"version\", \"dmp_compatible\", \"lap_certified\" FROM \"temporary_software\"");
    await queryRunner.query("DROP TABLE \"temporary_software\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_software_publisher_name_version\" ON \"software\" (\"publisher_id\", \"name\", \"version\") ");
    await queryRunner.query("DROP INDEX \"idx_referentiel_change_target\"");
    await queryRunner.query("DROP TABLE \"referentiel_change\"");
  }
}
