import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, EnumColumn, InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';
import type { CampaignStatus, Profession, Scheme } from '../common/enums';
import type { ReferentielFile, RemunerationSettings } from './referentiel/referentiel.types';

/** One scheme for one reference year (exercice), loaded from its référentiel file. */
@Entity()
@Index('uq_campaign_year_scheme', ['referenceYear', 'scheme'], { unique: true })
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  referenceYear: number;

  @EnumColumn()
  scheme: Scheme;

  @StringColumn(200)
  label: string;

  @JsonColumn()
  professions: Profession[];

  @DateColumn()
  opensOn: string;

  @DateColumn()
  plannedClosesOn: string;

  /** Actual closing date, later than plannedClosesOn when the window was extended. */
  @DateColumn()
  closesOn: string;

  @DateColumn({ nullable: true })
  paymentDate: string | null;

  @StringColumn(200)
  paymentPeriodLabel: string;

  @EnumColumn()
  status: CampaignStatus;

  @JsonColumn()
  conventions: Partial<Record<Profession, string>>;

  @JsonColumn()
  settings: ReferentielFile['settings'];

  @JsonColumn()
  remuneration: RemunerationSettings;

  @JsonColumn()
  sources: string[];

  @StringColumn(20)
  referentielVersion: string;

  @InstantColumn({ nullable: true })
  computedAt: Date | null;

  /** Every lifecycle command is a conditional update on it. */
  @IntColumn({ default: 1 })
  version: number;

  /** The computation run once one has started: decisions are frozen from then on. */
  @IntColumn({ nullable: true })
  computeRunId: number | null;
}
