import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, EnumColumn, IntColumn, StringColumn, TextColumn } from '../db/columns';

export type RegularisationSource = 'REVERSAL' | 'CONTROL';

/**
 * After a campaign is paid, a change of a professional's due amount is never a silent edit: it is a
 * line (new due − what was already settled), positive or negative, with its reason; exported like
 * the payment file.
 */
@Entity()
@Index('idx_regularisation_campaign_caisse', ['campaignId', 'caisseCode', 'id'])
@Index('idx_regularisation_professional', ['professionalId', 'campaignId'])
export class Regularisation {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  campaignId: number;

  @IntColumn()
  professionalId: number;

  @StringColumn(3)
  caisseCode: string;

  @IntColumn()
  declarationId: number;

  @IntColumn()
  previousDueCents: number;

  @IntColumn()
  newDueCents: number;

  /** newDue − previousDue (positive: owed to the professional; negative: an indu). */
  @IntColumn()
  amountCents: number;

  @TextColumn()
  reason: string;

  @EnumColumn(16)
  source: RegularisationSource;

  @StringColumn(40, { nullable: true })
  sourceId: string | null;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @CreatedAt()
  createdAt: Date;
}
