import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAt, DateColumn, EnumColumn, StringColumn, UpdatedAt } from '../db/columns';
import type { Profession } from '../common/enums';

@Entity()
@Index('idx_professional_search', ['searchName', 'id'])
@Index('idx_professional_caisse_search', ['caisseCode', 'searchName', 'id'])
@Index('idx_professional_caisse_profession', ['caisseCode', 'profession', 'id'])
@Index('idx_professional_commune', ['communeKey', 'id'])
export class Professional {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  /** N° Assurance Maladie, 9 characters. */
  @StringColumn(9, { unique: true })
  amNumber: string;

  @StringColumn(11, { nullable: true, unique: true })
  rpps: string | null;

  @StringColumn(9, { nullable: true, unique: true })
  adeli: string | null;

  @StringColumn(100)
  lastName: string;

  @StringColumn(100)
  firstName: string;

  /** 'LASTNAME FIRSTNAME' upper-cased without accents: the indexed key of name-prefix search. */
  @StringColumn(201)
  searchName: string;

  @EnumColumn()
  profession: Profession;

  @StringColumn(64, { nullable: true })
  specialty: string | null;

  /**
   * Specialty code of the Annuaire Santé (« Code savoir-faire », nomenclature TRE_R01, e.g. SM54):
   * what the référentiel's specialty lists (the LAP exemption) name.
   */
  @StringColumn(16, { nullable: true })
  specialtyCode: string | null;

  /** Civility of exercise as the Annuaire Santé gives it (« Docteur », « Madame »…). */
  @StringColumn(40, { nullable: true })
  civility: string | null;

  @StringColumn(3)
  caisseCode: string;

  @StringColumn(200)
  addressLine: string;

  @StringColumn(5)
  postalCode: string;

  @StringColumn(100)
  commune: string;

  /** Commune upper-cased without accents, for filtering. */
  @StringColumn(100)
  communeKey: string;

  @DateColumn({ nullable: true })
  installationDate: string | null;

  @StringColumn(200, { nullable: true })
  email: string | null;

  @StringColumn(20, { nullable: true })
  phone: string | null;

  /** False for professionals who send paper forms instead of using amelipro. */
  @BoolColumn({ default: true })
  usesAmelipro: boolean;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
