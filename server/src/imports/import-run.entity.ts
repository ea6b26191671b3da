import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, EnumColumn, InstantColumn, IntColumn, JsonColumn, StringColumn, TextColumn } from '../db/columns';
import type { ImportKind, ImportRunStatus } from './import-kinds';

export type { ImportRunStatus } from './import-kinds';

/** One rejected row: its line in the file, the column at fault (null: the whole line) and the reason (French). */
export interface ImportRejection {
  line: number;
  column: string | null;
  reason: string;
}

/** One run of a feed import (CLI or mutation); its counters are updated in each batch's transaction. */
@Entity()
@Index('idx_import_run_caisse', ['caisseCode', 'id'])
export class ImportRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @EnumColumn()
  kind: ImportKind;

  @EnumColumn(16)
  status: ImportRunStatus;

  /** Storage key of the uploaded file; null for a CLI run on a local file. */
  @StringColumn(64, { nullable: true })
  fileId: string | null;

  @StringColumn(255)
  fileName: string;

  /** Null for the command-line tool. */
  @IntColumn({ nullable: true })
  agentId: number | null;

  /** The caisse the run is limited to; null for a national run. */
  @StringColumn(3, { nullable: true })
  caisseCode: string | null;

  @IntColumn({ default: 0 })
  totalBytes: number;

  @IntColumn({ default: 0 })
  bytesRead: number;

  @IntColumn({ default: 0 })
  rowsRead: number;

  @IntColumn({ default: 0 })
  inserted: number;

  @IntColumn({ default: 0 })
  updated: number;

  @IntColumn({ default: 0 })
  unchanged: number;

  @IntColumn({ default: 0 })
  rejected: number;

  /** Rows outside the feed's scope (another profession, a salaried activity, a secondary site). */
  @IntColumn({ default: 0 })
  skipped: number;

  /** Rows about a professional unknown to us (listed in the report). */
  @IntColumn({ default: 0 })
  unknown: number;

  /** Known professionals the file does not mention (listed in the report, never deleted). */
  @IntColumn({ default: 0 })
  absent: number;

  @IntColumn({ default: 0 })
  batchesCommitted: number;

  /** The first rejections, for display; the report file has them all. */
  @JsonColumn()
  rejections: ImportRejection[];

  @TextColumn({ nullable: true })
  errorMessage: string | null;

  @StringColumn(64, { nullable: true })
  reportFileId: string | null;

  @InstantColumn()
  startedAt: Date;

  @InstantColumn()
  heartbeatAt: Date;

  @InstantColumn({ nullable: true })
  finishedAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}
