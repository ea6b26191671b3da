import { Field, Float, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import type { JustificatifChannel, Profession, Scheme } from '../common/enums';
import { Connection } from '../common/connection.types';
import { JustificatifChannelEnum, ProfessionEnum, SchemeEnum } from '../common/graphql-enums';
import {
  CONTROL_CASE_STATUSES,
  CONTROL_REQUEST_CHANNELS,
  CONTROL_REQUEST_DELIVERIES,
  type ControlCaseStatus,
  type ControlRequestChannel,
  type ControlRequestDelivery,
} from './control.entity';
import { CONTROL_QUEUE_VIEWS, type ControlQueueView } from './cases.query';
import { REFUSAL_CODES, type ControlRefusalCode } from './cases.service';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ControlCaseStatusEnum = asEnum(CONTROL_CASE_STATUSES);
export const ControlRequestChannelEnum = asEnum(CONTROL_REQUEST_CHANNELS);
export const ControlRequestDeliveryEnum = asEnum(CONTROL_REQUEST_DELIVERIES);
export const ControlQueueViewEnum = asEnum(CONTROL_QUEUE_VIEWS);
export const ControlRefusalCodeEnum = asEnum(REFUSAL_CODES);
export const CONTROL_PLAN_REFUSAL_CODES = [
  'CAMPAIGN_NOT_CLOSED',
  'SAMPLE_TOO_LARGE',
  'EMPTY_POPULATION',
  'INVALID_SPEC',
  'CONFLICT',
] as const;
export const ControlPlanRefusalCodeEnum = asEnum(CONTROL_PLAN_REFUSAL_CODES);
export const CONTROL_OUTCOMES = ['COMPLIANT', 'NON_COMPLIANT', 'NO_RESPONSE'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];
export const ControlOutcomeEnum = asEnum(CONTROL_OUTCOMES);

registerEnumType(ControlCaseStatusEnum, {
  name: 'ControlCaseStatus',
  description:
    'OPEN → PIECES_REQUESTED → PIECES_RECEIVED → CONCLUDED_COMPLIANT / CONCLUDED_NON_COMPLIANT ; NO_RESPONSE : délai dépassé.',
});
registerEnumType(ControlRequestChannelEnum, { name: 'ControlRequestChannel' });
registerEnumType(ControlRequestDeliveryEnum, {
  name: 'ControlRequestDelivery',
  description:
    'QUEUED : message déposé dans la file d’envoi (voir requestMessage) ; PENDING_OUTBOX : demande antérieure au module de communication, non envoyée.',
});
registerEnumType(ControlQueueViewEnum, {
  name: 'ControlQueueView',
  description:
    'TO_PROCESS : en cours non attribués ; MINE : les miens ; ALL_OPEN : tous en cours ; CONCLUDED : conclus.',
});
registerEnumType(ControlRefusalCodeEnum, { name: 'ControlRefusalCode' });
registerEnumType(ControlPlanRefusalCodeEnum, { name: 'ControlPlanRefusalCode' });
registerEnumType(ControlOutcomeEnum, { name: 'ControlOutcome' });

@ObjectType('ControlStratum', { description: 'Une strate profession × indicateur du tirage.' })
export class ControlStratumNode {
  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => String)
  indicatorCode: string;

  @Field(() => Int, { description: 'Indicateurs atteints sur attestation dans le périmètre.' })
  population: number;

  @Field(() => Int, { description: 'Déjà contrôlés pour cette campagne et cet indicateur : exclus.' })
  excluded: number;

  @Field(() => Int)
  sampled: number;
}

@ObjectType('ControlPlan', { description: 'Plan de contrôle a posteriori : un tirage reproductible.' })
export class ControlPlanNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true, description: 'Caisse tirée ; null : plan national.' })
  caisseCode: string | null;

  @Field(() => String, { description: 'Graine : même population + même graine = même échantillon.' })
  seed: string;

  @Field(() => Float, { nullable: true })
  ratePercent: number | null;

  @Field(() => Int, { nullable: true })
  size: number | null;

  @Field(() => [ProfessionEnum])
  professions: Profession[];

  @Field(() => [String])
  indicatorCodes: string[];

  @Field(() => Boolean)
  includePrefilled: boolean;

  @Field(() => Int)
  populationCount: number;

  @Field(() => Int)
  excludedCount: number;

  @Field(() => [ControlStratumNode])
  strata: ControlStratumNode[];

  @Field(() => Int)
  caseCount: number;

  @Field(() => Int)
  responseDays: number;

  @Field(() => Date)
  createdAt: Date;

  campaignId: number;
  createdByAgentId: number;
}

