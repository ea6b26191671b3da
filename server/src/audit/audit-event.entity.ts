import { Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';

export type AuditDetails = Record<string, string | number | boolean | null | string[] | number[]>;

/**
 * Append-only trail. A request inserts its events unchained (chain, chainSeq, prevHash and hash
 * null) in its own transaction; the audit linker (audit-linker.ts) then links them, in one
 * transaction per batch, into one hash chain per caisse: each linked row carries its chain's
 * previous hash, so an edit or a deletion breaks the chain.
 */
@Entity()
@Index('idx_audit_agent', ['agentId', 'id'])
@Index('idx_audit_target', ['targetType', 'targetId', 'id'])
@Index('idx_audit_professional', ['professionalId', 'id'])
@Index('idx_audit_caisse', ['caisseCode', 'id'])
@Index('uq_audit_chain_seq', ['chain', 'chainSeq'], { unique: true })
@Index('idx_audit_unlinked', ['chainSeq', 'id'])
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

  /** The chain the linker put the event in: its caisse code, NATIONAL_CHAIN, or LEGACY_CHAIN. Null until linked. */
  @StringColumn(8, { nullable: true })
  chain: string | null;

  /** Position in its chain, increasing (dense for new chains; the id for the legacy chain). Null until linked. */
  @IntColumn({ nullable: true })
  chainSeq: number | null;

  @StringColumn(64, { nullable: true })
  prevHash: string | null;

  @StringColumn(64, { nullable: true })
  hash: string | null;
}

/**
 * One row per chain: its last linked event. Only the linker writes it, conditionally on lastSeq, so
 * two linkers can never fork a chain; it also reveals a deleted tail.
 */
@Entity()
export class AuditChain {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  chain: string;

  @IntColumn()
  lastSeq: number;

  @IntColumn()
  lastId: number;

  @StringColumn(64)
  lastHash: string;
}
