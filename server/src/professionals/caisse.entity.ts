import { Entity, PrimaryColumn } from 'typeorm';
import { StringColumn } from '../db/columns';

/** A caisse primaire (CPAM), CGSS or CSS: the fund a professional belongs to. */
@Entity()
export class Caisse {
  /** 3 digits: département then an index (e.g. 211 Côte-d'Or, 751 Paris). */
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @StringColumn(120)
  name: string;

  @StringColumn(3)
  departement: string;
}
