/**
 * The role × operation matrix: every query and mutation of the API, asked by each role of caisse 211
 * on records of caisse 211 (allowed, or FORBIDDEN) and by the same role of caisse 751 (NOT_FOUND for a
 * record, empty for a list), so that nothing leaks another caisse's existence.
 */
import type { AgentRole } from '../common/enums';
import { Precheck } from '../precheck/precheck.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';

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
    name: 'justificatif.precheck',
    query: `query Q($id: ID!) { justificatif(id: $id) { id precheck { status findings { item status } confirmation { changed } } } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'justificatifQueue (contradiction détectée)',
    query: `query { justificatifQueue(filter: { view: ALL_PENDING, contradictionDetected: true }) { totalCount nodes { precheck { contradictions } } } }`,
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
    ids = { professionalId: String(dentist.id), justificatifId: String(justificatif.id) };
    // A pre-check that read another professional's name: the piece is in « contradiction détectée ».
    await em.getRepository(Precheck).insert({
      justificatifId: justificatif.id,
      fileId: justificatif.fileId!,
      status: 'DONE',
      attempts: 1,
      contradictions: 1,
      findings: [
        {
          item: 'NOMINATIVE',
          status: 'CONTRADICTED',
          snippet: 'Client : Dr Julien Roux',
          page: 1,
          box: { x: 0.1, y: 0.2, w: 0.3, h: 0.02 },
          reason: 'La pièce est au nom de « Julien Roux ».',
        },
      ],
    });
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
