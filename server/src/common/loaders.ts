/**
 * Per-request DataLoaders: every list or reference field resolves through one of these, so a
 * page of 100 professionals costs the same number of SQL statements as a page of 1.
 */
import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import type { AuthenticatedAgent } from '../agents/authorization';
import { Campaign } from '../campaigns/campaign.entity';
import { findWhereIn, type SortOrder } from '../db/find-by-key';
import { Indicator } from '../campaigns/indicator.entity';
import { Communication } from '../communications/communication.entity';
import { ContactLog } from '../contacts/contact-log.entity';
import { ControlCase, ControlCaseHistory, ControlItem, ControlPlan } from '../controls/control.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { evaluateDeclaration } from '../declarations/evaluation';
import {
  assembleEvaluationInputs,
  type EvaluatedDeclaration,
  type EvaluationRowSource,
} from '../declarations/evaluation-inputs';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { OpinionRequest } from '../opinions/opinion-request.entity';
import { Payment } from '../payments/payment.entity';
import { Precheck } from '../precheck/precheck.entity';
import { Caisse } from '../professionals/caisse.entity';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';

/** Loads rows by a unique key, answering null for unknown keys, in the order asked. */
function byKey<E extends ObjectLiteral, K extends string | number>(
  db: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
) {
  return new DataLoader<K, E | null>(async (keys) => {
    const rows = await findWhereIn(db, entity, column, keys);
    const map = new Map(rows.map((row) => [row[column] as K, row]));
    return keys.map((key) => map.get(key) ?? null);
  });
}

/** Loads every row sharing a foreign key, grouped in the order asked. */
function groupedBy<E extends ObjectLiteral, K extends string | number>(
  db: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>>,
) {
  const sort = Object.entries(order) as SortOrder<E>;
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await findWhereIn(db, entity, column, keys, sort);
    const groups = new Map<K, E[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row[column] as K)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createLoaders(db: DataSource, agent: AuthenticatedAgent | null) {
  let allCampaigns: Promise<Campaign[]> | null = null;
  /** The référentiel is small: one query per request serves every campaign lookup. */
  const campaigns = () =>
    (allCampaigns ??= db.getRepository(Campaign).find({ order: { referenceYear: 'DESC', scheme: 'ASC' } }));
  const professional = byKey<Professional, number>(db, Professional, 'id');
  const declaration = byKey<Declaration, number>(db, Declaration, 'id');
  const declarationsByProfessionalRows = groupedBy<Declaration, number>(db, Declaration, 'professionalId', {
    campaignId: 'DESC',
  });
  // A professional's declarations, once read, also answer lookups by id (the rules' inputs).
  const declarationsByProfessional = new DataLoader<number, Declaration[]>(async (ids) => {
    const groups = await declarationsByProfessionalRows.loadMany(ids);
    for (const group of groups) if (Array.isArray(group)) for (const d of group) declaration.prime(d.id, d);
    return groups;
  });
  const indicatorsByCampaign = groupedBy<Indicator, number>(db, Indicator, 'campaignId', { displayOrder: 'ASC' });
  const valuesByDeclaration = groupedBy<IndicatorValue, number>(db, IndicatorValue, 'declarationId', { id: 'ASC' });
  const justificatifsByProfessional = groupedBy<Justificatif, number>(db, Justificatif, 'professionalId', {
    receivedAt: 'DESC',
    id: 'DESC',
  });
  const publisher = byKey<SoftwarePublisher, number>(db, SoftwarePublisher, 'id');
  const controlItemsByProfessional = groupedBy<ControlItem, number>(db, ControlItem, 'professionalId', { id: 'ASC' });
  const rows = <T>(results: (T | Error | null)[]): T[] => {
    const error = results.find((r): r is Error => r instanceof Error);
    if (error) throw error;
    return results.filter((r): r is T => r !== null);
  };
  /** The rules' inputs from the loaders above: what the file already read is not read again. */
  const evaluationRows: EvaluationRowSource = {
    declarations: async (ids) => rows(await declaration.loadMany(ids)),
    campaigns,
    professionals: async (ids) => rows(await professional.loadMany(ids)),
    values: async (ids) => rows(await valuesByDeclaration.loadMany(ids)).flat(),
    justificatifs: async (ids) => rows(await justificatifsByProfessional.loadMany(ids)).flat(),
    declarationsOf: async (ids) => rows(await declarationsByProfessional.loadMany(ids)).flat(),
    indicators: async (ids) => rows(await indicatorsByCampaign.loadMany(ids)).flat(),
    controlItems: async (ids) => rows(await controlItemsByProfessional.loadMany(ids)).flat(),
    publishers: async (ids) => rows(await publisher.loadMany(ids)),
  };
  return {
    db,
    agent,
    caisse: byKey<Caisse, string>(db, Caisse, 'code'),
    professional,
    agentById: byKey<Agent, number>(db, Agent, 'id'),
    campaign: new DataLoader<number, Campaign | null>(async (ids) => {
      const byId = new Map((await campaigns()).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    campaigns,
    indicatorsByCampaign,
    declarationsByProfessional,
    valuesByDeclaration,
    transmissionsByDeclaration: groupedBy<DeclarationTransmission, number>(
      db,
      DeclarationTransmission,
      'declarationId',
      { transmittedAt: 'DESC' },
    ),
    justificatifsByProfessional,
    historyByJustificatif: groupedBy<JustificatifHistory, number>(db, JustificatifHistory, 'justificatifId', {
      id: 'ASC',
    }),
    /** « Demander un avis »: a piece's requests, oldest first (the queue's badges and the review page). */
    opinionRequestsByJustificatif: groupedBy<OpinionRequest, number>(db, OpinionRequest, 'justificatifId', {
      id: 'ASC',
    }),
    paymentsByProfessional: groupedBy<Payment, number>(db, Payment, 'professionalId', { paidOn: 'DESC', id: 'DESC' }),
    contactsByProfessional: groupedBy<ContactLog, number>(db, ContactLog, 'professionalId', {
      at: 'DESC',
      id: 'DESC',
    }),
    communicationsByProfessional: groupedBy<Communication, number>(db, Communication, 'professionalId', {
      createdAt: 'DESC',
      id: 'DESC',
    }),
    /** The rules' verdict on a declaration, computed from batched inputs (a fixed number of queries). */
    evaluation: new DataLoader<number, EvaluatedDeclaration | null>(async (ids) => {
      const inputs = await assembleEvaluationInputs(evaluationRows, ids);
      return ids.map((id) => {
        const loaded = inputs.get(id);
        return loaded ? { loaded, evaluation: evaluateDeclaration(loaded.input) } : null;
      });
    }),
    controlCasesByProfessional: groupedBy<ControlCase, number>(db, ControlCase, 'professionalId', {
      openedAt: 'DESC',
      id: 'DESC',
    }),
    controlItemsByProfessional,
    controlPlan: byKey<ControlPlan, number>(db, ControlPlan, 'id'),
    historyByControlCase: groupedBy<ControlCaseHistory, number>(db, ControlCaseHistory, 'caseId', { id: 'ASC' }),
    software: byKey<Software, number>(db, Software, 'id'),
    publisher,
    precheckByJustificatif: byKey<Precheck, number>(db, Precheck, 'justificatifId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
