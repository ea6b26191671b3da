import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IntColumn, JsonColumn } from '../../db/columns';
import type { ComputedSnapshot } from './amounts';

/**
 * What the computation of a campaign froze for one declaration (amounts.ts `ComputedSnapshot`): one row
 * per declaration, written by the run's batches as one multi-row insert (an upsert, so that a batch
 * written again writes the same row). Later référentiel edits never touch it; the payment file and
 * the recap of a computed campaign read it.
 */
@Entity()
@Index('idx_declaration_snapshot_campaign', ['campaignId', 'declarationId'])
export class DeclarationSnapshot {
  @PrimaryColumn({ type: 'int' })
  declarationId: number;

  @IntColumn()
  campaignId: number;

  @JsonColumn()
  snapshot: ComputedSnapshot;
}
