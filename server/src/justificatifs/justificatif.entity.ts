import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, EnumColumn, InstantColumn, IntColumn, JsonColumn, StringColumn, TextColumn } from '../db/columns';
import type { JustificatifChannel, JustificatifStatus, Profession, RejectionReason } from '../common/enums';

export interface ChecklistEntry {
  code: string;
  checked: boolean;
}

/** A pièce justificative sent by a professional for one indicator of one campaign. */
@Entity()
@Index('idx_justificatif_queue', ['status', 'caisseCode', 'receivedAt', 'id'])
@Index('idx_justificatif_assignee', ['assignedAgentId', 'status', 'receivedAt', 'id'])
@Index('idx_justificatif_professional', ['professionalId', 'campaignId'])
@Index('idx_justificatif_family', ['professionalId', 'family', 'status'])
// Campaign progress and the queue filtered by campaign: counts by caisse, profession, status and age read
// this index alone (a full scan of the table otherwise, 0.2 s at national scale).
@Index('idx_justificatif_campaign_status', ['campaignId', 'status', 'caisseCode', 'profession', 'receivedAt'])
export class Justificatif {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  campaignId: number;

  @IntColumn()
  indicatorId: number;

  @StringColumn(3)
  caisseCode: string;

  @EnumColumn()
  profession: Profession;

  /** Indicator family under which a validated piece stays valid (e.g. SOFTWARE_DMP). */
  @StringColumn(40)
  family: string;

  @InstantColumn()
  receivedAt: Date;

  @EnumColumn(16)
  channel: JustificatifChannel;

  /** Content hash of the stored document. */
  @StringColumn(64, { nullable: true })
  fileId: string | null;

  @EnumColumn(16)
  status: JustificatifStatus;

  @IntColumn({ nullable: true })
  assignedAgentId: number | null;

  @InstantColumn({ nullable: true })
  assignedAt: Date | null;

  @IntColumn({ nullable: true })
  decidedByAgentId: number | null;

  @InstantColumn({ nullable: true })
  decidedAt: Date | null;

  @JsonColumn({ nullable: true })
  rejectionReasons: RejectionReason[] | null;

  @TextColumn({ nullable: true })
  comment: string | null;

  @JsonColumn({ nullable: true })
  checklist: ChecklistEntry[] | null;

  /** Software and publisher declared when the piece was received: what a validation vouches for. */
  @IntColumn({ nullable: true })
  declaredSoftwareId: number | null;

  @IntColumn({ nullable: true })
  declaredPublisherId: number | null;

  /** Optimistic lock: every decision is a conditional update on this version. */
  @IntColumn({ default: 1 })
  version: number;

  @CreatedAt()
  createdAt: Date;
}

export const JUSTIFICATIF_ACTIONS = [
  'RECEIVED',
  'ASSIGNED',
  'RELEASED',
  'VALIDATED',
  'REJECTED',
  /** Recours: a superviseur reopens a decided piece for a new decision. */
  'REOPENED',
  /** Recours: a superviseur turns a decision into the opposite one. */
  'REVERSED',
  /** « Demander un avis »: the holder asks a colleague about the piece (it stays held by the asker). */
  'OPINION_ASKED',
  /** The asked agent's answer, kept with the piece's history. */
  'OPINION_ANSWERED',
] as const;
export type JustificatifAction = (typeof JUSTIFICATIF_ACTIONS)[number];

/** One row per transition, written in the transaction of the transition. */
@Entity()
@Index('idx_justificatif_history', ['justificatifId', 'id'])
export class JustificatifHistory {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  justificatifId: number;

  @EnumColumn(16)
  action: JustificatifAction;

  @EnumColumn(16, { nullable: true })
  fromStatus: JustificatifStatus | null;

  @EnumColumn(16)
  toStatus: JustificatifStatus;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @InstantColumn()
  at: Date;

  @JsonColumn({ nullable: true })
  reasons: RejectionReason[] | null;

  @TextColumn({ nullable: true })
  comment: string | null;
}
