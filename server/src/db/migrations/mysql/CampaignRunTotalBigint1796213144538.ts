import type { MigrationInterface, QueryRunner } from 'typeorm';

/** campaign_run.total_cents becomes a BIGINT (a national campaign's total passes 2³¹ cents); values kept. */
export class CampaignRunTotalBigint1796213144538 implements MigrationInterface {
  name = 'CampaignRunTotalBigint1796213144538';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `campaign_run` MODIFY `total_cents` bigint NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `campaign_run` MODIFY `total_cents` int NOT NULL DEFAULT 0");
  }
}
