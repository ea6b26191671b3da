import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpinionRequests1796207108992 implements MigrationInterface {
  name = 'OpinionRequests1796207108992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "opinion_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "justificatif_id" integer NOT NULL, "caisse_code" varchar(3) NOT NULL, "professional_id" integer NOT NULL, "asked_by_agent_id" integer NOT NULL, "asked_agent_id" integer NOT NULL, "question" text NOT NULL, "asked_at" datetime NOT NULL, "status" varchar(16) NOT NULL, "answer" text, "answered_at" datetime, "closed_at" datetime)');
    await queryRunner.query('CREATE INDEX "idx_opinion_request_justificatif" ON "opinion_request" ("justificatif_id", "id") ');
    await queryRunner.query('CREATE INDEX "idx_opinion_request_asked" ON "opinion_request" ("asked_agent_id", "status", "justificatif_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_opinion_request_asked"');
    await queryRunner.query('DROP INDEX "idx_opinion_request_justificatif"');
    await queryRunner.query('DROP TABLE "opinion_request"');
  }
}
