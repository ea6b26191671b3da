import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  CampaignStatus,
  IndicatorGroup,
  IndicatorKind,
  JustificatifPolicy,
  Profession,
  Scheme,
  ValueType,
} from '../common/enums';
import { LocalDate } from '../common/scalars';
import {
  CampaignStatusEnum,
  IndicatorGroupEnum,
  IndicatorKindEnum,
  JustificatifPolicyEnum,
  ProfessionEnum,
  SchemeEnum,
  ValueTypeEnum,
} from '../common/graphql-enums';

@ObjectType('Campaign', { description: 'Campagne : un dispositif pour une année de référence (exercice).' })
export class CampaignNode {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  referenceYear: number;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field(() => String)
  label: string;

  @Field(() => [ProfessionEnum])
  professions: Profession[];

  @Field(() => LocalDate)
  opensOn: string;

  @Field(() => LocalDate)
  plannedClosesOn: string;

  @Field(() => LocalDate, { description: 'Clôture effective (prolongation comprise).' })
  closesOn: string;

  @Field(() => LocalDate, { nullable: true })
  paymentDate: string | null;

  @Field(() => String)
  paymentPeriodLabel: string;

  @Field(() => CampaignStatusEnum)
  status: CampaignStatus;

  @Field(() => String)
  referentielVersion: string;

  @Field(() => [String])
  sources: string[];

  @Field(() => Int, { nullable: true, description: 'Valeur du point en centimes (forfait structure).' })
  pointValueCents: number | null;

  @Field(() => String)
  remunerationUnit: string;
}

@ObjectType('ChecklistItem', { description: 'Élément que la pièce justificative doit montrer.' })
export class ChecklistItemNode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => Boolean)
  required: boolean;
}

@ObjectType('Indicator', { description: "Indicateur d'une campagne, tel que défini par le référentiel." })
export class IndicatorNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => String)
  helpText: string;

  @Field(() => IndicatorGroupEnum)
  group: IndicatorGroup;

  @Field(() => IndicatorKindEnum)
  kind: IndicatorKind;

  @Field(() => ValueTypeEnum)
  valueType: ValueType;

  @Field(() => [ProfessionEnum], { nullable: true, description: 'Null : toutes les professions de la campagne.' })
  professions: Profession[] | null;

  @Field(() => JustificatifPolicyEnum)
  justificatifPolicy: JustificatifPolicy;

  @Field(() => Boolean)
  neutralised: boolean;

  @Field(() => String, { nullable: true })
  neutralisedReason: string | null;

  @Field(() => String, { description: 'Montant ou points, ou « non connu » quand aucune source ne le donne.' })
  amountLabel: string;

  @Field(() => [ChecklistItemNode])
  checklist: ChecklistItemNode[];

  @Field(() => Int)
  displayOrder: number;

  campaignId: number;
}
