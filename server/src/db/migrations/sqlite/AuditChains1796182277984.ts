import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChains1796182277984 implements MigrationInterface {
  name = 'AuditChains1796182277984';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_chain\" (\"chain\" varchar(8) PRIMARY KEY NOT NULL, \"last_seq\" integer NOT NULL, \"last_id\" integer NOT NULL, \"last_hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"lease\" (\"name\" varchar(40) PRIMARY KEY NOT NULL, \"holder\" varchar(80) NOT NULL, \"expires_at\" datetime NOT NULL)");
    await queryRunner.query("DROP INDEX \"idx_audit_professional\"");
    await queryRunner.query("DROP INDEX \"idx_audit_caisse\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"professional_id\" integer, \"chain\" varchar(8), \"chain_seq\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\" FROM \"audit_event\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_event\" RENAME TO \"audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_professional\" ON \"audit_event\" (\"professional_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_caisse\" ON \"audit_event\" (\"caisse_code\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("DROP INDEX \"idx_audit_professional\"");
    await queryRunner.query("DROP INDEX \"idx_audit_caisse\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64), \"hash\" varchar(64), \"professional_id\" integer, \"chain\" varchar(8), \"chain_seq\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\", \"chain\", \"chain_seq\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\", \"chain\", \"chain_seq\" FROM \"audit_event\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_event\" RENAME TO \"audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_professional\" ON \"audit_event\" (\"professional_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_caisse\" ON \"audit_event\" (\"caisse_code\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_unlinked\" ON \"audit_event\" (\"chain_seq\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_audit_chain_seq\" ON \"audit_event\" (\"chain\", \"chain_seq\") ");
    // Existing events form the single chain of before: kept as the frozen 'legacy' chain, still verified
    // (its hashes are unchanged), with its head; new events go to per-caisse chains.
    await queryRunner.query("UPDATE \"audit_event\" SET \"chain\" = 'legacy', \"chain_seq\" = \"id\"");
    await queryRunner.query("INSERT INTO \"audit_chain\" (\"chain\", \"last_seq\", \"last_id\", \"last_hash\") SELECT 'legacy', \"last_id\", \"last_id\", \"last_hash\" FROM \"audit_head\" WHERE \"last_id\" > 0");
    await queryRunner.query("DROP TABLE \"audit_head\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to the single chain: only its (legacy) events fit in it; events recorded since are dropped.
    await queryRunner.query("CREATE TABLE \"audit_head\" (\"id\" int NOT NULL, \"last_id\" int NOT NULL, \"last_hash\" varchar(64) NOT NULL, PRIMARY KEY (\"id\"))");
    await queryRunner.query("INSERT INTO \"audit_head\" (\"id\", \"last_id\", \"last_hash\") SELECT 1, \"last_id\", \"last_hash\" FROM \"audit_chain\" WHERE \"chain\" = 'legacy'");
    await queryRunner.query("INSERT INTO \"audit_head\" (\"id\", \"last_id\", \"last_hash\") SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000' WHERE NOT EXISTS (SELECT 1 FROM \"audit_head\")");
    await queryRunner.query("DELETE FROM \"audit_event\" WHERE \"chain\" IS NULL OR \"chain\" <> 'legacy'");
    await queryRunner.query("DROP INDEX \"uq_audit_chain_seq\"");
    await queryRunner.query("DROP INDEX \"idx_audit_unlinked\"");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP INDEX \"idx_audit_caisse\"");
    await queryRunner.query("DROP INDEX \"idx_audit_professional\"");
    await queryRunner.query("ALTER TABLE \"audit_event\" RENAME TO \"temporary_audit_event\"");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"professional_id\" integer, \"chain\" varchar(8), \"chain_seq\" integer)");
    await queryRunner.query("INSERT INTO \"audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\", \"chain\", \"chain_seq\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\", \"chain\", \"chain_seq\" FROM \"temporary_audit_event\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_caisse\" ON \"audit_event\" (\"caisse_code\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_professional\" ON \"audit_event\" (\"professional_id\", \"id\") ");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP INDEX \"idx_audit_caisse\"");
    await queryRunner.query("DROP INDEX \"idx_audit_professional\"");
    await queryRunner.query("ALTER TABLE \"audit_event\" RENAME TO \"temporary_audit_event\"");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"professional_id\" integer)");
    await queryRunner.query("INSERT INTO \"audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\", \"professional_id\" FROM \"temporary_audit_event\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_caisse\" ON \"audit_event\" (\"caisse_code\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_professional\" ON \"audit_event\" (\"professional_id\", \"id\") ");
    await queryRunner.query("DROP TABLE \"lease\"");
    await queryRunner.query("DROP TABLE \"audit_chain\"");
  }
}
