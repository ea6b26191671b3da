import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ControlRequestCommunication1796193314164 implements MigrationInterface {
  name = 'ControlRequestCommunication1796193314164';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "control_case" ADD COLUMN "request_communication_id" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "control_case" DROP COLUMN "request_communication_id"');
  }
}
