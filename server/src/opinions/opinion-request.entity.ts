import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnumColumn, InstantColumn, IntColumn, StringColumn, TextColumn } from '../db/columns';

/** PENDING until the asked agent answers (ANSWERED), or until the piece is decided or leaves the asker (CLOSED). */
export const OPINION_STATUSES = ['PENDING', 'ANSWERED', 'CLOSED'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/**
 * « Demander un avis »: a conseiller holding a piece asks a colleague or a superviseur of the piece's
 * caisse (or a national superviseur) a question about it. While it is PENDING the piece stays held by the
 * asker; the question and the answer are kept with the piece's history.
 */
@Entity()
@Index('idx_opinion_request_justificatif', ['justificatifId', 'id'])
@Index('idx_opinion_request_asked', ['askedAgentId', 'status', 'justificatifId'])
export class OpinionRequest {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  justificatifId: number;

  /** The piece's caisse: who may read the request (the piece's scope). */
  @StringColumn(3)
  caisseCode: string;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  askedByAgentId: number;

  @IntColumn()
  askedAgentId: number;

  @TextColumn()
  question: string;

  @InstantColumn()
  askedAt: Date;

  @EnumColumn(16)
  status: OpinionStatus;

  @TextColumn({ nullable: true })
  answer: string | null;

  @InstantColumn({ nullable: true })
  answeredAt: Date | null;

  /** When the request ended without an answer (the piece was decided, released or reassigned). */
  @InstantColumn({ nullable: true })
  closedAt: Date | null;
}
