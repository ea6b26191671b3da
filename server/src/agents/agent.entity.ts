import { Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAt, EnumColumn, InstantColumn, IntColumn, StringColumn, UpdatedAt } from '../db/columns';
import type { AgentRole } from '../common/enums';

/** A CPAM agent. An agent belongs to one caisse; nationalScope lets them see every caisse. */
@Entity()
export class Agent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(200, { unique: true })
  email: string;

  @StringColumn(200)
  passwordHash: string;

  @StringColumn(120)
  displayName: string;

  @EnumColumn(16)
  role: AgentRole;

  @StringColumn(3)
  caisseCode: string;

  @BoolColumn({ default: false })
  nationalScope: boolean;

  @BoolColumn({ default: true })
  active: boolean;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}

/** A login session; kept in the database so that several server processes share them. */
@Entity()
@Index('idx_session_agent', ['agentId'])
export class AgentSession {
  /** SHA-256 of the token: a stolen table does not give usable tokens. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @IntColumn()
  agentId: number;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  lastSeenAt: Date;

  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  revokedAt: Date | null;

  @StringColumn(64, { nullable: true })
  ip: string | null;
}

/** Failed and successful logins, for throttling per account and per IP. */
@Entity()
@Index('idx_login_attempt_email', ['email', 'at'])
@Index('idx_login_attempt_ip', ['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(200)
  email: string;

  @StringColumn(64)
  ip: string;

  @InstantColumn()
  at: Date;

  @BoolColumn()
  success: boolean;
}
