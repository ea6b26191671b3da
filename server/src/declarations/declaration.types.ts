import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type {
  AchievementStatus,
  DeclarationChannel,
  DeclarationStatus,
  MessagingType,
  PrefillOrigin,
  Scheme,
  ValueSource,
} from '../common/enums';
import {
  AchievementStatusEnum,
  DeclarationChannelEnum,
  DeclarationStatusEnum,
  MessagingTypeEnum,
  PrefillOriginEnum,
  SchemeEnum,
  ValueSourceEnum,
} from '../common/graphql-enums';

@ObjectType('Atteinte', { description: "Atteinte d'un indicateur, toujours avec son motif." })
export class AtteinteNode {
  @Field(() => AchievementStatusEnum)
  status: AchievementStatus;

  @Field(() => String)
  reason: string;
}

@ObjectType('JustificatifRequirement')
export class JustificatifRequirementNode {
  @Field(() => Boolean)
  required: boolean;

  @Field(() => String)
  reason: string;

  @Field(() => Boolean, { description: 'Attestation sur l’honneur : pièces conservées pour un contrôle a posteriori.' })
  controlAPosteriori: boolean;
}

@ObjectType('SoftwareRef')
export class SoftwareRefNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  version: string;

  @Field(() => String)
  publisherName: string;

  @Field(() => Boolean)
  dmpCompatible: boolean;

  @Field(() => Boolean)
  lapCertified: boolean;
}

@ObjectType('IndicatorValue', { description: 'Valeur pré-remplie, déclarée ou calculée.' })
export class IndicatorValueNode {
  @Field(() => String, { description: 'La valeur mise en forme pour un agent.' })
  display: string;

  @Field(() => Boolean, { nullable: true })
  boolean: boolean | null;

  @Field(() => String, { nullable: true })
  choiceCode: string | null;

  @Field(() => SoftwareRefNode, { nullable: true })
  software: SoftwareRefNode | null;

  @Field(() => MessagingTypeEnum, { nullable: true })
  messagingType: MessagingType | null;

  @Field(() => Float, { nullable: true })
  ratePercent: number | null;

  @Field(() => Int, { nullable: true })
  numerator: number | null;

  @Field(() => Int, { nullable: true })
  denominator: number | null;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => Int, { nullable: true })
  count: number | null;
}

@ObjectType('DeclarationIndicator', { description: "Un indicateur d'une déclaration : valeur, source, atteinte." })
export class DeclarationIndicatorNode {
  @Field(() => String, { description: "Pourquoi l'indicateur concerne ce professionnel (dérogations comprises)." })
  applicabilityReason: string;

  @Field(() => IndicatorValueNode, { nullable: true })
  value: IndicatorValueNode | null;

  @Field(() => ValueSourceEnum, { nullable: true })
  source: ValueSource | null;

  @Field(() => PrefillOriginEnum, { nullable: true })
  prefillOrigin: PrefillOrigin | null;

  @Field(() => AtteinteNode)
  atteinte: AtteinteNode;

  @Field(() => JustificatifRequirementNode)
  justificatifRequired: JustificatifRequirementNode;

  @Field(() => String, {
    nullable: true,
    description: '« pièce justificative validée par la CPAM » quand elle s’applique, sinon null.',
  })
  validatedMention: string | null;

  indicatorId: number;
  professionalId: number;
  campaignId: number;
}

@ObjectType('RemunerationLine')
export class RemunerationLineNode {
  @Field(() => String)
  label: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => Boolean, { description: 'Faux quand aucune source publique ne donne le montant.' })
  amountKnown: boolean;

  @Field(() => String)
  reason: string;
}

@ObjectType('Remuneration', { description: 'Rémunération calculée par les règles, ligne à ligne.' })
export class RemunerationNode {
  @Field(() => Int)
  totalCents: number;

  @Field(() => Boolean, { description: 'Faux quand un montant est inconnu : le total est alors un minimum.' })
  complete: boolean;

  @Field(() => [RemunerationLineNode])
  lines: RemunerationLineNode[];
}

@ObjectType('DeclarationTransmission')
export class DeclarationTransmissionNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  transmittedAt: Date;

  @Field(() => DeclarationChannelEnum)
  channel: DeclarationChannel;

  @Field(() => Boolean)
  honourAttestation: boolean;
}

@ObjectType('Declaration', { description: "Déclaration d'un professionnel pour une campagne." })
export class DeclarationNode {
  @Field(() => ID)
  id: string;

  @Field(() => DeclarationStatusEnum)
  status: DeclarationStatus;

  @Field(() => Date, { nullable: true })
  firstTransmittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastTransmittedAt: Date | null;

  @Field(() => Int)
  transmissionCount: number;

  @Field(() => DeclarationChannelEnum, { nullable: true })
  lastChannel: DeclarationChannel | null;

  @Field(() => Boolean)
  honourAttestation: boolean;

  @Field(() => Boolean)
  conditionsAcknowledged: boolean;

  @Field(() => Int, { nullable: true, description: 'Montant figé au calcul de la campagne.' })
  computedRemunerationCents: number | null;

  professionalId: number;
  campaignId: number;
}

@InputType()
export class PaperIndicatorValueInput {
  @Field(() => String)
  indicatorCode: string;

  @Field(() => Boolean, { nullable: true })
  boolean?: boolean | null;

  @Field(() => String, { nullable: true })
  choiceCode?: string | null;

  @Field(() => ID, { nullable: true })
  softwareId?: string | null;

  @Field(() => MessagingTypeEnum, { nullable: true })
  messagingType?: MessagingType | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Int, { nullable: true })
  count?: number | null;
}

@InputType({ description: 'Formulaire papier d’un PS sans amelipro, saisi par un agent.' })
export class PaperDeclarationInput {
  @Field(() => ID)
  professionalId: string;

  @Field(() => Int)
  campaignYear: number;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field(() => [PaperIndicatorValueInput])
  values: PaperIndicatorValueInput[];

  @Field(() => Boolean)
  honourAttestation: boolean;

  @Field(() => Boolean)
  conditionsAcknowledged: boolean;

  @Field(() => Date, { nullable: true, description: 'Date de réception du formulaire (défaut : maintenant).' })
  receivedAt?: Date | null;
}
