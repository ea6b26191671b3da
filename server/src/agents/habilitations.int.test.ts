/**
 * The role × operation matrix: every query and mutation of the API, asked by each role of caisse 211
 * on records of caisse 211 (allowed, or FORBIDDEN) and by the same role of caisse 751 (NOT_FOUND for a
 * record, empty for a list), so that nothing leaks another caisse's existence.
 */
import type { AgentRole } from '../common/enums';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import type { EntityManager } from 'typeorm';
import type { Campaign } from '../campaigns/campaign.entity';
import { ControlCase, ControlPlan } from '../controls/control.entity';
import type { Professional } from '../professionals/professional.entity';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  declare,
  receivedJustificatif,
} from '../test-support/world';

/** A plan of caisse 211 with one open case, written directly (the plan's own tests drive the API). */
async function controlCaseOf(em: EntityManager, professional: Professional, campaign: Campaign): Promise<string> {
  const plan = await em.getRepository(ControlPlan).insert({
    campaignId: campaign.id,
    caisseCode: '211',
    label: 'Matrice',
    seed: 'm',
    ratePercentTimes100: null,
    size: 1,
    professions: ['CHIRURGIEN_DENTISTE'],
    indicatorCodes: ['HORAIRES'],
    includePrefilled: false,
    populationCount: 1,
    excludedCount: 0,
    strata: [],
    caseCount: 1,
    responseDays: 30,
    createdByAgentId: 1,
  });
  const inserted = await em.getRepository(ControlCase).insert({
    planId: Number(plan.identifiers[0]?.id),
    campaignId: campaign.id,
    professionalId: professional.id,
    caisseCode: '211',
    profession: professional.profession,
    indicatorCodes: ['HORAIRES'],
    status: 'OPEN',
    openedAt: new Date(),
    version: 1,
  });
  return String(inserted.identifiers[0]?.id);
}

type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'EMPTY' | 'BAD_USER_INPUT';

interface Operation {
  name: string;
  query: string;
  variables: (ids: Ids) => Loose;
  /** Outcome per role, for an agent of the record's caisse. */
  home: Record<AgentRole, Outcome>;
  /** Outcome for an allowed agent of another caisse. */
  away: Outcome;
  /** How to tell an empty answer for lists. */
  isEmpty?: (data: Loose) => boolean;
}

interface Ids {
  professionalId: string;
  justificatifId: string;
  controlCaseId: string;
}

const ALL: Record<AgentRole, Outcome> = { CONSEILLER: 'OK', DAM: 'OK', SUPERVISEUR: 'OK', ADMIN: 'OK' };
const only = (...roles: AgentRole[]): Record<AgentRole, Outcome> => ({
  CONSEILLER: roles.includes('CONSEILLER') ? 'OK' : 'FORBIDDEN',
  DAM: roles.includes('DAM') ? 'OK' : 'FORBIDDEN',
  SUPERVISEUR: roles.includes('SUPERVISEUR') ? 'OK' : 'FORBIDDEN',
  ADMIN: roles.includes('ADMIN') ? 'OK' : 'FORBIDDEN',
});

