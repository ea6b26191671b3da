/**
 * The outcomes of `decideJustificatif` as a GraphQL union: the console switches on `__typename`.
 * Each refusal carries what the console says (who, when, the current version) and the piece as it
 * now stands, so the screen refreshes without another read.
 */
import { Field, ID, InputType, Int, ObjectType, createUnionType } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import type { CampaignStatus, JustificatifStatus, JustificatifVerdict, RejectionReason } from '../common/enums';
import {
  CampaignStatusEnum,
  JustificatifStatusEnum,
  JustificatifVerdictEnum,
  RejectionReasonEnum,
} from '../common/graphql-enums';
import { DeclarationIndicatorNode, RemunerationNode } from '../declarations/declaration.types';
import { ChecklistItemInput, JustificatifNode } from './justificatif.types';

@InputType({ description: 'Décision sur une pièce : validation (avec la grille de contrôle) ou rejet motivé.' })
export class DecideJustificatifInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Version lue par l’agent (verrou optimiste).' })
  expectedVersion: number;

  @Field(() => JustificatifVerdictEnum)
  verdict: JustificatifVerdict;

  @Field(() => [ChecklistItemInput], { nullable: true, description: 'Validation : la grille de contrôle cochée.' })
  checklist?: ChecklistItemInput[] | null;

  @Field(() => [RejectionReasonEnum], { nullable: true, description: 'Rejet : un motif au moins.' })
  reasons?: RejectionReason[] | null;

  @Field(() => String, { nullable: true, description: 'Rejet : commentaire libre (2 000 caractères au plus).' })
  comment?: string | null;
}

/** Fields every outcome shares (not a GraphQL type of its own: it is never returned as such). */
@ObjectType()
abstract class OutcomeBase {
  @Field(() => String, { description: 'La phrase à montrer à l’agent.' })
  message: string;

  @Field(() => JustificatifNode, { description: 'La pièce telle qu’elle est maintenant.' })
  justificatif: JustificatifNode;
}

@ObjectType({ description: 'La décision est enregistrée ; l’indicateur et la rémunération sont recalculés.' })
export class Decided extends OutcomeBase {
  @Field(() => DeclarationIndicatorNode, { nullable: true })
  indicator: DeclarationIndicatorNode | null;

  @Field(() => RemunerationNode, { nullable: true })
  remuneration: RemunerationNode | null;
}

@ObjectType({ description: 'Un autre agent a déjà décidé la pièce.' })
export class AlreadyDecided extends OutcomeBase {
  @Field(() => JustificatifStatusEnum)
  status: JustificatifStatus;

  @Field(() => AgentSummary, { nullable: true })
  decidedBy: AgentSummary | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => Int)
  currentVersion: number;
}

@ObjectType({ description: 'Un collègue a pris la pièce : lui seul peut la décider.' })
export class HeldByColleague extends OutcomeBase {
  @Field(() => AgentSummary, { nullable: true })
  assignedTo: AgentSummary | null;

  @Field(() => Date, { nullable: true })
  assignedAt: Date | null;

  @Field(() => Int)
  currentVersion: number;
}

@ObjectType({ description: 'La pièce a changé depuis la lecture de l’agent : relire avant de décider.' })
export class StaleVersion extends OutcomeBase {
  @Field(() => Int)
  currentVersion: number;
}

@ObjectType({ description: 'La campagne n’accepte pas (ou plus) de décision.' })
export class CampaignClosed extends OutcomeBase {
  @Field(() => String)
  campaignLabel: string;

  @Field(() => CampaignStatusEnum)
  campaignStatus: CampaignStatus;
}

const OUTCOME_TYPES = { Decided, AlreadyDecided, HeldByColleague, StaleVersion, CampaignClosed } as const;
export type OutcomeTypeName = keyof typeof OUTCOME_TYPES;

export const DecisionOutcomeUnion = createUnionType({
  name: 'DecisionOutcome',
  description: 'Issue d’une décision : décidée, ou pourquoi elle ne l’est pas.',
  types: () => [Decided, AlreadyDecided, HeldByColleague, StaleVersion, CampaignClosed] as const,
  resolveType: (value) => OUTCOME_TYPES[(value as unknown as { __typename: OutcomeTypeName }).__typename],
});

export type DecisionOutcomeNode =
  | (Decided & { __typename: 'Decided' })
  | (AlreadyDecided & { __typename: 'AlreadyDecided' })
  | (HeldByColleague & { __typename: 'HeldByColleague' })
  | (StaleVersion & { __typename: 'StaleVersion' })
  | (CampaignClosed & { __typename: 'CampaignClosed' });
