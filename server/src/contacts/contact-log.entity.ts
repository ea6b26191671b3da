import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnumColumn, InstantColumn, IntColumn, StringColumn, TextColumn } from '../db/columns';
import type { ContactChannel } from '../common/enums';

/** A DAM's call, visit or e-mail with a professional. */
@Entity()
@Index('idx_contact_professional', ['professionalId', 'at'])
export class ContactLog {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  agentId: number;

  @StringColumn(3)
  caisseCode: string;

  @InstantColumn()
  at: Date;

  @EnumColumn(16)
  channel: ContactChannel;

  @StringColumn(200)
  subject: string;

  @TextColumn()
  notes: string;

  @IntColumn({ nullable: true })
  campaignId: number | null;
}
