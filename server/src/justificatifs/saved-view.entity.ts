import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';

/** A queue filter as saved: the filter's fields that were set, by name (`saved-views.ts` says which). */
export type SavedQueueFilter = Partial<Record<string, string | number | boolean>>;

/** A queue filter an agent named and keeps (« Dentistes > 30 j »); seen by that agent only. */
@Entity()
@Index('uq_saved_queue_view_agent_name', ['agentId', 'name'], { unique: true })
export class SavedQueueView {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @IntColumn()
  agentId: number;

  @StringColumn(80)
  name: string;

  @JsonColumn()
  filter: SavedQueueFilter;

  @InstantColumn()
  createdAt: Date;
}
