import { Field, Int, ObjectType } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';

@ObjectType('DayCount', { description: 'Un nombre pour un jour (calendrier de Paris).' })
export class DayCountNode {
  @Field(() => String, { description: 'Jour, AAAA-MM-JJ (Europe/Paris).' })
  day: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('BacklogWeek', { description: 'Stock de justificatifs en attente à la fin d’une semaine.' })
export class BacklogWeekNode {
  @Field(() => String, { description: 'Lundi de la semaine, AAAA-MM-JJ (Europe/Paris).' })
  weekStart: string;

  @Field(() => Int, {
    description: 'Pièces reçues et non décidées le dimanche soir (ou maintenant, semaine en cours).',
  })
  backlog: number;
}

@ObjectType('ConseillerWorkload', { description: 'La charge d’un conseiller : pièces détenues, décisions par jour.' })
export class ConseillerWorkloadNode {
  @Field(() => AgentSummary)
  agent: AgentSummary;

  @Field(() => Int)
  held: number;

  @Field(() => Int, { nullable: true, description: 'Âge en jours de la plus ancienne pièce détenue.' })
  oldestHeldAgeDays: number | null;

  @Field(() => [DayCountNode], { description: 'Pièces décidées par jour, les 14 derniers jours.' })
  decidedPerDay: DayCountNode[];

  @Field(() => Int)
  decidedTotal: number;
}

@ObjectType('SupervisionWorkload', { description: 'La charge du périmètre : stock, pièces détenues, conseillers.' })
export class WorkloadNode {
  @Field(() => Int)
  pending: number;

  @Field(() => Int, { description: 'Pièces en attente prises par un conseiller.' })
  held: number;

  @Field(() => Int, { nullable: true, description: 'Âge en jours de la plus ancienne pièce en attente.' })
  oldestPendingAgeDays: number | null;

  @Field(() => [BacklogWeekNode], { description: 'Stock à la fin de chacune des 12 dernières semaines.' })
  backlogTrend: BacklogWeekNode[];

  @Field(() => [ConseillerWorkloadNode])
  conseillers: ConseillerWorkloadNode[];
}
