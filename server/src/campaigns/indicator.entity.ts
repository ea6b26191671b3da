import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, EnumColumn, IntColumn, JsonColumn, StringColumn, TextColumn } from '../db/columns';
import type { IndicatorGroup, IndicatorKind, JustificatifPolicy, Profession, ValueType } from '../common/enums';
import type { IndicatorDefinition } from './referentiel/referentiel.types';

/** One criterion of a campaign. Key fields are columns for filtering; the full definition is kept as loaded. */
@Entity()
@Index('uq_indicator_campaign_code', ['campaignId', 'code'], { unique: true })
export class Indicator {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  campaignId: number;

  @StringColumn(40)
  code: string;

  @StringColumn(300)
  label: string;

  @EnumColumn()
  group: IndicatorGroup;

  @EnumColumn()
  kind: IndicatorKind;

  @EnumColumn()
  valueType: ValueType;

  @EnumColumn()
  justificatifPolicy: JustificatifPolicy;

  /** Null: every profession of the campaign. */
  @JsonColumn({ nullable: true })
  professions: Profession[] | null;

  @BoolColumn({ default: false })
  neutralised: boolean;

  @IntColumn()
  displayOrder: number;

  @JsonColumn()
  definition: IndicatorDefinition;

  @TextColumn()
  helpText: string;
}
