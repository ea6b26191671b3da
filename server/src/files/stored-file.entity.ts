import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, IntColumn, StringColumn } from '../db/columns';

/** A document stored by its SHA-256: the same bytes uploaded twice are one file. */
@Entity()
export class StoredFile {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @StringColumn(40)
  contentType: string;

  @IntColumn()
  sizeBytes: number;

  @StringColumn(255)
  originalName: string;

  @IntColumn({ nullable: true })
  uploadedByAgentId: number | null;

  @CreatedAt()
  createdAt: Date;
}
