import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnuaireSanteImport1796182067995 implements MigrationInterface {
  name = 'AnnuaireSanteImport1796182067995';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `import_run` ADD `skipped` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `import_run` ADD `unknown` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `import_run` ADD `absent` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `professional` ADD `specialty_code` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `professional` ADD `civility` varchar(40) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `professional` DROP COLUMN `civility`");
    await queryRunner.query("ALTER TABLE `professional` DROP COLUMN `specialty_code`");
    await queryRunner.query("ALTER TABLE `import_run` DROP COLUMN `absent`");
    await queryRunner.query("ALTER TABLE `import_run` DROP COLUMN `unknown`");
    await queryRunner.query("ALTER TABLE `import_run` DROP COLUMN `skipped`");
  }
}
