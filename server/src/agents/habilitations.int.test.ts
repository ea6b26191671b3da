/**
 * The role × operation matrix: every query and mutation of the API, asked by each role of caisse 211
 * on records of caisse 211 (allowed, or FORBIDDEN) and by the same role of caisse 751 (NOT_FOUND for a
 * record, empty for a list), so that nothing leaks another caisse's existence.
 */
import type { AgentRole } from '../common/enums';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { communicationFixtures } from '../test-support/communications';
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
  communicationId: string;
  waveId: string;
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
  // Campaign lifecycle: national ADMIN only; the matrix's agents are not national, so every role is refused
  // (campaign-lifecycle.int.test.ts drives the national administrator's side).
  {
    name: 'closeCampaign',
    query: `mutation { closeCampaign(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }`,
    variables: () => ({}),
    home: only(),
    away: 'FORBIDDEN',
  },
  {
    name: 'computeCampaign',
    query: `mutation { computeCampaign(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }`,
    variables: () => ({}),
    home: only(),
    away: 'FORBIDDEN',
  },
  {
    name: 'markCampaignPaid',
    query: `mutation { markCampaignPaid(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }`,
    variables: () => ({}),
    home: only(),
    away: 'FORBIDDEN',
  },
  {
    name: 'campaignComputationPreview',
    query: `query { campaignComputationPreview(year: 2024, scheme: FAMI) { declarations receivedPieces } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) =>
      d.campaignComputationPreview.declarations === 0 && d.campaignComputationPreview.receivedPieces === 0,
  },
  {
    name: 'campaignRun (unknown)',
    query: `query { campaignRun(id: "999") { id } }`,
    variables: () => ({}),
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'NOT_FOUND', ADMIN: 'NOT_FOUND' },
    away: 'NOT_FOUND',
  },
  {
    name: 'softwareCatalogue',
    query: `query { softwareCatalogue(first: 5) { totalCount } }`,
    variables: () => ({}),
    home: ALL,
    away: 'OK',
  },
  // Référentiel edits: national ADMIN only (referentiel-admin.int.test.ts drives that side).
  {
    name: 'upsertSoftware',
    query: `mutation { upsertSoftware(input: { publisherName: "Éditeur", name: "Logiciel", version: "1", dmpCompatible: true, lapCertified: true }) { __typename } }`,
    variables: () => ({}),
    home: only(),
    away: 'FORBIDDEN',
  },
  {
    name: 'setLapExemptions',
    query: `mutation { setLapExemptions(year: 2024, scheme: FAMI, expectedVersion: 99, specialties: []) { __typename } }`,
    variables: () => ({}),
    home: only(),
    away: 'FORBIDDEN',
  },
  {
    name: 'reverseDecision (undecided piece)',
    query: `mutation M($id: ID!) { reverseDecision(id: $id, expectedVersion: 1, reason: "Recours", reopen: true) { ... on ReversalRefused { code } } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    // The superviseur of the caisse reaches the check (the piece is still RECEIVED: NOT_DECIDED, as data).
    home: only('SUPERVISEUR'),
    away: 'NOT_FOUND',
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
    name: 'communication',
    query: `query Q($id: ID!) { communication(id: $id) { id subject } }`,
    variables: (ids) => ({ id: ids.communicationId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'professional.exchanges',
    query: `query Q($id: ID!) { professional(id: $id) { exchanges { id title } communications { id } } }`,
    variables: (ids) => ({ id: ids.professionalId }),
    home: ALL,
    away: 'NOT_FOUND',
  },
  {
    name: 'communicationTemplates',
    query: `query { communicationTemplates(campaignYear: 2024, scheme: FAMI) { kind } }`,
    variables: () => ({}),
    home: ALL,
    away: 'OK',
  },
  {
    name: 'previewRejectionNotice',
    query: `query Q($id: ID!) { previewRejectionNotice(justificatifId: $id, reasons: [ILLEGIBLE]) { subject } }`,
    variables: (ids) => ({ id: ids.justificatifId }),
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  {
    name: 'resendCommunication',
    query: `mutation M($id: ID!) { resendCommunication(id: $id) { id status } }`,
    variables: (ids) => ({ id: ids.communicationId }),
    home: only('CONSEILLER', 'DAM', 'SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  {
    name: 'previewRelance',
    query: `query { previewRelance(input: { campaignYear: 2024, scheme: FAMI, situation: PIECE_REJETEE }) { targetCount caisseCodes } }`,
    variables: () => ({}),
    home: only('SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (d) => d.previewRelance.targetCount === 0 && !d.previewRelance.caisseCodes.includes('211'),
  },
  {
    name: 'launchRelance (no target)',
    query: `mutation { launchRelance(input: { campaignYear: 2024, scheme: FAMI, situation: PIECE_REJETEE }, idempotencyKey: "matrice-${Date.now()}") { __typename ... on RelanceRefused { code } } }`,
    variables: () => ({}),
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'EMPTY', ADMIN: 'FORBIDDEN' },
    away: 'EMPTY',
    isEmpty: (d) => d.launchRelance.__typename === 'RelanceRefused',
  },
  {
    name: 'relanceWaves',
    query: `query { relanceWaves(campaignYear: 2024, scheme: FAMI) { id } }`,
    variables: () => ({}),
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'OK', ADMIN: 'OK' },
    away: 'EMPTY',
    isEmpty: (d) => d.relanceWaves.length === 0,
  },
  {
    name: 'relanceWave',
    query: `query Q($id: ID!) { relanceWave(id: $id) { id stats { sent failed responded } } }`,
    variables: (ids) => ({ id: ids.waveId }),
    home: only('SUPERVISEUR', 'ADMIN'),
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
    const { communicationId, waveId } = await communicationFixtures(em, dentist, campaign);
    ids = {
      professionalId: String(dentist.id),
      justificatifId: String(justificatif.id),
      communicationId: String(communicationId),
      waveId: String(waveId),
    };
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
