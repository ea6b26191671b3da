import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, IntColumn, StringColumn, TextColumn } from '../db/columns';

/**
 * A private note (annotation interne) of an agent on a professional's file or on one of its pieces:
 * read by the agents of the professional's caisse only, never shown to the professional.
 */
@Entity()
@Index('idx_internal_note_professional', ['professionalId', 'at'])
@Index('idx_internal_note_justificatif', ['justificatifId', 'at'])
export class InternalNote {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(3)
  caisseCode: string;

  @IntColumn()
  professionalId: number;

  /** The piece the note is about; null for a note on the professional's file. */
  @IntColumn({ nullable: true })
  justificatifId: number | null;

  @IntColumn()
  agentId: number;

  @InstantColumn()
  at: Date;

  @TextColumn()
  body: string;
}
