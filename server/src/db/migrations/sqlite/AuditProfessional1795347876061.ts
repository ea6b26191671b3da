import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditProfessional1795347876061 implements MigrationInterface {
  name = 'AuditProfessional1795347876061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"professional_id\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\" FROM \"audit_event\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_event\" RENAME TO \"audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_caisse\" ON \"audit_event\" (\"caisse_code\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_professional\" ON \"audit_event\" (\"professional_id\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_audit_professional\"");
    await queryRunner.query("DROP INDEX \"idx_audit_caisse\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("ALTER TABLE \"audit_event\" RENAME TO \"temporary_audit_event\"");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("INSERT INTO \"audit_event\"(\"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\") SELECT \"id\", \"at\", \"agent_id\", \"action\", \"target_type\", \"target_id\", \"caisse_code\", \"details\", \"prev_hash\", \"hash\" FROM \"temporary_audit_event\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_event\"");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
  }
}
