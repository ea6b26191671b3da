import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The computation's frozen snapshot moves from a JSON column of `declaration` to a table of its own
 * (one row per declaration, written by multi-row inserts), filled from the existing column. The column
 * is dropped in place (SQLite ≥ 3.35), which keeps the declaration table's triggers.
 */
export class DeclarationSnapshot1796207097026 implements MigrationInterface {
  name = 'DeclarationSnapshot1796207097026';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "declaration_snapshot" ("declaration_id" integer PRIMARY KEY NOT NULL, "campaign_id" integer NOT NULL, "snapshot" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_declaration_snapshot_campaign" ON "declaration_snapshot" ("campaign_id", "declaration_id") ',
    );
    await queryRunner.query(
      'INSERT INTO "declaration_snapshot" ("declaration_id", "campaign_id", "snapshot") SELECT "id", "campaign_id", "computed_snapshot" FROM "declaration" WHERE "computed_snapshot" IS NOT NULL ORDER BY "id"',
    );
    await queryRunner.query('ALTER TABLE "declaration" DROP COLUMN "computed_snapshot"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "declaration" ADD "computed_snapshot" text');
    await queryRunner.query(
      'UPDATE "declaration" SET "computed_snapshot" = (SELECT s."snapshot" FROM "declaration_snapshot" s WHERE s."declaration_id" = "declaration"."id")',
    );
    await queryRunner.query('DROP INDEX "idx_declaration_snapshot_campaign"');
    await queryRunner.query('DROP TABLE "declaration_snapshot"');
  }
}
