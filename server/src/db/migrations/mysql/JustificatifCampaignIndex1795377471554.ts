import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JustificatifCampaignIndex1795377471554 implements MigrationInterface {
  name = 'JustificatifCampaignIndex1795377471554';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `idx_justificatif_campaign_status` ON `justificatif` (`campaign_id`, `status`, `caisse_code`, `profession`, `received_at`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_justificatif_campaign_status` ON `justificatif`");
  }
}
