import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditDetails } from '../audit/audit-event.entity';
import type { MessagingType } from '../common/enums';
import { BoolColumn, DateColumn, InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';

/** Éditeur de logiciel: a change of publisher needs a new justificatif, a change of version does not. */
@Entity()
export class SoftwarePublisher {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(120, { unique: true })
  name: string;

  /** Other names the publisher is known by on pieces (trade name, acronym, former name): the pré-contrôle reads them. */
  @JsonColumn({ nullable: true })
  aliases: string[] | null;
}

/** One version of a logiciel métier in the catalogue. */
@Entity()
@Index('uq_software_publisher_name_version', ['publisherId', 'name', 'version'], { unique: true })
export class Software {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  publisherId: number;

  @StringColumn(120)
  name: string;

  @StringColumn(40)
  version: string;

  /** Other names the software is known by on pieces (former name, commercial name): the pré-contrôle reads them. */
  @JsonColumn({ nullable: true })
  aliases: string[] | null;

  @BoolColumn({ default: false })
  dmpCompatible: boolean;

  @BoolColumn({ default: false })
  lapCertified: boolean;

  /** Date from which the version is DMP-compatible, when the catalogue knows it. */
  @DateColumn({ nullable: true })
  dmpCompatibleSince: string | null;

  /** Secure messaging the version offers (Apicrypt V1/V2, MSSanté…), when the catalogue knows it. */
  @StringColumn(32, { nullable: true })
  messagingType: MessagingType | null;

  /** Every edit increments it (conditional update); the history keeps each revision. */
  @IntColumn({ default: 1 })
  revision: number;

  @IntColumn({ nullable: true })
  updatedByAgentId: number | null;

  @InstantColumn({ nullable: true })
  updatedAt: Date | null;
}

export type ReferentielChangeKind = 'SOFTWARE' | 'LAP_EXEMPTIONS';

/** One edit of the référentiel (a catalogue entry, an exemption list): who, when, before and after. */
@Entity()
@Index('idx_referentiel_change_target', ['kind', 'targetId', 'id'])
export class ReferentielChange {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(16)
  kind: ReferentielChangeKind;

  @StringColumn(40)
  targetId: string;

  @IntColumn()
  revision: number;

  @IntColumn({ nullable: true })
  agentId: number | null;

  @InstantColumn()
  at: Date;

  @JsonColumn({ nullable: true })
  before: AuditDetails | null;

  @JsonColumn()
  after: AuditDetails;

  /** Declarations of open campaigns re-evaluated because of the edit. */
  @IntColumn({ default: 0 })
  reevaluated: number;
}
