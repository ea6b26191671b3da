import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.types';
import { IMPORT_KINDS, type ImportKind } from './import-kinds';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ImportKindEnum = asEnum(IMPORT_KINDS);
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description:
    'Flux importé : PROFESSIONALS (annuaire des PS), DMP_TRACES, MSSANTE, BILLING, ANNUAIRE (pré-remplissages), DECLARATIONS (transmissions amelipro), PAYMENTS, ANNUAIRE_SANTE (extrait public PS_LibreAcces_Personne_activite : rafraîchit le répertoire des PS).',
});

/** Stored statuses plus INTERRUPTED: a run whose process stopped (no heartbeat for a while). */
export const IMPORT_RUN_VIEW_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED'] as const;
export type ImportRunViewStatus = (typeof IMPORT_RUN_VIEW_STATUSES)[number];
export const ImportRunStatusEnum = asEnum(IMPORT_RUN_VIEW_STATUSES);
registerEnumType(ImportRunStatusEnum, {
  name: 'ImportRunStatus',
  description:
    'RUNNING : en cours ; COMPLETED : terminé (des lignes ont pu être rejetées) ; FAILED : arrêté sur une erreur de fichier ou de traitement ; INTERRUPTED : le processus s’est arrêté en cours de route (relancer le même fichier complète l’import).',
});

@ObjectType('ImportRejection', { description: 'Ligne rejetée : numéro de ligne, colonne en cause et motif.' })
export class ImportRejectionNode {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true, description: 'Null : la ligne entière est en cause.' })
  column: string | null;

  @Field(() => String)
  reason: string;
}

@ObjectType('ImportRun', { description: "Exécution d'un import de flux, avec sa progression." })
export class ImportRunNode {
  @Field(() => ID)
  id: string;

  @Field(() => ImportKindEnum)
  kind: ImportKind;

  @Field(() => ImportRunStatusEnum)
  status: ImportRunViewStatus;

  @Field(() => String)
  fileName: string;

  @Field(() => String, { nullable: true, description: 'Caisse à laquelle l’import est limité ; null : national.' })
  caisseCode: string | null;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Lignes lues (hors en-tête).' })
  rowsRead: number;

  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int, {
    description: 'Lignes hors du champ du flux (autre profession, activité salariée, site secondaire).',
  })
  skipped: number;

  @Field(() => Int, { description: 'Professionnels du fichier inconnus du répertoire (listés dans le rapport).' })
  unknown: number;

  @Field(() => Int, {
    description: 'Professionnels connus absents du fichier (listés dans le rapport, jamais supprimés).',
  })
  absent: number;

  @Field(() => Int, { description: 'Lots validés (une transaction par lot).' })
  batchesCommitted: number;

  @Field(() => Int)
  bytesRead: number;

  @Field(() => Int)
  totalBytes: number;

  @Field(() => Float, { description: 'Part du fichier lue, de 0 à 1.' })
  progress: number;

  @Field(() => Float, { description: 'Débit moyen en lignes par seconde.' })
  rowsPerSecond: number;

  @Field(() => Int, { nullable: true, description: 'Secondes restantes estimées (en cours seulement).' })
  etaSeconds: number | null;

  @Field(() => String, { nullable: true })
  errorMessage: string | null;

  @Field(() => [ImportRejectionNode], { description: 'Premières lignes rejetées (toutes figurent dans le rapport).' })
  rejections: ImportRejectionNode[];

  @Field(() => String, {
    nullable: true,
    description: 'Adresse du rapport CSV des lignes rejetées (GET), une fois terminé.',
  })
  reportUrl: string | null;

  /** Who ran it (null: the command line). */
  agentId: number | null;
}

export const ImportRunConnection = Connection(ImportRunNode, 'ImportRun');
export type ImportRunConnection = InstanceType<typeof ImportRunConnection>;

@ObjectType('ImportColumn', { description: 'Une colonne d’un type de flux.' })
export class ImportColumnNode {
  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  required: boolean;
}

@ObjectType('ImportKindInfo', { description: 'Un type de flux : ses colonnes et un modèle de fichier à télécharger.' })
export class ImportKindInfoNode {
  @Field(() => ImportKindEnum)
  kind: ImportKind;

  @Field(() => [ImportColumnNode])
  columns: ImportColumnNode[];

  @Field(() => String, {
    nullable: true,
    description: 'Modèle CSV (ligne d’en-tête, séparateur « ; ») ; null pour un extrait déposé tel que publié.',
  })
  templateCsv: string | null;
}
