import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The computation's frozen snapshot moves from a JSON column of `declaration` to a table of its own
 * (one row per declaration, written by multi-row inserts), filled from the existing column.
 */
export class DeclarationSnapshot1796207097026 implements MigrationInterface {
  name = 'DeclarationSnapshot1796207097026';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `declaration_snapshot` (`declaration_id` int NOT NULL, `campaign_id` int NOT NULL, `snapshot` text NOT NULL, INDEX `idx_declaration_snapshot_campaign` (`campaign_id`, `declaration_id`), PRIMARY KEY (`declaration_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'INSERT INTO `declaration_snapshot` (`declaration_id`, `campaign_id`, `snapshot`) SELECT `id`, `campaign_id`, `computed_snapshot` FROM `declaration` WHERE `computed_snapshot` IS NOT NULL ORDER BY `id`',
    );
    await queryRunner.query('ALTER TABLE `declaration` DROP COLUMN `computed_snapshot`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `declaration` ADD `computed_snapshot` text NULL');
    await queryRunner.query(
      'UPDATE `declaration` d INNER JOIN `declaration_snapshot` s ON s.`declaration_id` = d.`id` SET d.`computed_snapshot` = s.`snapshot`',
    );
    await queryRunner.query('DROP INDEX `idx_declaration_snapshot_campaign` ON `declaration_snapshot`');
    await queryRunner.query('DROP TABLE `declaration_snapshot`');
  }
}
