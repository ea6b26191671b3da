import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedQueueViews1796193570034 implements MigrationInterface {
  name = 'SavedQueueViews1796193570034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"saved_queue_view\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"agent_id\" integer NOT NULL, \"name\" varchar(80) NOT NULL, \"filter\" text NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_saved_queue_view_agent_name\" ON \"saved_queue_view\" (\"agent_id\", \"name\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_saved_queue_view_agent_name\"");
    await queryRunner.query("DROP TABLE \"saved_queue_view\"");
  }
}
