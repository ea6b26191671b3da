import { Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';

export type AuditDetails = Record<string, string | number | boolean | null | string[] | number[]>;

/** Append-only trail; each row carries the hash of the previous one, so an edit breaks the chain. */
@Entity()
@Index('idx_audit_agent', ['agentId', 'id'])
@Index('idx_audit_target', ['targetType', 'targetId', 'id'])
@Index('idx_audit_professional', ['professionalId', 'id'])
@Index('idx_audit_caisse', ['caisseCode', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @InstantColumn()
  at: Date;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @StringColumn(40)
  action: string;

  @StringColumn(40, { nullable: true })
  targetType: string | null;

  @StringColumn(64, { nullable: true })
  targetId: string | null;

  @StringColumn(3, { nullable: true })
  caisseCode: string | null;

  /** The professional the event concerns, whatever its target (justificatif, declaration…): one PS's trail. */
  @IntColumn({ nullable: true })
  professionalId: number | null;

  @JsonColumn({ nullable: true })
  details: AuditDetails | null;

  @StringColumn(64)
  prevHash: string;

  @StringColumn(64)
  hash: string;
}

/** Single row holding the chain's head; locked by each append so concurrent writers stay in order. */
@Entity()
export class AuditHead {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @IntColumn()
  lastId: number;

  @StringColumn(64)
  lastHash: string;
}
