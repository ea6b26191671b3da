import { Field, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.types';
import { LocalDate } from '../common/scalars';
import type { MessagingType } from '../common/enums';
import { MessagingTypeEnum } from '../common/graphql-enums';
import { REFERENTIEL_REFUSALS, type ReferentielRefusalCode } from './referentiel-edit';

export const ReferentielRefusalCodeEnum = Object.fromEntries(REFERENTIEL_REFUSALS.map((c) => [c, c])) as {
  [K in ReferentielRefusalCode]: K;
};
registerEnumType(ReferentielRefusalCodeEnum, { name: 'ReferentielRefusalCode' });

@ObjectType('SoftwarePublisher', { description: 'Éditeur de logiciel.' })
export class SoftwarePublisherNode {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('Software', { description: 'Une version de logiciel métier du catalogue.' })
export class SoftwareNode {
  @Field(() => ID)
  id: string;

  @Field(() => SoftwarePublisherNode)
  publisher: SoftwarePublisherNode;

  @Field(() => String)
  name: string;

  @Field(() => String)
  version: string;

  @Field(() => Boolean)
  dmpCompatible: boolean;

  @Field(() => LocalDate, { nullable: true })
  dmpCompatibleSince: string | null;

  @Field(() => Boolean, { description: "Logiciel d'aide à la prescription certifié HAS." })
  lapCertified: boolean;

  @Field(() => MessagingTypeEnum, {
    nullable: true,
    description: 'Messagerie sécurisée proposée (Apicrypt, MSSanté…).',
  })
  messagingType: MessagingType | null;

  @Field(() => Int, { description: 'Révision, à renvoyer pour modifier l’entrée.' })
  revision: number;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true })
  updatedBy: string | null;
}

export const SoftwareConnection = Connection(SoftwareNode, 'Software');

@InputType('SoftwareInput')
export class SoftwareInputType {
  @Field(() => ID, { nullable: true, description: 'Absent : nouvelle entrée (nouveau logiciel ou nouvelle version).' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'Révision lue, obligatoire pour modifier une entrée.' })
  expectedRevision?: number | null;

  @Field(() => String)
  publisherName: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  version: string;

  @Field(() => Boolean)
  dmpCompatible: boolean;

  @Field(() => LocalDate, { nullable: true })
  dmpCompatibleSince?: string | null;

  @Field(() => Boolean)
  lapCertified: boolean;

  @Field(() => MessagingTypeEnum, { nullable: true, description: 'Absent : messagerie inconnue du catalogue.' })
  messagingType?: MessagingType | null;
}

@ObjectType('SoftwareSaved')
export class SoftwareSavedNode {
  @Field(() => SoftwareNode)
  software: SoftwareNode;

  @Field(() => Int, { description: 'Déclarations de campagnes ouvertes réévaluées.' })
  reevaluated: number;

  @Field(() => String)
  summary: string;
}

@ObjectType('LapExemptionsSaved')
export class LapExemptionsSavedNode {
  @Field(() => [String])
  specialties: string[];

  @Field(() => Int, { description: 'Version de la campagne après modification.' })
  campaignVersion: number;

  @Field(() => Int)
  reevaluated: number;

  @Field(() => String)
  summary: string;
}

@ObjectType('ReferentielRefused', { description: 'Modification refusée ; rien n’a changé.' })
export class ReferentielRefusedNode {
  @Field(() => ReferentielRefusalCodeEnum)
  code: ReferentielRefusalCode;

  @Field(() => String)
  message: string;
}

export const UpsertSoftwareResult = createUnionType({
  name: 'UpsertSoftwareResult',
  types: () => [SoftwareSavedNode, ReferentielRefusedNode] as const,
  resolveType: (value) => ('code' in value ? ReferentielRefusedNode : SoftwareSavedNode),
});

export const SetLapExemptionsResult = createUnionType({
  name: 'SetLapExemptionsResult',
  types: () => [LapExemptionsSavedNode, ReferentielRefusedNode] as const,
  resolveType: (value) => ('code' in value ? ReferentielRefusedNode : LapExemptionsSavedNode),
});

@ObjectType('ReferentielChange', {
  description: 'Une modification du référentiel : révision, auteur, date, réévaluations.',
})
export class ReferentielChangeNode {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  revision: number;

  @Field(() => String, { nullable: true })
  author: string | null;

  @Field(() => Date)
  at: Date;

  @Field(() => Int, { description: 'Déclarations de campagnes ouvertes réévaluées par cette modification.' })
  reevaluated: number;

  @Field(() => String, { description: 'Ce qui a changé, en une phrase.' })
  summary: string;
}
