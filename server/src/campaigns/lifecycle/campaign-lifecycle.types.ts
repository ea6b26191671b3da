import { Field, Float, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { CampaignStatusEnum } from '../../common/graphql-enums';
import type { CampaignStatus } from '../../common/enums';
import { CampaignNode } from '../campaign.types';
import { CAMPAIGN_REFUSALS, type CampaignRefusalCode } from './campaign-lifecycle';
import type { CampaignRunStatus } from './campaign-run.entity';

export const CampaignRefusalCodeEnum = Object.fromEntries(CAMPAIGN_REFUSALS.map((c) => [c, c])) as {
  [K in CampaignRefusalCode]: K;
};
registerEnumType(CampaignRefusalCodeEnum, {
  name: 'CampaignRefusalCode',
  description: 'Pourquoi une commande du cycle de vie de la campagne est refusée.',
});

export const CampaignRunStatusEnum = { RUNNING: 'RUNNING', DONE: 'DONE', FAILED: 'FAILED' } as const;
registerEnumType(CampaignRunStatusEnum, { name: 'CampaignRunStatus' });

@ObjectType('CampaignRun', { description: 'Calcul d’une campagne, par lots, avec sa progression (reprise possible).' })
export class CampaignRunNode {
  @Field(() => ID)
  id: string;

  @Field(() => CampaignRunStatusEnum)
  status: CampaignRunStatus;

  @Field(() => Boolean, { description: 'Calcul forcé alors que des justificatifs reçus restaient à vérifier.' })
  forced: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Int)
  receivedPieces: number;

  @Field(() => Int)
  totalDeclarations: number;

  @Field(() => Int)
  processedDeclarations: number;

  @Field(() => Float, { description: 'Avancement de 0 à 100.' })
  percent: number;

  @Field(() => Int)
  batchesCommitted: number;

  @Field(() => Float, {
    description:
      'Total des rémunérations calculées jusqu’ici, en centimes (entier ; au-delà de 2³¹ pour une campagne nationale).',
  })
  totalCents: number;

  @Field(() => String, { nullable: true })
  errorMessage: string | null;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date)
  heartbeatAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@ObjectType('PendingPiecesByCaisse')
export class PendingPiecesNode {
  @Field(() => String)
  caisseCode: string;

  @Field(() => String)
  caisseName: string;

  @Field(() => Int)
  received: number;
}

@ObjectType('ComputationPreview', { description: 'Ce que le calcul de la campagne va faire, avant de le confirmer.' })
export class ComputationPreviewNode {
  @Field(() => Int)
  declarations: number;

  @Field(() => Int, { description: 'Justificatifs reçus non vérifiés (dans le périmètre de l’agent).' })
  receivedPieces: number;

  @Field(() => [PendingPiecesNode])
  perCaisse: PendingPiecesNode[];

  @Field(() => [String], { description: 'Conséquences, en phrases, à afficher dans la confirmation.' })
  consequences: string[];

  @Field(() => Boolean)
  requiresForce: boolean;
}

@ObjectType('CampaignHistoryEntry', { description: 'Un changement d’état de la campagne.' })
export class CampaignHistoryNode {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  command: string | null;

  @Field(() => CampaignStatusEnum)
  fromStatus: CampaignStatus;

  @Field(() => CampaignStatusEnum)
  toStatus: CampaignStatus;

  @Field(() => String, { nullable: true })
  agentName: string | null;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType('CampaignChanged', { description: 'La commande a été acceptée.' })
export class CampaignChangedNode {
  @Field(() => CampaignNode)
  campaign: CampaignNode;

  @Field(() => CampaignRunNode, { nullable: true, description: 'Le calcul lancé ou repris (calcul seulement).' })
  run: CampaignRunNode | null;
}

@ObjectType('CampaignRefused', { description: 'La commande est refusée ; rien n’a changé.' })
export class CampaignRefusedNode {
  @Field(() => CampaignRefusalCodeEnum)
  code: CampaignRefusalCode;

  @Field(() => String)
  message: string;

  @Field(() => CampaignNode, { description: 'La campagne telle qu’elle est maintenant.' })
  campaign: CampaignNode;

  @Field(() => ComputationPreviewNode, { nullable: true })
  preview: ComputationPreviewNode | null;
}

export const CampaignLifecycleResult = createUnionType({
  name: 'CampaignLifecycleResult',
  types: () => [CampaignChangedNode, CampaignRefusedNode] as const,
  resolveType: (value) => ('code' in value ? CampaignRefusedNode : CampaignChangedNode),
});
