import { Field, ID, InputType, ObjectType, createUnionType } from 'type-graphql';

@ObjectType('InternalNote', {
  description: 'Annotation interne d’un agent sur un dossier ou une pièce : lue par les agents de la caisse seulement.',
})
export class InternalNoteNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String)
  body: string;

  @Field(() => ID)
  professionalId: string;

  @Field(() => ID, { nullable: true, description: 'La pièce annotée ; absent pour une note sur le dossier.' })
  justificatifId: string | null;

  agentId: number;
}

@InputType({
  description: 'Une annotation interne : sur une pièce (justificatifId) ou sur le dossier (professionalId).',
})
export class AddInternalNoteInput {
  @Field(() => ID, { nullable: true })
  professionalId?: string | null;

  @Field(() => ID, { nullable: true })
  justificatifId?: string | null;

  @Field(() => String, { description: '2 000 caractères au plus.' })
  body: string;
}

@ObjectType({ description: 'L’annotation est enregistrée.' })
export class InternalNoteAdded {
  @Field(() => InternalNoteNode)
  note: InternalNoteNode;
}

@ObjectType({ description: 'L’annotation est refusée (vide, trop longue, cible absente) : rien n’est enregistré.' })
export class InternalNoteRefused {
  @Field(() => String, { description: 'La phrase à montrer à l’agent.' })
  message: string;

  @Field(() => String, { description: 'Le champ en cause.' })
  field: string;
}

export const AddInternalNoteResult = createUnionType({
  name: 'AddInternalNoteResult',
  types: () => [InternalNoteAdded, InternalNoteRefused] as const,
  resolveType: (value) => ('note' in value ? InternalNoteAdded : InternalNoteRefused),
});
