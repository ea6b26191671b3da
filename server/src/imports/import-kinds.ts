/** The national feeds an import reads, and the status of a run. */
import type { PrefillOrigin } from '../common/enums';

export const IMPORT_KINDS = [
  'PROFESSIONALS',
  'DMP_TRACES',
  'MSSANTE',
  'BILLING',
  'ANNUAIRE',
  'DECLARATIONS',
  'PAYMENTS',
  'ANNUAIRE_SANTE',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_RUN_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** The name of each kind on the command line (`npm run import -- dmp-traces file.csv`). */
export const CLI_NAMES: Record<ImportKind, string> = {
  PROFESSIONALS: 'professionals',
  DMP_TRACES: 'dmp-traces',
  MSSANTE: 'mssante',
  BILLING: 'billing',
  ANNUAIRE: 'annuaire',
  DECLARATIONS: 'declarations',
  PAYMENTS: 'payments',
  ANNUAIRE_SANTE: 'annuaire-sante',
};

export function kindFromCliName(name: string): ImportKind | null {
  const entry = Object.entries(CLI_NAMES).find(([, cli]) => cli === name);
  return entry ? (entry[0] as ImportKind) : null;
}

/** French labels, for reports and audit details. */
export const KIND_LABELS: Record<ImportKind, string> = {
  PROFESSIONALS: 'professionnels de santé',
  DMP_TRACES: 'traces DMP (logiciel utilisé)',
  MSSANTE: 'annuaire MSSanté (messagerie)',
  BILLING: 'flux de facturation (taux de FSE, SESAM-Vitale)',
  ANNUAIRE: 'annuaire santé (horaires affichés)',
  DECLARATIONS: 'déclarations amelipro',
  PAYMENTS: 'paiements',
  ANNUAIRE_SANTE: 'Annuaire Santé (extrait public RPPS/ADELI : coordonnées des PS)',
};

/** The pre-fill feeds and the national system each one comes from (the référentiel's prefillOrigin). */
export const PREFILL_ORIGIN_OF: Partial<Record<ImportKind, PrefillOrigin>> = {
  DMP_TRACES: 'DMP_TRACES',
  MSSANTE: 'MSSANTE_DIRECTORY',
  BILLING: 'BILLING_FLOWS',
  ANNUAIRE: 'ANNUAIRE_SANTE',
};
