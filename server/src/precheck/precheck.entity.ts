import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, EnumColumn, InstantColumn, IntColumn, JsonColumn, StringColumn, TextColumn } from '../db/columns';
import type { ExtractionSource, Finding, PrecheckConfirmation, PrecheckStatus } from './precheck.types';

/**
 * The pré-contrôle of one justificatif, and its job: written PENDING in the receipt's transaction,
 * claimed with a lease (RUNNING until leaseUntil; an expired lease is claimed again after a crash),
 * completed with a conditional update on the claim's attempt number so that a late worker never
 * overwrites a newer one.
 */
@Entity()
@Index('uq_precheck_justificatif', ['justificatifId'], { unique: true })
@Index('idx_precheck_job', ['status', 'leaseUntil', 'id'])
export class Precheck {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  justificatifId: number;

  @StringColumn(64)
  fileId: string;

  @EnumColumn(16)
  status: PrecheckStatus;

  /** Claims so far; also the fence of the completion's conditional update. */
  @IntColumn({ default: 0 })
  attempts: number;

  @InstantColumn({ nullable: true })
  leaseUntil: Date | null;

  @EnumColumn(8, { nullable: true })
  source: ExtractionSource | null;

  @IntColumn({ nullable: true })
  pageCount: number | null;

  /** Mean OCR confidence (0–100); null for a text layer. */
  @IntColumn({ nullable: true })
  confidence: number | null;

  @JsonColumn({ nullable: true })
  findings: Finding[] | null;

  /** Number of CONTRADICTED findings: the queue's « contradiction détectée » filter. */
  @IntColumn({ default: 0 })
  contradictions: number;

  /** Milliseconds per page spent extracting (logs and bench). */
  @IntColumn({ nullable: true })
  msPerPage: number | null;

  @TextColumn({ nullable: true })
  error: string | null;

  @InstantColumn({ nullable: true })
  completedAt: Date | null;

  /** Written with the agent's decision: which findings the agent confirmed and which they changed. */
  @JsonColumn({ nullable: true })
  confirmation: PrecheckConfirmation | null;

  @CreatedAt()
  createdAt: Date;
}

/**
 * The words of one page: compact tuples [text, line, x, y, w, h, confidence] (box as fractions of the
 * page, four decimals), so that a dense page fits the TEXT column on both dialects.
 */
export type StoredWord = [string, number, number, number, number, number, number];

@Entity()
@Index('uq_precheck_page', ['precheckId', 'page'], { unique: true })
export class PrecheckPage {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  precheckId: number;

  @IntColumn()
  page: number;

  @JsonColumn()
  words: StoredWord[];
}
