import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, IntColumn, StringColumn } from '../db/columns';

/** Éditeur de logiciel: a change of publisher needs a new justificatif, a change of version does not. */
@Entity()
export class SoftwarePublisher {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @StringColumn(120, { unique: true })
  name: string;
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

  @BoolColumn({ default: false })
  dmpCompatible: boolean;

  @BoolColumn({ default: false })
  lapCertified: boolean;
}
