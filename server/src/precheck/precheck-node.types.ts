/** GraphQL shapes of the pré-contrôle (mapped from the stored row by precheck.nodes.ts). */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FINDING_STATUSES, PRECHECK_STATUSES, type FindingStatus, type PrecheckStatus } from './precheck.types';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const PrecheckStatusEnum = asEnum(PRECHECK_STATUSES);
export const FindingStatusEnum = asEnum(FINDING_STATUSES);
registerEnumType(PrecheckStatusEnum, {
  name: 'PrecheckStatus',
  description: 'Pré-contrôle : en attente, en cours, fait, pièce illisible, échec (la pièce reste à lire).',
});
registerEnumType(FindingStatusEnum, {
  name: 'FindingStatus',
  description: 'Trouvé sur la pièce, contredit par la pièce, ou non trouvé (laissé à l’agent).',
});

@ObjectType('PrecheckBox', {
  description: 'Zone sur la page, en fractions de la largeur et de la hauteur (origine en haut à gauche).',
})
export class PrecheckBoxNode {
  @Field(() => Float) x: number;
  @Field(() => Float) y: number;
  @Field(() => Float) w: number;
  @Field(() => Float) h: number;
}

@ObjectType('PrecheckFinding', { description: 'Ce que le pré-contrôle a lu pour un élément de contrôle.' })
export class PrecheckFindingNode {
  @Field(() => String, { description: 'Code de l’élément de contrôle (référentiel).' })
  item: string;

  @Field(() => FindingStatusEnum)
  status: FindingStatus;

  @Field(() => String, { nullable: true, description: 'Texte lu sur la pièce.' })
  snippet: string | null;

  @Field(() => Int, { nullable: true })
  page: number | null;

  @Field(() => PrecheckBoxNode, { nullable: true })
  box: PrecheckBoxNode | null;

  @Field(() => String, { nullable: true, description: 'Motif de la contradiction ou de l’absence.' })
  reason: string | null;
}

@ObjectType('PrecheckConfirmationItem')
export class PrecheckConfirmationItemNode {
  @Field(() => String) item: string;
  @Field(() => FindingStatusEnum) precheck: FindingStatus;
  @Field(() => Boolean, { nullable: true, description: 'Coché par l’agent ; null : rejet sans liste de contrôle.' })
  agentChecked: boolean | null;
  @Field(() => Boolean, { description: 'L’agent a confirmé la lecture du pré-contrôle.' })
  agreed: boolean;
}

@ObjectType('PrecheckConfirmation', {
  description: 'À la décision : les éléments confirmés par l’agent et ceux qu’il a corrigés.',
})
export class PrecheckConfirmationNode {
  @Field(() => String) action: string;
  @Field(() => Date) at: Date;
  @Field(() => [PrecheckConfirmationItemNode]) items: PrecheckConfirmationItemNode[];
  @Field(() => Int) confirmed: number;
  @Field(() => Int) changed: number;
}

@ObjectType('Precheck', { description: 'Pré-contrôle de la pièce : lu à la réception, jamais une décision.' })
export class PrecheckNode {
  @Field(() => PrecheckStatusEnum)
  status: PrecheckStatus;

  @Field(() => String, { nullable: true, description: 'TEXT (couche texte du PDF) ou OCR.' })
  source: string | null;

  @Field(() => Int, { nullable: true })
  pageCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Confiance de lecture OCR (0–100) ; null pour une couche texte.' })
  confidence: number | null;

  @Field(() => [PrecheckFindingNode])
  findings: PrecheckFindingNode[];

  @Field(() => Int)
  contradictions: number;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => PrecheckConfirmationNode, { nullable: true })
  confirmation: PrecheckConfirmationNode | null;
}
