import { Field, ID, Int, ObjectType, createUnionType } from 'type-graphql';
import type { ControlRefusalCode } from './cases.service';
import { ControlRefusalCodeEnum } from './control.types';

@ObjectType('ExpiredControlCases', { description: 'Dossiers en attente des pièces dont le délai est dépassé.' })
export class ExpiredControlCasesNode {
  @Field(() => Int)
  count: number;

  @Field(() => String, { nullable: true, description: 'Plus ancienne date limite dépassée (AAAA-MM-JJ).' })
  oldestDeadline: string | null;
}

@ObjectType('NoResponseCaseResult', { description: 'Résultat de la clôture sans réponse d’un dossier.' })
export class NoResponseCaseResultNode {
  @Field(() => ID)
  caseId: string;

  @Field(() => Boolean)
  closed: boolean;

  @Field(() => ControlRefusalCodeEnum, { nullable: true })
  code: ControlRefusalCode | null;

  @Field(() => String, { nullable: true })
  message: string | null;
}

@ObjectType('NoResponseClosed', { description: 'Clôture groupée effectuée : un résultat par dossier.' })
export class NoResponseClosedNode {
  @Field(() => Int)
  closedCount: number;

  @Field(() => Int)
  refusedCount: number;

  @Field(() => Int, { description: 'Dossiers hors délai restant à clore (au-delà d’un lot de 500).' })
  remainingCount: number;

  @Field(() => [NoResponseCaseResultNode])
  results: NoResponseCaseResultNode[];

  kind: 'CLOSED';
}

@ObjectType('NoResponseCountChanged', {
  description: 'Le nombre de dossiers hors délai a changé depuis l’aperçu : rien n’a été clos.',
})
export class NoResponseCountChangedNode {
  @Field(() => String)
  message: string;

  @Field(() => Int)
  count: number;

  kind: 'COUNT_CHANGED';
}

export const NoResponseClosureResult = createUnionType({
  name: 'NoResponseClosureResult',
  types: () => [NoResponseClosedNode, NoResponseCountChangedNode] as const,
  resolveType: (value) => (value.kind === 'CLOSED' ? NoResponseClosedNode : NoResponseCountChangedNode),
});
