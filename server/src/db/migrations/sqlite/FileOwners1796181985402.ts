import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FileOwners1796181985402 implements MigrationInterface {
  name = 'FileOwners1796181985402';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"file_owner\" (\"file_id\" varchar(64) NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"uploaded_by_agent_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), PRIMARY KEY (\"file_id\", \"caisse_code\"))");
    // Documents stored before ownership: their uploader's caisse, and every caisse that already attached them.
    await queryRunner.query("INSERT OR IGNORE INTO \"file_owner\" (\"file_id\", \"caisse_code\", \"uploaded_by_agent_id\") SELECT f.\"id\", a.\"caisse_code\", f.\"uploaded_by_agent_id\" FROM \"stored_file\" f JOIN \"agent\" a ON a.\"id\" = f.\"uploaded_by_agent_id\"");
    await queryRunner.query("INSERT OR IGNORE INTO \"file_owner\" (\"file_id\", \"caisse_code\", \"uploaded_by_agent_id\") SELECT DISTINCT j.\"file_id\", j.\"caisse_code\", NULL FROM \"justificatif\" j WHERE j.\"file_id\" IS NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"file_owner\"");
  }
}
