import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpinionRequests1796207108992 implements MigrationInterface {
  name = 'OpinionRequests1796207108992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `opinion_request` (`id` int NOT NULL AUTO_INCREMENT, `justificatif_id` int NOT NULL, `caisse_code` varchar(3) NOT NULL, `professional_id` int NOT NULL, `asked_by_agent_id` int NOT NULL, `asked_agent_id` int NOT NULL, `question` text NOT NULL, `asked_at` datetime NOT NULL, `status` varchar(16) NOT NULL, `answer` text NULL, `answered_at` datetime NULL, `closed_at` datetime NULL, INDEX `idx_opinion_request_justificatif` (`justificatif_id`, `id`), INDEX `idx_opinion_request_asked` (`asked_agent_id`, `status`, `justificatif_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_opinion_request_asked` ON `opinion_request`");
    await queryRunner.query("DROP INDEX `idx_opinion_request_justificatif` ON `opinion_request`");
    await queryRunner.query("DROP TABLE `opinion_request`");
  }
}
