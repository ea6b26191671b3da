import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  BoolColumn,
  CreatedAt,
  DateColumn,
  EnumColumn,
  InstantColumn,
  IntColumn,
  JsonColumn,
  StringColumn,
  TextColumn,
} from '../db/columns';
import type { Profession } from '../common/enums';
import type { StratumCount } from './draw';
import type { InduLine } from './indu';

export const CONTROL_CASE_STATUSES = [
  'OPEN',
  'PIECES_REQUESTED',
  'PIECES_RECEIVED',
  'CONCLUDED_COMPLIANT',
  'CONCLUDED_NON_COMPLIANT',
  'NO_RESPONSE',
] as const;
export type ControlCaseStatus = (typeof CONTROL_CASE_STATUSES)[number];

export const CONCLUDED_STATUSES: readonly ControlCaseStatus[] = [
  'CONCLUDED_COMPLIANT',
  'CONCLUDED_NON_COMPLIANT',
  'NO_RESPONSE',
];

export const CONTROL_REQUEST_CHANNELS = ['EMAIL', 'LETTER'] as const;
export type ControlRequestChannel = (typeof CONTROL_REQUEST_CHANNELS)[number];

/**
 * How the request for pieces left the caisse. QUEUED: the message was written to the communications outbox in
 * the transition's transaction (`requestCommunicationId`; its own status says sent, failed…). PENDING_OUTBOX:
 * only on requests recorded before the outbox existed — nothing was sent, the console says so.
 */
export const CONTROL_REQUEST_DELIVERIES = ['PENDING_OUTBOX', 'QUEUED'] as const;
export type ControlRequestDelivery = (typeof CONTROL_REQUEST_DELIVERIES)[number];

/** A draw: who asked what of which population, with the seed and counts that make it reproducible. */
@Entity()
@Index('idx_control_plan_campaign', ['campaignId', 'id'])
export class ControlPlan {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  campaignId: number;

  /** Caisse the plan samples; null for a national superviseur's plan across caisses. */
  @StringColumn(3, { nullable: true })
  caisseCode: string | null;

  @StringColumn(200)
  label: string;

  @StringColumn(100)
  seed: string;

  @IntColumn({ nullable: true })
  ratePercentTimes100: number | null;

  @IntColumn({ nullable: true })
  size: number | null;

  @JsonColumn()
  professions: Profession[];

  @JsonColumn()
  indicatorCodes: string[];

  @BoolColumn({ default: false })
  includePrefilled: boolean;

  /** Units of the population in scope (before exclusions), as counted at creation. */
  @IntColumn()
  populationCount: number;

  @IntColumn()
  excludedCount: number;

  @JsonColumn()
  strata: StratumCount[];

  @IntColumn()
  caseCount: number;

  /** Days the professional has to answer a request for pieces. */
  @IntColumn()
  responseDays: number;

  @IntColumn()
  createdByAgentId: number;

  @CreatedAt()
  createdAt: Date;
}

export interface ControlPieceEntry {
  fileId: string;
  receivedAt: string;
  channel: string;
  agentId: number;
}

export interface ControlFinding {
  indicatorCode: string;
  motifs: string[];
}

/** One sampled professional of a plan: the indicators to check, the request, the pieces, the conclusion. */
@Entity()
@Index('idx_control_case_queue', ['status', 'caisseCode', 'openedAt', 'id'])
@Index('idx_control_case_assignee', ['assignedAgentId', 'status', 'openedAt', 'id'])
@Index('idx_control_case_campaign', ['campaignId', 'status', 'caisseCode', 'profession', 'openedAt'])
@Index('idx_control_case_professional', ['professionalId', 'campaignId'])
@Index('idx_control_case_plan', ['planId', 'id'])
export class ControlCase {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  planId: number;

  @IntColumn()
  campaignId: number;

  @IntColumn()
  professionalId: number;

  @StringColumn(3)
  caisseCode: string;

  @EnumColumn()
  profession: Profession;

  @JsonColumn()
  indicatorCodes: string[];

  @EnumColumn(24)
  status: ControlCaseStatus;

  @InstantColumn()
  openedAt: Date;

  @IntColumn({ nullable: true })
  assignedAgentId: number | null;

  @InstantColumn({ nullable: true })
  assignedAt: Date | null;

  @InstantColumn({ nullable: true })
  piecesRequestedAt: Date | null;

  @EnumColumn(16, { nullable: true })
  requestChannel: ControlRequestChannel | null;

  @EnumColumn(16, { nullable: true })
  requestDelivery: ControlRequestDelivery | null;

  /** The outbox message carrying the request for pieces (communication.id). */
  @IntColumn({ nullable: true })
  requestCommunicationId: number | null;

  @DateColumn({ nullable: true })
  responseDeadline: string | null;

  @JsonColumn({ nullable: true })
  pieces: ControlPieceEntry[] | null;

  @InstantColumn({ nullable: true })
  concludedAt: Date | null;

  @IntColumn({ nullable: true })
  concludedByAgentId: number | null;

  @JsonColumn({ nullable: true })
  findings: ControlFinding[] | null;

  @TextColumn({ nullable: true })
  comment: string | null;

  /** paid − due after the conclusion; null until concluded, 0 when nothing is recovered. */
  @IntColumn({ nullable: true })
  induCents: number | null;

  @JsonColumn({ nullable: true })
  induLines: InduLine[] | null;

  @StringColumn(400, { nullable: true })
  induReason: string | null;

  /** Optimistic lock: every transition is a conditional update on this version. */
  @IntColumn({ default: 1 })
  version: number;
}

/**
 * One row per (campaign, indicator, professional) ever controlled: the exclusion of later draws (a unique
 * key, so that two plans created at once cannot sample the same unit) and, once concluded against, the
 * finding the rules read to make the indicator not achieved.
 */
@Entity()
@Index('uq_control_item_unit', ['campaignId', 'indicatorCode', 'professionalId'], { unique: true })
@Index('idx_control_item_professional', ['professionalId', 'campaignId'])
@Index('idx_control_item_case', ['caseId'])
export class ControlItem {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  caseId: number;

  @IntColumn()
  campaignId: number;

  @IntColumn()
  professionalId: number;

  @StringColumn(40)
  indicatorCode: string;

  /** Null while the indicator stands; the reason naming the control once it is found non-compliant. */
  @StringColumn(400, { nullable: true })
  finding: string | null;
}

export type ControlHistoryDetails = Record<string, string | number | boolean | null | ControlFinding[]>;

export const CONTROL_ACTIONS = [
  'OPENED',
  'ASSIGNED',
  'RELEASED',
  'PIECES_REQUESTED',
  'PIECE_ATTACHED',
  'CONCLUDED_COMPLIANT',
  'CONCLUDED_NON_COMPLIANT',
  'NO_RESPONSE',
] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

@Entity()
@Index('idx_control_case_history', ['caseId', 'id'])
export class ControlCaseHistory {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  caseId: number;

  @EnumColumn(24)
  action: ControlAction;

  @EnumColumn(24, { nullable: true })
  fromStatus: ControlCaseStatus | null;

  @EnumColumn(24)
  toStatus: ControlCaseStatus;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @InstantColumn()
  at: Date;

  @JsonColumn({ nullable: true })
  details: ControlHistoryDetails | null;
}
