import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  BoolColumn,
  CreatedAt,
  EnumColumn,
  InstantColumn,
  IntColumn,
  JsonColumn,
  StringColumn,
  UpdatedAt,
} from '../db/columns';
import type {
  AchievementStatus,
  DeclarationChannel,
  DeclarationStatus,
  PrefillOrigin,
  Profession,
  ValueSource,
} from '../common/enums';
import type { IndicatorValueData } from '../campaigns/rules/types';

/** A professional's answers for one campaign. Caisse and profession are copied for per-caisse aggregates. */
@Entity()
@Index('uq_declaration_professional_campaign', ['professionalId', 'campaignId'], { unique: true })
@Index('idx_declaration_campaign_scope', ['campaignId', 'caisseCode', 'profession', 'status'])
export class Declaration {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  campaignId: number;

  @StringColumn(3)
  caisseCode: string;

  @EnumColumn()
  profession: Profession;

  @EnumColumn()
  status: DeclarationStatus;

  @InstantColumn({ nullable: true })
  firstTransmittedAt: Date | null;

  @InstantColumn({ nullable: true })
  lastTransmittedAt: Date | null;

  @IntColumn({ default: 0 })
  transmissionCount: number;

  @EnumColumn(16, { nullable: true })
  lastChannel: DeclarationChannel | null;

  @BoolColumn({ default: false })
  honourAttestation: boolean;

  @BoolColumn({ default: false })
  conditionsAcknowledged: boolean;

  /** Rémunération as the rules compute it now; recomputed in the transaction of every change. */
  @IntColumn({ default: 0 })
  projectedRemunerationCents: number;

  /** Frozen when the campaign is computed; its lines and atteintes: `declaration_snapshot`. */
  @IntColumn({ nullable: true })
  computedRemunerationCents: number | null;

  @IntColumn({ default: 1 })
  version: number;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}

/** Every transmission is kept (partial declarations may be transmitted many times). */
@Entity()
@Index('idx_transmission_declaration', ['declarationId', 'transmittedAt'])
export class DeclarationTransmission {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  declarationId: number;

  @InstantColumn()
  transmittedAt: Date;

  @EnumColumn(16)
  channel: DeclarationChannel;

  /** Agent who entered a paper form. */
  @IntColumn({ nullable: true })
  enteredByAgentId: number | null;

  @BoolColumn()
  honourAttestation: boolean;

  @BoolColumn()
  conditionsAcknowledged: boolean;

  /** The values as transmitted, by indicator code. */
  @JsonColumn()
  values: Record<string, IndicatorValueData>;
}

/** One indicator of one declaration: its value, where it came from, and its current atteinte. */
@Entity()
@Index('uq_value_declaration_indicator', ['declarationId', 'indicatorId'], { unique: true })
@Index('idx_value_campaign_indicator_achievement', ['campaignId', 'indicatorId', 'achievement'])
@Index('idx_value_professional', ['professionalId', 'campaignId'])
export class IndicatorValue {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  declarationId: number;

  @IntColumn()
  indicatorId: number;

  @IntColumn()
  professionalId: number;

  @IntColumn()
  campaignId: number;

  /** Null while neither pre-filled nor declared. */
  @JsonColumn({ nullable: true })
  value: IndicatorValueData | null;

  @EnumColumn(16, { nullable: true })
  source: ValueSource | null;

  @EnumColumn(24, { nullable: true })
  prefillOrigin: PrefillOrigin | null;

  /** Denormalised result of the atteinte rule, kept in step by the services (aggregates read it). */
  @EnumColumn(24)
  achievement: AchievementStatus;

  @StringColumn(400)
  achievementReason: string;

  @UpdatedAt()
  updatedAt: Date;
}