@ObjectType('ControlPlanPreview', { description: 'Aperçu du tirage : rien n’est créé.' })
export class ControlPlanPreviewNode {
  @Field(() => String, { description: 'Graine à reprendre pour créer le plan à l’identique.' })
  seed: string;

  @Field(() => Int)
  populationCount: number;

  @Field(() => Int)
  excludedCount: number;

  @Field(() => Int)
  sampleCount: number;

  @Field(() => [ControlStratumNode])
  strata: ControlStratumNode[];

  kind: 'PREVIEW';
}

@ObjectType('ControlPlanRefused', { description: 'Tirage refusé : rien n’est créé.' })
export class ControlPlanRefusedNode {
  @Field(() => ControlPlanRefusalCodeEnum)
  code: (typeof CONTROL_PLAN_REFUSAL_CODES)[number];

  @Field(() => String)
  message: string;

  @Field(() => Int)
  populationCount: number;

  kind: 'REFUSED';
}

@ObjectType('ControlPlanCreated')
export class ControlPlanCreatedNode {
  @Field(() => ControlPlanNode)
  plan: ControlPlanNode;

  kind: 'CREATED';
}

export const ControlPlanPreviewResult = createUnionType({
  name: 'ControlPlanPreviewResult',
  types: () => [ControlPlanPreviewNode, ControlPlanRefusedNode] as const,
  resolveType: (value) => (value.kind === 'PREVIEW' ? ControlPlanPreviewNode : ControlPlanRefusedNode),
});

export const ControlPlanCreateResult = createUnionType({
  name: 'ControlPlanCreateResult',
  types: () => [ControlPlanCreatedNode, ControlPlanRefusedNode] as const,
  resolveType: (value) => (value.kind === 'CREATED' ? ControlPlanCreatedNode : ControlPlanRefusedNode),
});

@ObjectType('ControlMotif', { description: 'Motif de non-conformité (liste fermée par type d’indicateur).' })
export class ControlMotifNode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;
}

@ObjectType('ControlIndicator', { description: 'Un indicateur contrôlé dans le dossier.' })
export class ControlIndicatorNode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => [ControlMotifNode], { description: 'Motifs applicables à cet indicateur.' })
  motifs: ControlMotifNode[];

  @Field(() => String, { nullable: true, description: 'Constat du contrôle, quand il conclut contre l’indicateur.' })
  finding: string | null;
}

@ObjectType('ControlPiece')
export class ControlPieceNode {
  @Field(() => String)
  fileUrl: string;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => JustificatifChannelEnum)
  channel: JustificatifChannel;
}

@ObjectType('ControlFinding')
export class ControlFindingNode {
  @Field(() => String)
  indicatorCode: string;

  @Field(() => [String])
  motifs: string[];

  @Field(() => [String])
  motifLabels: string[];
}

@ObjectType('InduLine', { description: 'Une ligne de l’indu : versé − dû, avec sa raison.' })
export class InduLineNode {
  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true })
  indicatorCode: string | null;

  @Field(() => Int)
  paidCents: number;

  @Field(() => Int)
  dueCents: number;

  @Field(() => Int)
  induCents: number;

  @Field(() => String)
  reason: string;
}

@ObjectType('ControlCaseHistoryEntry')
export class ControlCaseHistoryNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  action: string;

  @Field(() => ControlCaseStatusEnum, { nullable: true })
  fromStatus: ControlCaseStatus | null;

  @Field(() => ControlCaseStatusEnum)
  toStatus: ControlCaseStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  agentName: string | null;
}

@ObjectType('ControlCase', { description: 'Dossier de contrôle a posteriori d’un professionnel pour une campagne.' })
export class ControlCaseNode {
  @Field(() => ID)
  id: string;

  @Field(() => ControlCaseStatusEnum)
  status: ControlCaseStatus;

