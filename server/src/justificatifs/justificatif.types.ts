import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import {
  QUEUE_VIEWS,
  type JustificatifChannel,
  type JustificatifStatus,
  type Profession,
  type QueueView,
  type RejectionReason,
  type Scheme,
} from '../common/enums';
import { Connection } from '../common/connection.types';
import {
  JustificatifChannelEnum,
  JustificatifStatusEnum,
  ProfessionEnum,
  RejectionReasonEnum,
  SchemeEnum,
} from '../common/graphql-enums';
import { registerEnumType } from 'type-graphql';
import { DeclarationIndicatorNode, RemunerationNode } from '../declarations/declaration.types';

@ObjectType('ChecklistEntry')
export class ChecklistEntryNode {
  @Field(() => String)
  code: string;

  @Field(() => Boolean)
  checked: boolean;
}

@ObjectType('JustificatifHistoryEntry', { description: 'Une transition du justificatif.' })
export class JustificatifHistoryNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  action: string;

  @Field(() => JustificatifStatusEnum, { nullable: true })
  fromStatus: JustificatifStatus | null;

  @Field(() => JustificatifStatusEnum)
  toStatus: JustificatifStatus;

  @Field(() => AgentSummary, { nullable: true })
  agent: AgentSummary | null;

  @Field(() => Date)
  at: Date;

  @Field(() => [RejectionReasonEnum], { nullable: true })
  reasons: RejectionReason[] | null;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType('Justificatif', { description: 'Pièce justificative envoyée par un PS pour un indicateur.' })
export class JustificatifNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => Int, { description: 'Âge en jours depuis la réception.' })
  ageDays: number;

  @Field(() => JustificatifChannelEnum)
  channel: JustificatifChannel;

  @Field(() => String, { nullable: true, description: 'Adresse du document (GET, réservé aux agents habilités).' })
  fileUrl: string | null;

  @Field(() => JustificatifStatusEnum)
  status: JustificatifStatus;

  @Field(() => Date, { nullable: true })
  assignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => [RejectionReasonEnum], { nullable: true })
  rejectionReasons: RejectionReason[] | null;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => [ChecklistEntryNode], { nullable: true })
  checklist: ChecklistEntryNode[] | null;

  @Field(() => Int, { description: 'Version attendue par les décisions (verrou optimiste).' })
  version: number;

  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => String)
  caisseCode: string;

  professionalId: number;
  campaignId: number;
  indicatorId: number;
  assignedAgentId: number | null;
  decidedByAgentId: number | null;
}

@ObjectType()
export class JustificatifConnection extends Connection(JustificatifNode, 'Justificatif') {
  @Field(() => Boolean, { description: 'Une page précède celle-ci (pagination arrière : last/before).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Curseur de la première ligne (pour « before »).' })
  startCursor: string | null;
}

export const QueueViewEnum = Object.fromEntries(QUEUE_VIEWS.map((v) => [v, v])) as { [K in QueueView]: K };
registerEnumType(QueueViewEnum, {
  name: 'JustificatifQueueView',
  description:
    'TO_PROCESS : reçus non attribués ; MINE : attribués à moi ; ALL_PENDING : tous les reçus ; PROCESSED : décidés ; OPINION_ASKED : mon avis est demandé.',
});

@InputType()
export class JustificatifQueueFilter {
  @Field(() => QueueViewEnum, { nullable: true, defaultValue: 'TO_PROCESS' })
  view?: QueueView;

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

  @Field(() => Int, { nullable: true, description: 'Reçus depuis au moins N jours.' })
  minAgeDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reçus depuis au plus N jours.' })
  maxAgeDays?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Les plus anciens d’abord (défaut).' })
  oldestFirst?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: '« Contradiction détectée » : seulement les pièces dont le pré-contrôle a relevé une contradiction.',
  })
  contradictionDetected?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Pièces détenues par cet agent.' })
  holderId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true : pièces prises ; false : pièces libres.' })
  held?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Vue PROCESSED : seulement les pièces que j’ai décidées.' })
  decidedByMe?: boolean | null;
}

@InputType()
export class ChecklistItemInput {
  @Field(() => String)
  code: string;

  @Field(() => Boolean)
  checked: boolean;
}

@ObjectType('JustificatifDecisionResult', { description: 'Nouvel état après une décision, relu du serveur.' })
export class JustificatifDecisionResult {
  @Field(() => JustificatifNode)
  justificatif: JustificatifNode;

  @Field(() => DeclarationIndicatorNode, { nullable: true })
  indicator: DeclarationIndicatorNode | null;

  @Field(() => RemunerationNode, { nullable: true })
  remuneration: RemunerationNode | null;
}

@InputType({ description: 'Pièce reçue par courriel ou courrier, enregistrée par un agent.' })
export class ReceiveJustificatifInput {
  @Field(() => ID)
  professionalId: string;

  @Field(() => Int)
  campaignYear: number;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field(() => String)
  indicatorCode: string;

  @Field(() => JustificatifChannelEnum)
  channel: JustificatifChannel;

  @Field(() => String, { description: 'Identifiant rendu par POST /api/files.' })
  fileId: string;

  @Field(() => Date, { nullable: true })
  receivedAt?: Date | null;
}
