import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Profession } from '../common/enums';
import { CampaignNode } from '../campaigns/campaign.types';
import { ProfessionEnum } from '../common/graphql-enums';

@ObjectType('AgeBucket', { description: 'Justificatifs en attente par ancienneté.' })
export class AgeBucketNode {
  @Field(() => String)
  label: string;

  @Field(() => Int)
  minDays: number;

  @Field(() => Int, { nullable: true })
  maxDays: number | null;

  @Field(() => Int)
  count: number;
}

@ObjectType('JustificatifCounts')
export class JustificatifCountsNode {
  @Field(() => Int)
  received: number;

  @Field(() => Int)
  validated: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int)
  pending: number;

  @Field(() => [AgeBucketNode])
  pendingByAge: AgeBucketNode[];
}

@ObjectType('IndicatorAchievement', { description: "Atteinte d'un indicateur sur le périmètre." })
export class IndicatorAchievementNode {
  @Field(() => String)
  campaignLabel: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => Int)
  achieved: number;

  @Field(() => Int)
  notAchieved: number;

  @Field(() => Int)
  neutralised: number;

  @Field(() => Int)
  pendingJustificatif: number;

  @Field(() => Float, { description: 'Part atteinte (neutralisés compris), de 0 à 1.' })
  achievementRate: number;
}

@ObjectType('ProgressBreakdown', { description: 'Une ligne de ventilation par profession ou par caisse.' })
export class ProgressBreakdownNode {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => ProfessionEnum, { nullable: true })
  profession: Profession | null;

  @Field(() => Int)
  professionalsConcerned: number;

  @Field(() => Int)
  declarationsStarted: number;

  @Field(() => Int)
  declarationsTransmitted: number;

  @Field(() => Int)
  justificatifsPending: number;

  @Field(() => Float, { description: 'Centimes (entier ; Float car un total national dépasse 2^31).' })
  projectedCents: number;

  @Field(() => Float)
  computedCents: number;
}

@ObjectType('CampaignProgress', { description: 'Avancement de campagne sur le périmètre demandé.' })
export class CampaignProgressNode {
  @Field(() => [CampaignNode])
  campaigns: CampaignNode[];

  @Field(() => String, { nullable: true })
  caisseCode: string | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession: Profession | null;

  @Field(() => Int)
  professionalsConcerned: number;

  @Field(() => Int)
  declarationsStarted: number;

  @Field(() => Int)
  declarationsTransmitted: number;

  @Field(() => JustificatifCountsNode)
  justificatifs: JustificatifCountsNode;

  @Field(() => [IndicatorAchievementNode])
  achievementByIndicator: IndicatorAchievementNode[];

  @Field(() => Float, { description: 'Rémunération projetée par les règles (centimes).' })
  projectedCents: number;

  @Field(() => Float, { description: 'Rémunération figée au calcul de la campagne (centimes).' })
  computedCents: number;

  @Field(() => Float, { description: 'Montants effectivement payés (centimes).' })
  paidCents: number;

  @Field(() => [ProgressBreakdownNode])
  byProfession: ProgressBreakdownNode[];

  @Field(() => [ProgressBreakdownNode])
  byCaisse: ProgressBreakdownNode[];
}