const OPERATIONS: Operation[] = [
  {
    name: 'professionals',
    query: `query { professionals(filter: { caisseCode: "211" }) { totalCount } }`,
    variables: () => ({}),
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => d.professionals.totalCount === 0,
  },
  {
    name: 'professional',
    query: `query Q($id: ID!) { professional(id: $id) { id declaration(campaignYear: 2024, scheme: FAMI) { id } } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'justificatif',
    query: `query Q($id: ID!) { justificatif(id: $id) { id } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'justificatifQueue',
    query: `query { justificatifQueue(filter: { view: ALL_PENDING }) { totalCount } }`,
    variables: () => ({}),
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => d.justificatifQueue.totalCount === 0,
  },
  {
    name: 'campaigns',
    query: `query { campaigns { id } }`,
    variables: () => ({}),
    home: ALL,
    away: 'OK',
  },
  {
    name: 'campaignProgress',
    query: `query { campaignProgress(campaignYear: 2024, scheme: FAMI) { professionalsConcerned } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => d.campaignProgress.professionalsConcerned === 0,
  },
  {
    name: 'auditTrail',
    query: `query Q($id: ID!) { auditTrail(filter: { professionalId: $id }) { totalCount } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => d.auditTrail.totalCount === 0,
  },
  {
    name: 'agents',
    query: `query { agents { totalCount } }`,
    variables: () => ({}),
    home: only('ADMIN'),
    away: 'OK',
  },
  {
    name: 'logContact',
    query: `mutation M($id: ID!) { logContact(input: { professionalId: $id, channel: CALL, subject: "Matrice", notes: "" }) { id } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: only('DAM'),
    away: 'NOT_FOUND',
  },
  {
    name: 'assignJustificatif (release)',
    query: `mutation M($id: ID!) { assignJustificatif(id: $id, agentId: null) { id } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'OK', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  {
    name: 'rejectJustificatif (empty reasons)',
    query: `mutation M($id: ID!) { rejectJustificatif(id: $id, expectedVersion: 1, reasons: []) { justificatif { id } } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    // Allowed roles reach the input check; it refuses before anything changes.
    home: { CONSEILLER: 'BAD_USER_INPUT', DAM: 'FORBIDDEN', SUPERVISEUR: 'FORBIDDEN', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  {
    name: 'validateJustificatif (stale)',
    query: `mutation M($id: ID!) { validateJustificatif(id: $id, expectedVersion: 99) { justificatif { id } } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    home: { CONSEILLER: 'OK', DAM: 'FORBIDDEN', SUPERVISEUR: 'FORBIDDEN', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  {
    name: 'recordPaperDeclaration (no values)',
    query: `mutation M($id: ID!) { recordPaperDeclaration(input: { professionalId: $id, campaignYear: 2024, scheme: FAMI, values: [], honourAttestation: true, conditionsAcknowledged: false }) { id } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: { CONSEILLER: 'BAD_USER_INPUT', DAM: 'FORBIDDEN', SUPERVISEUR: 'FORBIDDEN', ADMIN: 'FORBIDDEN' },
    away: 'BAD_USER_INPUT',
  },
  {
    name: 'previewControlPlan',
    query: `query { previewControlPlan(input: { campaignYear: 2024, scheme: FAMI, caisseCode: "211", size: 1, seed: "m" }) { ... on ControlPlanPreview { populationCount } ... on ControlPlanRefused { populationCount } } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (d) => d.previewControlPlan.populationCount === 0,
  },
  {
    name: 'createControlPlan (oversized: refused, nothing created)',
    query: `mutation { createControlPlan(input: { campaignYear: 2024, scheme: FAMI, caisseCode: "211", size: 1000, label: "Matrice" }) { ... on ControlPlanRefused { code } } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (d) => d.createControlPlan.code === 'EMPTY_POPULATION',
  },
  {
    name: 'controlPlans',
    query: `query { controlPlans(campaignYear: 2024, scheme: FAMI) { id } }`,
    variables: () => ({}),
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => d.controlPlans.length === 0,
  },
  {
    name: 'controlCaseQueue',
    query: `query { controlCaseQueue(view: ALL_OPEN) { totalCount } }`,
    variables: () => ({}),
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => d.controlCaseQueue.totalCount === 0,
  },
  {
    name: 'controlCase',
    query: `query Q($id: ID!) { controlCase(id: $id) { id indicators { code } history { action } } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'professional.controls',
    query: `query Q($id: ID!) { professional(id: $id) { controls { id } } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'controlSupervision',
    query: `query { controlSupervision(campaignYear: 2024, scheme: FAMI) { caseCount } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => d.controlSupervision.caseCount === 0,
  },
  {
    name: 'takeControlCase (stale: refused as data)',
    query: `mutation M($id: ID!) { takeControlCase(id: $id, expectedVersion: 99) { __typename } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  {
    name: 'releaseControlCase (stale)',
    query: `mutation M($id: ID!) { releaseControlCase(id: $id, expectedVersion: 99) { __typename } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    // A conseiller releases only a case they hold; a superviseur any case.
    home: only('SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  {
    name: 'requestControlPieces (stale)',
    query: `mutation M($id: ID!) { requestControlPieces(id: $id, expectedVersion: 99, channel: LETTER) { __typename } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  {
    name: 'attachControlPiece (malformed file)',
    query: `mutation M($id: ID!) { attachControlPiece(id: $id, expectedVersion: 1, fileId: "x", channel: POST) { __typename } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    home: { CONSEILLER: 'BAD_USER_INPUT', DAM: 'FORBIDDEN', SUPERVISEUR: 'FORBIDDEN', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  {
    name: 'concludeControlCase (before pieces: refused as data)',
    query: `mutation M($id: ID!) { concludeControlCase(id: $id, expectedVersion: 1, outcome: COMPLIANT) { __typename } }`,
    variables: (ids) => ({ id: ids.controlCaseId }),
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
];

const ROLES: AgentRole[] = ['CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'];

describe('habilitations: role × operation × caisse', () => {
  let t: TestApp;
  let ids: Ids;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    const dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const justificatif = await receivedJustificatif(em, dentist, campaign, 'LOG_DMP');
    await declare(em, dentist, campaign, { HORAIRES: { data: { type: 'BOOLEAN', value: true }, source: 'DECLARED' } });
    const controlCaseId = await controlCaseOf(em, dentist, campaign);
    ids = { professionalId: String(dentist.id), justificatifId: String(justificatif.id), controlCaseId };
    for (const role of ROLES) {
      for (const caisse of ['211', '751']) {
        tokens[`${role}:${caisse}`] = await t.login((await t.createAgent({ role, caisseCode: caisse })).email);
      }
    }
  });
  afterAll(async () => t.stop());

  const outcomeOf = (result: Loose, op: Operation): Outcome | string => {
    const code = result.errors?.[0]?.extensions?.code;
    if (code === 'STALE_VERSION') return 'OK'; // reached the decision itself
    if (code) return code;
    return op.isEmpty && op.isEmpty(result.data) ? 'EMPTY' : 'OK';
  };

  const cells = OPERATIONS.flatMap((op) => ROLES.map((role) => [op.name, role, op] as const));

  it.each(cells)('%s as %s of the same caisse', async (_name, role, op) => {
    const result = await t.gql(op.query, op.variables(ids), tokens[`${role}:211`]);
    expect(outcomeOf(result, op)).toBe(op.home[role]);
  });

  it.each(cells.filter(([, role, op]) => op.home[role] !== 'FORBIDDEN'))(
    '%s as %s of another caisse reads nothing of 211',
    async (_name, role, op) => {
      const result = await t.gql(op.query, op.variables(ids), tokens[`${role}:751`]);
      expect(outcomeOf(result, op)).toBe(op.away);
    },
  );

  it.each(OPERATIONS.map((op) => [op.name, op] as const))(
    '%s without a session is UNAUTHENTICATED',
    async (_name, op) => {
      const result = await t.gql(op.query, op.variables(ids));
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    },
  );
});
