import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, EnumColumn, InstantColumn, IntColumn, JsonColumn, StringColumn, TextColumn } from '../db/columns';
import type {
  CommunicationChannel,
  CommunicationKind,
  CommunicationStatus,
  RelanceSituation,
} from './communication.kinds';
import type { Profession } from '../common/enums';

/**
 * One message to a professional: a row of the transactional outbox. It is written in the transaction of
 * its cause (a decision, a relance launch) with its subject and body already rendered, so that what the
 * worker sends, and what the file shows later, is exactly what the agent previewed.
 */
@Entity()
// The worker's claim: due QUEUED rows, and SENDING rows whose lease expired (a crashed worker).
@Index('idx_communication_due', ['status', 'nextAttemptAt'])
@Index('idx_communication_professional', ['professionalId', 'createdAt', 'id'])
// One message per professional and wave: launching a wave twice cannot queue a message twice.
@Index('uq_communication_wave_professional', ['waveId', 'professionalId'], { unique: true })
export class Communication {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(3)
  caisseCode: string;

  @IntColumn()
  professionalId: number;

  @IntColumn({ nullable: true })
  campaignId: number | null;

  @EnumColumn(32)
  kind: CommunicationKind;

  @EnumColumn(8)
  channel: CommunicationChannel;

  @EnumColumn(8)
  status: CommunicationStatus;

  @StringColumn(200, { nullable: true })
  recipientEmail: string | null;

  /** Postal block, one line an entry (name, street, postcode and commune). */
  @JsonColumn()
  recipientAddress: string[];

  @StringColumn(300)
  subject: string;

  @TextColumn()
  body: string;

  /** Sender block and signature, as rendered for this message (they go on the letter). */
  @JsonColumn()
  letterhead: { sender: string[]; signature: string[] };

  @IntColumn({ nullable: true })
  justificatifId: number | null;

  @IntColumn({ nullable: true })
  waveId: number | null;

  @IntColumn({ nullable: true })
  createdByAgentId: number | null;

  @IntColumn({ default: 0 })
  attempts: number;

  @InstantColumn()
  nextAttemptAt: Date;

  /** Set by the worker that claimed the row; a different token means another worker owns it. */
  @StringColumn(36, { nullable: true })
  claimToken: string | null;

  @InstantColumn({ nullable: true })
  claimedUntil: Date | null;

  /** The last failure in words: « adresse inconnue », or the SMTP server's answer. */
  @StringColumn(1000, { nullable: true })
  lastError: string | null;

  @InstantColumn({ nullable: true })
  sentAt: Date | null;

  @IntColumn({ default: 1 })
  version: number;

  @CreatedAt()
  createdAt: Date;
}

/** A relance campaign launched by a superviseur: the criteria it was launched with and who launched it. */
@Entity()
@Index('idx_relance_wave_campaign', ['campaignId', 'launchedAt', 'id'])
export class RelanceWave {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  /** Client-chosen key: launching the same wave twice returns the first one. */
  @StringColumn(64, { unique: true })
  idempotencyKey: string;

  @IntColumn()
  campaignId: number;

  @EnumColumn(32)
  situation: RelanceSituation;

  @EnumColumn(32)
  kind: CommunicationKind;

  @JsonColumn()
  caisseCodes: string[];

  @JsonColumn()
  professions: Profession[];

  @IntColumn({ nullable: true })
  minAgeDays: number | null;

  @IntColumn()
  excludeWithinDays: number;

  @IntColumn()
  launchedByAgentId: number;

  @InstantColumn()
  launchedAt: Date;

  @IntColumn()
  targetCount: number;

  @IntColumn()
  excludedCount: number;
}
