import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Precheck1796193243201 implements MigrationInterface {
  name = 'Precheck1796193243201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"precheck\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"justificatif_id\" integer NOT NULL, \"file_id\" varchar(64) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"lease_until\" datetime, \"source\" varchar(8), \"page_count\" integer, \"confidence\" integer, \"findings\" text, \"contradictions\" integer NOT NULL DEFAULT (0), \"ms_per_page\" integer, \"error\" text, \"completed_at\" datetime, \"confirmation\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_precheck_job\" ON \"precheck\" (\"status\", \"lease_until\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_precheck_justificatif\" ON \"precheck\" (\"justificatif_id\") ");
    await queryRunner.query("CREATE TABLE \"precheck_page\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"precheck_id\" integer NOT NULL, \"page\" integer NOT NULL, \"words\" text NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_precheck_page\" ON \"precheck_page\" (\"precheck_id\", \"page\") ");
    await queryRunner.query("ALTER TABLE \"software_publisher\" ADD COLUMN \"aliases\" text");
    await queryRunner.query("ALTER TABLE \"software\" ADD COLUMN \"aliases\" text");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"software\" DROP COLUMN \"aliases\"");
    await queryRunner.query("ALTER TABLE \"software_publisher\" DROP COLUMN \"aliases\"");
    await queryRunner.query("DROP INDEX \"uq_precheck_page\"");
    await queryRunner.query("DROP TABLE \"precheck_page\"");
    await queryRunner.query("DROP INDEX \"uq_precheck_justificatif\"");
    await queryRunner.query("DROP INDEX \"idx_precheck_job\"");
    await queryRunner.query("DROP TABLE \"precheck\"");
  }
}
