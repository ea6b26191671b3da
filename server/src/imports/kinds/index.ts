import type { KindHandler } from '../handler';
import type { ImportKind } from '../import-kinds';
import { DECLARATIONS } from './declarations';
import { PAYMENTS } from './payments';
import { ANNUAIRE, BILLING, DMP_TRACES, MSSANTE } from './prefill';
import { ANNUAIRE_SANTE } from './annuaire-sante';
import { PROFESSIONALS } from './professionals';

/** The handler of each feed kind. */
export const HANDLERS: Record<ImportKind, KindHandler<unknown>> = {
  PROFESSIONALS,
  DMP_TRACES,
  MSSANTE,
  BILLING,
  ANNUAIRE,
  DECLARATIONS,
  PAYMENTS,
  ANNUAIRE_SANTE,
} as Record<ImportKind, KindHandler<never>> as Record<ImportKind, KindHandler<unknown>>;
