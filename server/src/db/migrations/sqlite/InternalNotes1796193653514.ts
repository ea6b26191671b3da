import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InternalNotes1796193653514 implements MigrationInterface {
  name = 'InternalNotes1796193653514';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "internal_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "caisse_code" varchar(3) NOT NULL, "professional_id" integer NOT NULL, "justificatif_id" integer, "agent_id" integer NOT NULL, "at" datetime NOT NULL, "body" text NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_internal_note_professional" ON "internal_note" ("professional_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_internal_note_justificatif" ON "internal_note" ("justificatif_id", "at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_internal_note_justificatif"');
    await queryRunner.query('DROP INDEX "idx_internal_note_professional"');
    await queryRunner.query('DROP TABLE "internal_note"');
  }
}
