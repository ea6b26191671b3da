import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { AchievementStatus, DeclarationStatus, Profession, Scheme } from '../common/enums';
import { Connection } from '../common/connection.types';
import { LocalDate } from '../common/scalars';
import { AchievementStatusEnum, DeclarationStatusEnum, ProfessionEnum, SchemeEnum } from '../common/graphql-enums';

@ObjectType('Caisse', { description: 'Caisse primaire (CPAM), CGSS ou CSS de rattachement.' })
export class CaisseNode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  departement: string;
}

@ObjectType('Professional', { description: 'Professionnel de santé libéral (PS).' })
export class ProfessionalNode {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'N° Assurance Maladie (9 caractères).' })
  amNumber: string;

  @Field(() => String, { nullable: true })
  rpps: string | null;

  @Field(() => String, { nullable: true })
  adeli: string | null;

  @Field(() => String)
  lastName: string;

  @Field(() => String)
  firstName: string;

  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => String, { nullable: true })
  specialty: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code de la spécialité (savoir-faire, nomenclature TRE_R01 de l’Annuaire Santé, ex. SM54).',
  })
  specialtyCode: string | null;

  @Field(() => String, { nullable: true, description: 'Civilité d’exercice (Annuaire Santé), ex. « Docteur ».' })
  civility: string | null;

  @Field(() => String)
  caisseCode: string;

  @Field(() => String)
  addressLine: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String)
  commune: string;

  @Field(() => LocalDate, { nullable: true })
  installationDate: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => Boolean, { description: 'Faux pour un PS qui déclare sur formulaire papier.' })
  usesAmelipro: boolean;
}

@ObjectType()
export class ProfessionalConnection extends Connection(ProfessionalNode, 'Professional') {}

@InputType({ description: 'Critères de recherche de professionnels.' })
export class ProfessionalFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Début du nom (sans accents ni casse), ou identifiant exact : N° AM, RPPS, ADELI.',
  })
  query?: string | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession?: Profession | null;

  @Field(() => String, { nullable: true })
  caisseCode?: string | null;

  @Field(() => String, { nullable: true })
  commune?: string | null;

  @Field(() => Int, { nullable: true, description: 'Campagne des critères suivants (avec scheme).' })
  campaignYear?: number | null;

  @Field(() => SchemeEnum, { nullable: true })
  scheme?: Scheme | null;

  @Field(() => DeclarationStatusEnum, { nullable: true })
  declarationStatus?: DeclarationStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'A au moins un justificatif reçu non traité.' })
  hasJustificatifToProcess?: boolean | null;

  @Field(() => String, { nullable: true, description: "Code d'indicateur dont l'atteinte est filtrée." })
  indicatorCode?: string | null;

  @Field(() => AchievementStatusEnum, { nullable: true })
  achievement?: AchievementStatus | null;
}
