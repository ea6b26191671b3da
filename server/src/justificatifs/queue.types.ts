/** GraphQL shapes of the queue's counts, the agents' saved views and the superviseur's bulk reassignment. */
import { Field, ID, InputType, Int, ObjectType, createUnionType } from 'type-graphql';
import type { Profession, QueueView, Scheme } from '../common/enums';
import { ProfessionEnum, SchemeEnum } from '../common/graphql-enums';
import { JustificatifNode, JustificatifQueueFilter, QueueViewEnum } from './justificatif.types';

@ObjectType('JustificatifQueueCounts', { description: 'Nombre de pièces par onglet, pour le même filtre.' })
export class QueueCountsNode {
  @Field(() => Int)
  toProcess: number;

  @Field(() => Int)
  mine: number;

  @Field(() => Int)
  allPending: number;

  @Field(() => Int)
  processed: number;

  @Field(() => Int, { description: '« Avis demandés » : pièces sur lesquelles mon avis est attendu.' })
  opinionAsked: number;
}

@ObjectType('SavedQueueFilter', {
  description: 'Le filtre d’une vue enregistrée (mêmes champs que le filtre de la file).',
})
export class SavedQueueFilterNode {
  @Field(() => QueueViewEnum, { nullable: true })
  view?: QueueView | null;

  @Field(() => Int, { nullable: true })
  campaignYear?: number | null;

  @Field(() => SchemeEnum, { nullable: true })
  scheme?: Scheme | null;

  @Field(() => String, { nullable: true })
  indicatorCode?: string | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession?: Profession | null;

  @Field(() => String, { nullable: true })
  caisseCode?: string | null;

  @Field(() => Int, { nullable: true })
  minAgeDays?: number | null;

  @Field(() => Int, { nullable: true })
  maxAgeDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  oldestFirst?: boolean | null;

  @Field(() => ID, { nullable: true })
  holderId?: string | null;

  @Field(() => Boolean, { nullable: true })
  held?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  decidedByMe?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  contradictionDetected?: boolean | null;
}

@ObjectType('SavedQueueView', { description: 'Une vue de la file enregistrée par l’agent (visible de lui seul).' })
export class SavedQueueViewNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => SavedQueueFilterNode)
  filter: SavedQueueFilterNode;

  @Field(() => Date)
  createdAt: Date;
}

@InputType({ description: 'Enregistrer une vue : son nom (remplace la vue de même nom) et son filtre.' })
export class SaveQueueViewInput {
  @Field(() => String)
  name: string;

  @Field(() => JustificatifQueueFilter)
  filter: JustificatifQueueFilter;
}

@InputType({ description: 'Une pièce de la sélection, telle que le superviseur l’a lue.' })
export class BulkPieceInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Version lue.' })
  seenVersion: number;

  @Field(() => ID, { nullable: true, description: 'Agent qui détenait la pièce à la lecture (null : personne).' })
  seenHolderId?: string | null;
}

@ObjectType({ description: 'Réattribuée (ou libérée) ; déjà dans cet état : rien n’a changé.' })
export class BulkReassigned {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  message: string;

  @Field(() => Boolean, { description: 'false : la pièce était déjà dans l’état demandé.' })
  changed: boolean;

  @Field(() => JustificatifNode)
  justificatif: JustificatifNode;
}

@ObjectType({ description: 'Déjà décidée : ni réattribuée ni libérée.' })
export class BulkAlreadyDecided {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  message: string;

  @Field(() => JustificatifNode)
  justificatif: JustificatifNode;
}

@ObjectType({ description: 'Hors de votre périmètre (ou inconnue), ou hors de la caisse du conseiller choisi.' })
export class BulkNotInCaisse {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'La pièce a changé depuis la lecture (détenteur ou version) : relire la liste.' })
export class BulkStale {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  message: string;

  @Field(() => JustificatifNode)
  justificatif: JustificatifNode;
}

const BULK_TYPES = { BulkReassigned, BulkAlreadyDecided, BulkNotInCaisse, BulkStale } as const;
export type BulkTypeName = keyof typeof BULK_TYPES;

export const BulkPieceOutcomeUnion = createUnionType({
  name: 'BulkPieceOutcome',
  description: 'Issue d’une réattribution groupée, pièce par pièce.',
  types: () => [BulkReassigned, BulkAlreadyDecided, BulkNotInCaisse, BulkStale] as const,
  resolveType: (value) => BULK_TYPES[(value as unknown as { __typename: BulkTypeName }).__typename],
});

export type BulkPieceOutcomeNode =
  | (BulkReassigned & { __typename: 'BulkReassigned' })
  | (BulkAlreadyDecided & { __typename: 'BulkAlreadyDecided' })
  | (BulkNotInCaisse & { __typename: 'BulkNotInCaisse' })
  | (BulkStale & { __typename: 'BulkStale' });
