import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, IntColumn } from '../db/columns';

/**
 * Which caisses hold a stored document. The bytes are shared by content hash, but a caisse may attach
 * (and see, before it is attached) only a document one of its agents uploaded: knowing another caisse's
 * file id gives nothing.
 */
@Entity()
export class FileOwner {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  fileId: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  caisseCode: string;

  /** The first agent of this caisse who uploaded these bytes. */
  @IntColumn({ nullable: true })
  uploadedByAgentId: number | null;

  @CreatedAt()
  createdAt: Date;
}
