import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditProfessional1795347876061 implements MigrationInterface {
  name = 'AuditProfessional1795347876061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_event` ADD `professional_id` int NULL");
    await queryRunner.query("CREATE INDEX `idx_audit_caisse` ON `audit_event` (`caisse_code`, `id`)");
    await queryRunner.query("CREATE INDEX `idx_audit_professional` ON `audit_event` (`professional_id`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_audit_professional` ON `audit_event`");
    await queryRunner.query("DROP INDEX `idx_audit_caisse` ON `audit_event`");
    await queryRunner.query("ALTER TABLE `audit_event` DROP COLUMN `professional_id`");
  }
}
