import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue knows the secure messaging each software version offers (issue 15). */
export class SoftwareMessagingType1796193270887 implements MigrationInterface {
  name = 'SoftwareMessagingType1796193270887';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `software` ADD `messaging_type` varchar(32) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `software` DROP COLUMN `messaging_type`");
  }
}
