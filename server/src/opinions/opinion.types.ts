/** GraphQL shapes of « Demander un avis »: the request, its outcomes as unions, the agents one may ask. */
import { Field, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { AgentRoleEnum } from '../agents/agent.types';
import type { AgentRole } from '../common/enums';
import {
  AlreadyDecided,
  CampaignClosed,
  HeldByColleague,
  StaleVersion,
  type DecisionOutcomeNode,
} from '../justificatifs/decision-outcome.types';
import { JustificatifNode } from '../justificatifs/justificatif.types';
import { OPINION_REFUSALS, type OpinionRefusalCode } from './opinion';
import { OPINION_STATUSES, type OpinionStatus } from './opinion-request.entity';

export const OpinionStatusEnum = Object.fromEntries(OPINION_STATUSES.map((s) => [s, s])) as {
  [K in OpinionStatus]: K;
};
registerEnumType(OpinionStatusEnum, {
  name: 'OpinionStatus',
  description:
    'PENDING : avis attendu ; ANSWERED : répondu ; CLOSED : sans suite (pièce décidée, libérée ou réattribuée).',
});

export const OpinionRefusalCodeEnum = Object.fromEntries(OPINION_REFUSALS.map((c) => [c, c])) as {
  [K in OpinionRefusalCode]: K;
};
registerEnumType(OpinionRefusalCodeEnum, { name: 'OpinionRefusalCode' });

@ObjectType('OpinionRequest', {
  description: 'Une demande d’avis sur une pièce : la question, à qui, quand, et la réponse.',
})
export class OpinionRequestNode {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  justificatifId: string;

  @Field(() => String)
  question: string;

  @Field(() => Date)
  askedAt: Date;

  @Field(() => OpinionStatusEnum)
  status: OpinionStatus;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Close sans réponse (pièce décidée, libérée ou réattribuée).' })
  closedAt: Date | null;

  askedByAgentId: number;
  askedAgentId: number;
}

@ObjectType('OpinionAdviser', { description: 'Un agent à qui demander un avis sur la pièce.' })
export class OpinionAdviserNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => AgentRoleEnum)
  role: AgentRole;

  @Field(() => String)
  caisseCode: string;

  @Field(() => Boolean)
  nationalScope: boolean;
}

@InputType({ description: 'Demander un avis sur une pièce que l’on détient (ou libre : elle est alors prise).' })
export class RequestOpinionInput {
  @Field(() => ID)
  justificatifId: string;

  @Field(() => Int, { description: 'Version lue par l’agent (verrou optimiste).' })
  expectedVersion: number;

  @Field(() => ID, { description: 'Le conseiller ou superviseur sollicité (opinionAdvisers).' })
  toAgentId: string;

  @Field(() => String, { description: '2 000 caractères au plus.' })
  question: string;
}

@ObjectType({ description: 'La demande d’avis est enregistrée ; la pièce reste prise par le demandeur.' })
export class OpinionRequested {
  @Field(() => String)
  message: string;

  @Field(() => OpinionRequestNode)
  request: OpinionRequestNode;

  @Field(() => JustificatifNode, { description: 'La pièce telle qu’elle est maintenant.' })
  justificatif: JustificatifNode;
}

@ObjectType({ description: 'L’avis est donné ; il figure dans l’historique de la pièce.' })
export class OpinionAnswered {
  @Field(() => String)
  message: string;

  @Field(() => OpinionRequestNode)
  request: OpinionRequestNode;
}

@ObjectType({ description: 'Demande ou réponse refusée ; rien n’a changé.' })
export class OpinionRefused {
  @Field(() => OpinionRefusalCodeEnum)
  code: OpinionRefusalCode;

  @Field(() => String, { description: 'La phrase à montrer à l’agent.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'L’argument en cause.' })
  field: string | null;
}

export const RequestOpinionOutcome = createUnionType({
  name: 'RequestOpinionOutcome',
  description: 'Issue d’une demande d’avis : enregistrée, ou pourquoi elle ne l’est pas.',
  types: () =>
    [OpinionRequested, OpinionRefused, AlreadyDecided, HeldByColleague, StaleVersion, CampaignClosed] as const,
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});

export type RequestOpinionOutcomeNode =
  | (OpinionRequested & { __typename: 'OpinionRequested' })
  | (OpinionRefused & { __typename: 'OpinionRefused' })
  | Exclude<DecisionOutcomeNode, { __typename: 'Decided' }>;

export const AnswerOpinionOutcome = createUnionType({
  name: 'AnswerOpinionOutcome',
  description: 'Issue d’une réponse à une demande d’avis.',
  types: () => [OpinionAnswered, OpinionRefused] as const,
  resolveType: (value) => ('code' in value ? OpinionRefused : OpinionAnswered),
});
