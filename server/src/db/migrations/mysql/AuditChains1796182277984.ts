import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChains1796182277984 implements MigrationInterface {
  name = 'AuditChains1796182277984';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_chain` (`chain` varchar(8) NOT NULL, `last_seq` int NOT NULL, `last_id` int NOT NULL, `last_hash` varchar(64) NOT NULL, PRIMARY KEY (`chain`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `lease` (`name` varchar(40) NOT NULL, `holder` varchar(80) NOT NULL, `expires_at` datetime NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `audit_event` ADD `chain` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `audit_event` ADD `chain_seq` int NULL");
    await queryRunner.query("ALTER TABLE `audit_event` CHANGE `prev_hash` `prev_hash` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `audit_event` CHANGE `hash` `hash` varchar(64) NULL");
    await queryRunner.query("CREATE INDEX `idx_audit_unlinked` ON `audit_event` (`chain_seq`, `id`)");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_audit_chain_seq` ON `audit_event` (`chain`, `chain_seq`)");
    // Existing events form the single chain of before: kept as the frozen 'legacy' chain, still verified
    // (its hashes are unchanged), with its head; new events go to per-caisse chains.
    await queryRunner.query("UPDATE `audit_event` SET `chain` = 'legacy', `chain_seq` = `id`");
    await queryRunner.query("INSERT INTO `audit_chain` (`chain`, `last_seq`, `last_id`, `last_hash`) SELECT 'legacy', `last_id`, `last_id`, `last_hash` FROM `audit_head` WHERE `last_id` > 0");
    await queryRunner.query("DROP TABLE `audit_head`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to the single chain: only its (legacy) events fit in it; events recorded since are dropped.
    await queryRunner.query("CREATE TABLE `audit_head` (`id` int NOT NULL, `last_id` int NOT NULL, `last_hash` varchar(64) NOT NULL, PRIMARY KEY (`id`))");
    await queryRunner.query("INSERT INTO `audit_head` (`id`, `last_id`, `last_hash`) SELECT 1, `last_id`, `last_hash` FROM `audit_chain` WHERE `chain` = 'legacy'");
    await queryRunner.query("INSERT INTO `audit_head` (`id`, `last_id`, `last_hash`) SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM `audit_head`)");
    await queryRunner.query("DELETE FROM `audit_event` WHERE `chain` IS NULL OR `chain` <> 'legacy'");
    await queryRunner.query("DROP INDEX `uq_audit_chain_seq` ON `audit_event`");
    await queryRunner.query("DROP INDEX `idx_audit_unlinked` ON `audit_event`");
    await queryRunner.query("ALTER TABLE `audit_event` CHANGE `hash` `hash` varchar(64) NOT NULL");
    await queryRunner.query("ALTER TABLE `audit_event` CHANGE `prev_hash` `prev_hash` varchar(64) NOT NULL");
    await queryRunner.query("ALTER TABLE `audit_event` DROP COLUMN `chain_seq`");
    await queryRunner.query("ALTER TABLE `audit_event` DROP COLUMN `chain`");
    await queryRunner.query("DROP TABLE `lease`");
    await queryRunner.query("DROP TABLE `audit_chain`");
  }
}
