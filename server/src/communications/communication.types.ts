import { Field, Float, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { AgentSummary } from '../agents/agent-summary.type';
import type { Profession, Scheme } from '../common/enums';
import { ContactLogNode } from '../contacts/contact.types';
import { ProfessionEnum, SchemeEnum } from '../common/graphql-enums';
import {
  COMMUNICATION_CHANNELS,
  COMMUNICATION_KINDS,
  COMMUNICATION_STATUSES,
  RELANCE_SITUATIONS,
  type CommunicationChannel,
  type CommunicationKind,
  type CommunicationStatus,
  type RelanceSituation,
} from './communication.kinds';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CommunicationKindEnum = asEnum(COMMUNICATION_KINDS);
export const CommunicationChannelEnum = asEnum(COMMUNICATION_CHANNELS);
export const CommunicationStatusEnum = asEnum(COMMUNICATION_STATUSES);
export const RelanceSituationEnum = asEnum(RELANCE_SITUATIONS);
registerEnumType(CommunicationKindEnum, { name: 'CommunicationKind', description: 'Notification ou relance.' });
registerEnumType(CommunicationChannelEnum, { name: 'CommunicationChannel', description: 'Courriel ou courrier.' });
registerEnumType(CommunicationStatusEnum, {
  name: 'CommunicationStatus',
  description: 'En file (QUEUED), en cours (SENDING), envoyé (SENT), en échec (FAILED).',
});
registerEnumType(RelanceSituationEnum, {
  name: 'RelanceSituation',
  description: 'Pièce attendue non reçue, pièce rejetée non renvoyée, déclaration non transmise.',
});

@ObjectType('Communication', { description: 'Un message envoyé (ou à envoyer) à un professionnel.' })
export class CommunicationNode {
  @Field(() => ID)
  id: string;

  @Field(() => CommunicationKindEnum)
  kind: CommunicationKind;

  @Field(() => String, { description: 'Libellé français du type de message.' })
  kindLabel: string;

  @Field(() => CommunicationChannelEnum)
  channel: CommunicationChannel;

  @Field(() => CommunicationStatusEnum)
  status: CommunicationStatus;

  @Field(() => String, { nullable: true })
  recipientEmail: string | null;

  @Field(() => [String])
  recipientAddress: string[];

  @Field(() => String)
  subject: string;

  @Field(() => String)
  body: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, {
    nullable: true,
    description: 'Motif du dernier échec : « adresse inconnue », réponse du serveur…',
  })
  lastError: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => ID, { nullable: true })
  waveId: string | null;

  @Field(() => ID, { nullable: true })
  justificatifId: string | null;

  @Field(() => String, { description: 'Le message tel qu’envoyé : courriel rendu, ou PDF du courrier.' })
  url: string;

  createdByAgentId: number | null;
}

@ObjectType('Exchange', { description: 'Une ligne de l’historique des échanges : message ou contact consigné.' })
export class ExchangeNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'Notification, Relance, Appel, Visite…' })
  title: string;

  @Field(() => CommunicationNode, { nullable: true })
  communication: CommunicationNode | null;

  @Field(() => ContactLogNode, { nullable: true })
  contact: ContactLogNode | null;

  @Field(() => AgentSummary, { nullable: true })
  agent: AgentSummary | null;
}

@ObjectType('CommunicationTemplate')
export class CommunicationTemplateNode {
  @Field(() => CommunicationKindEnum)
  kind: CommunicationKind;

  @Field(() => String)
  kindLabel: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  body: string;
}

@ObjectType('NoticePreview', {
  description: 'La notification que recevra le professionnel si la décision est confirmée.',
})
export class NoticePreviewNode {
  @Field(() => CommunicationKindEnum)
  kind: CommunicationKind;

  @Field(() => CommunicationChannelEnum, {
    nullable: true,
    description: 'Null : ni courriel ni adresse (adresse inconnue).',
  })
  channel: CommunicationChannel | null;

  @Field(() => String)
  recipient: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  body: string;
}

@InputType()
export class RelanceInput {
  @Field(() => Int)
  campaignYear: number;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field(() => RelanceSituationEnum)
  situation: RelanceSituation;

  @Field(() => [ProfessionEnum], { nullable: true, description: 'Vide : toutes les professions de la campagne.' })
  professions?: Profession[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Superviseur national : caisses choisies. Sinon, la caisse de l’agent.',
  })
  caisseCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Ne relancer que les situations d’au moins N jours.' })
  minAgeDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Exclure qui a reçu la même relance il y a moins de N jours (défaut 14).',
  })
  excludeWithinDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Courrier même quand un courriel est connu.' })
  preferLetter?: boolean | null;
}

@ObjectType('RelanceSample')
export class RelanceSampleNode {
  @Field(() => String)
  professionalName: string;

  @Field(() => CommunicationChannelEnum, { nullable: true })
  channel: CommunicationChannel | null;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  body: string;
}

@ObjectType('RelancePreview')
export class RelancePreviewNode {
  @Field(() => Int)
  targetCount: number;

  @Field(() => Int)
  emailCount: number;

  @Field(() => Int)
  letterCount: number;

  @Field(() => Int, { description: 'Ni courriel ni adresse : ces messages seront en échec « adresse inconnue ».' })
  unknownAddressCount: number;

  @Field(() => Int)
  excludedCount: number;

  @Field(() => [String], { description: 'Les 20 premiers exclus (relance du même type trop récente).' })
  excludedNames: string[];

  @Field(() => [String])
  caisseCodes: string[];

  @Field(() => [RelanceSampleNode])
  samples: RelanceSampleNode[];
}

@ObjectType('RelanceWaveStats')
export class RelanceWaveStatsNode {
  @Field(() => Int)
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int, { description: 'Professionnels ayant ensuite envoyé une pièce ou transmis leur déclaration.' })
  responded: number;

  @Field(() => Float, { nullable: true, description: 'Délai médian de réponse, en jours.' })
  medianDelayDays: number | null;
}

@ObjectType('RelanceWave')
export class RelanceWaveNode {
  @Field(() => ID)
  id: string;

  @Field(() => RelanceSituationEnum)
  situation: RelanceSituation;

  @Field(() => CommunicationKindEnum)
  kind: CommunicationKind;

  @Field(() => [String])
  caisseCodes: string[];

  @Field(() => [ProfessionEnum])
  professions: Profession[];

  @Field(() => Int, { nullable: true })
  minAgeDays: number | null;

  @Field(() => Int)
  excludeWithinDays: number;

  @Field(() => Date)
  launchedAt: Date;

  @Field(() => Int)
  targetCount: number;

  @Field(() => Int)
  excludedCount: number;

  @Field(() => String)
  lettersUrl: string;

  @Field(() => String)
  addressesUrl: string;

  launchedByAgentId: number;
  campaignId: number;
}

@ObjectType('RelanceLaunched')
export class RelanceLaunchedNode {
  @Field(() => RelanceWaveNode)
  wave: RelanceWaveNode;

  @Field(() => Boolean, { description: 'Faux : cette vague avait déjà été lancée (même clé), rien n’a été renvoyé.' })
  created: boolean;
}

@ObjectType('RelanceRefused')
export class RelanceRefusedNode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

export const LaunchRelanceResult = createUnionType({
  name: 'LaunchRelanceResult',
  types: () => [RelanceLaunchedNode, RelanceRefusedNode] as const,
  resolveType: (value) => ('wave' in value ? RelanceLaunchedNode : RelanceRefusedNode),
});
