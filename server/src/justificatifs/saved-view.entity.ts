import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, IntColumn, JsonColumn, StringColumn } from '../db/columns';
import type { SavedQueueFilter } from './saved-views';

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