  @Field(() => String)
  statusLabel: string;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => Int, { description: 'Jours depuis l’ouverture.' })
  ageDays: number;

  @Field(() => [String])
  indicatorCodes: string[];

  @Field(() => String)
  caisseCode: string;

  @Field(() => ProfessionEnum)
  profession: Profession;

  @Field(() => Date, { nullable: true })
  piecesRequestedAt: Date | null;

  @Field(() => ControlRequestChannelEnum, { nullable: true })
  requestChannel: ControlRequestChannel | null;

  @Field(() => ControlRequestDeliveryEnum, { nullable: true })
  requestDelivery: ControlRequestDelivery | null;

  @Field(() => String, { nullable: true, description: 'Date limite de réponse (AAAA-MM-JJ).' })
  responseDeadline: string | null;

  @Field(() => Boolean)
  deadlinePassed: boolean;

  @Field(() => [ControlPieceNode])
  pieces: ControlPieceNode[];

  @Field(() => Date, { nullable: true })
  concludedAt: Date | null;

  @Field(() => [ControlFindingNode])
  findings: ControlFindingNode[];

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Int, { nullable: true, description: 'Indu (versé − dû), en centimes ; null avant la conclusion.' })
  induCents: number | null;

  @Field(() => String, { nullable: true })
  induReason: string | null;

  @Field(() => [InduLineNode])
  induLines: InduLineNode[];

  @Field(() => Int, { description: 'Version attendue par les actions (verrou optimiste).' })
  version: number;

  planId: number;
  campaignId: number;
  professionalId: number;
  requestCommunicationId: number | null;
  assignedAgentId: number | null;
  concludedByAgentId: number | null;
}

@ObjectType()
export class ControlCaseConnection extends Connection(ControlCaseNode, 'ControlCase') {}

@ObjectType('ControlCaseUpdated', { description: 'Nouvel état du dossier, relu du serveur.' })
export class ControlCaseUpdatedNode {
  @Field(() => ControlCaseNode)
  controlCase: ControlCaseNode;

  kind: 'UPDATED';
}

@ObjectType('ControlCaseRefused', { description: 'Action refusée : le dossier est inchangé (état actuel joint).' })
export class ControlCaseRefusedNode {
  @Field(() => ControlRefusalCodeEnum)
  code: ControlRefusalCode;

  @Field(() => String)
  message: string;

  @Field(() => ControlCaseNode)
  controlCase: ControlCaseNode;

  kind: 'REFUSED';
}

export const ControlCaseResult = createUnionType({
  name: 'ControlCaseResult',
  types: () => [ControlCaseUpdatedNode, ControlCaseRefusedNode] as const,
  resolveType: (value) => (value.kind === 'UPDATED' ? ControlCaseUpdatedNode : ControlCaseRefusedNode),
});

@InputType()
export class ControlPlanInput {
  @Field(() => Int)
  campaignYear: number;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field(() => String, { nullable: true, description: 'Caisse à tirer ; omise : la sienne, ou toutes (national).' })
  caisseCode?: string | null;

  @Field(() => [ProfessionEnum], { nullable: true })
  professions?: Profession[] | null;

  @Field(() => [String], { nullable: true })
  indicatorCodes?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Taux par strate, en % (exclusif avec size).' })
  ratePercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'Taille totale, répartie entre les strates au prorata.' })
  size?: number | null;

  @Field(() => String, { nullable: true, description: 'Graine ; omise : tirée au hasard et rendue par l’aperçu.' })
  seed?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Inclure les valeurs pré-alimentées.' })
  includePrefilled?: boolean | null;
}

@InputType()
export class CreateControlPlanInput extends ControlPlanInput {
  @Field(() => String)
  label: string;

  @Field(() => Int, { nullable: true, description: 'Délai de réponse du professionnel, en jours (30 par défaut).' })
  responseDays?: number | null;
}

@InputType()
export class ControlQueueFilterInput {
  @Field(() => Int, { nullable: true })
  campaignYear?: number | null;

  @Field(() => SchemeEnum, { nullable: true })
  scheme?: Scheme | null;

  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => ControlCaseStatusEnum, { nullable: true })
  status?: ControlCaseStatus | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession?: Profession | null;

  @Field(() => String, { nullable: true })
  caisseCode?: string | null;
}

@InputType()
export class ControlFindingInput {
  @Field(() => String)
  indicatorCode: string;

  @Field(() => [String])
  motifs: string[];
}

export type { ControlQueueView };
