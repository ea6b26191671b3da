import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentPeriodLabelLength1795351528108 implements MigrationInterface {
  name = 'PaymentPeriodLabelLength1795351528108';

  async up(queryRunner: QueryRunner): Promise<void> {
    // MODIFY keeps the data (the generated DROP + ADD would not).
    await queryRunner.query("ALTER TABLE `campaign` MODIFY `payment_period_label` varchar(200) NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `campaign` MODIFY `payment_period_label` varchar(100) NOT NULL");
  }
}
