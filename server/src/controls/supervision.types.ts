import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Profession } from '../common/enums';
import { ProfessionEnum } from '../common/graphql-enums';
import type { ControlCaseStatus } from './control.entity';
import { ControlCaseNode, ControlCaseStatusEnum } from './control.types';

@ObjectType('ControlStatusCount', { description: 'Dossiers d’un statut, par ancienneté.' })
export class ControlStatusCountNode {
  @Field(() => ControlCaseStatusEnum)
  status: ControlCaseStatus;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  under30Days: number;

  @Field(() => Int)
  from30To60Days: number;

  @Field(() => Int)
  over60Days: number;
}

@ObjectType('ControlCompliance', { description: 'Taux de conformité des contrôles conclus.' })
export class ControlComplianceNode {
  @Field(() => String)
  indicatorCode: string;

  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => Int)
  concluded: number;

  @Field(() => Int)
  nonCompliant: number;

  @Field(() => Float)
  complianceRatePercent: number;
}

@ObjectType('CaisseIndus')
export class CaisseIndusNode {
  @Field(() => String)
  caisseCode: string;

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  induCents: number;
}

@ObjectType('ControlSupervision', { description: 'Pilotage des contrôles a posteriori d’une campagne.' })
export class ControlSupervisionNode {
  @Field(() => Int)
  caseCount: number;

  @Field(() => [ControlStatusCountNode])
  byStatus: ControlStatusCountNode[];

  @Field(() => [ControlComplianceNode])
  compliance: ControlComplianceNode[];

  @Field(() => [CaisseIndusNode])
  indusByCaisse: CaisseIndusNode[];

  @Field(() => ControlCaseNode, { nullable: true })
  oldestOpenCase: ControlCaseNode | null;
}
