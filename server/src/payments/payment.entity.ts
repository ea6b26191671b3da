import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, EnumColumn, IntColumn, StringColumn } from '../db/columns';
import type { PaymentKind, PaymentStatus } from '../common/enums';

/** Money actually sent to a professional for a campaign. */
@Entity()
@Index('uq_payment_reference', ['reference'], { unique: true })
@Index('idx_payment_professional', ['professionalId', 'paidOn'])
@Index('idx_payment_campaign_caisse', ['campaignId', 'caisseCode'])
export class Payment {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  campaignId: number;

  @StringColumn(3)
  caisseCode: string;

  @EnumColumn(16)
  kind: PaymentKind;

  @IntColumn()
  amountCents: number;

  @DateColumn()
  paidOn: string;

  @EnumColumn(16)
  status: PaymentStatus;

  /** Natural key from the payment system, makes imports idempotent. */
  @StringColumn(40)
  reference: string;
}
