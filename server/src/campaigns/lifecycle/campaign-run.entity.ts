import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  BigIntColumn,
  BoolColumn,
  EnumColumn,
  InstantColumn,
  IntColumn,
  JsonColumn,
  StringColumn,
  TextColumn,
} from '../../db/columns';
import type { AuditDetails } from '../../audit/audit-event.entity';
import type { CampaignStatus } from '../../common/enums';

export type CampaignRunStatus = 'RUNNING' | 'DONE' | 'FAILED';

/**
 * One computation of a campaign, written in the transaction of the command that starts it. Batches
 * advance `lastDeclarationId` (a keyset cursor) in their own transaction, so a run killed mid-way
 * resumes where its last committed batch stopped and writes nothing twice.
 */
@Entity()
@Index('idx_campaign_run_campaign', ['campaignId', 'id'])
export class CampaignRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  campaignId: number;

  @EnumColumn(16)
  status: CampaignRunStatus;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @BoolColumn({ default: false })
  forced: boolean;

  @TextColumn({ nullable: true })
  reason: string | null;

  /** Received pieces left unchecked when the run started (forced computation). */
  @IntColumn({ default: 0 })
  receivedPieces: number;

  @IntColumn({ default: 0 })
  totalDeclarations: number;

  @IntColumn({ default: 0 })
  processedDeclarations: number;

  @IntColumn({ default: 0 })
  lastDeclarationId: number;

  @IntColumn({ default: 0 })
  batchesCommitted: number;

  /** A national campaign's total passes 2³¹ cents (21 M€). */
  @BigIntColumn({ default: 0 })
  totalCents: number;

  @TextColumn({ nullable: true })
  errorMessage: string | null;

  @InstantColumn()
  startedAt: Date;

  @InstantColumn()
  heartbeatAt: Date;

  @InstantColumn({ nullable: true })
  finishedAt: Date | null;
}

/** Every change of a campaign's status, with who, when and why. */
@Entity()
@Index('idx_campaign_history_campaign', ['campaignId', 'id'])
export class CampaignHistory {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  campaignId: number;

  @EnumColumn(16)
  fromStatus: CampaignStatus;

  @EnumColumn(16)
  toStatus: CampaignStatus;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @InstantColumn()
  at: Date;

  @TextColumn({ nullable: true })
  reason: string | null;

  @JsonColumn({ nullable: true })
  details: AuditDetails | null;

  @StringColumn(16, { nullable: true })
  command: string | null;
}
