import { Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.types';
import { JustificatifNode } from './justificatif.types';
import { REVERSAL_REFUSALS, type ReversalRefusalCode } from './reversal';

export const ReversalRefusalCodeEnum = Object.fromEntries(REVERSAL_REFUSALS.map((c) => [c, c])) as {
  [K in ReversalRefusalCode]: K;
};
registerEnumType(ReversalRefusalCodeEnum, { name: 'ReversalRefusalCode' });

@ObjectType('Regularisation', {
  description: 'Écart de montant dû après calcul (recours, contrôle), jamais une modification silencieuse.',
})
export class RegularisationNode {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  previousDueCents: number;

  @Field(() => Int)
  newDueCents: number;

  @Field(() => Int, { description: 'Nouveau dû − dû précédent : positif, à verser ; négatif, indu.' })
  amountCents: number;

  @Field(() => String)
  reason: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { description: 'Caisse du professionnel.' })
  caisseCode: string;

  @Field(() => String, { description: 'REVERSAL (recours) ou CONTROL (contrôle a posteriori).' })
  source: string;

  @Field(() => ID)
  professionalId: string;

  @Field(() => String, { nullable: true, description: 'Nom et prénom du professionnel (liste des régularisations).' })
  professionalName?: string | null;
}

export const RegularisationConnection = Connection(RegularisationNode, 'Regularisation');

@ObjectType('DecisionReversed', { description: 'Recours enregistré.' })
export class DecisionReversedNode {
  @Field(() => JustificatifNode)
  justificatif: JustificatifNode;

  @Field(() => RegularisationNode, { nullable: true, description: 'Créée quand la campagne est déjà calculée.' })
  regularisation: RegularisationNode | null;
}

@ObjectType('ReversalRefused', { description: 'Recours refusé ; rien n’a changé.' })
export class ReversalRefusedNode {
  @Field(() => ReversalRefusalCodeEnum)
  code: ReversalRefusalCode;

  @Field(() => String)
  message: string;
}

export const ReversalResult = createUnionType({
  name: 'ReversalResult',
  types: () => [DecisionReversedNode, ReversalRefusedNode] as const,
  resolveType: (value) => ('code' in value ? ReversalRefusedNode : DecisionReversedNode),
});
