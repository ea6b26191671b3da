import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InternalNotes1796193653514 implements MigrationInterface {
  name = 'InternalNotes1796193653514';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `internal_note` (`id` int NOT NULL AUTO_INCREMENT, `caisse_code` varchar(3) NOT NULL, `professional_id` int NOT NULL, `justificatif_id` int NULL, `agent_id` int NOT NULL, `at` datetime NOT NULL, `body` text NOT NULL, INDEX `idx_internal_note_professional` (`professional_id`, `at`), INDEX `idx_internal_note_justificatif` (`justificatif_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_internal_note_justificatif` ON `internal_note`");
    await queryRunner.query("DROP INDEX `idx_internal_note_professional` ON `internal_note`");
    await queryRunner.query("DROP TABLE `internal_note`");
  }
}
