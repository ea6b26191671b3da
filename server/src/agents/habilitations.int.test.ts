/**
 * The habilitation matrix: every Query and Mutation field of the emitted schema and every REST route of
 * the app, asked by each role of caisse 211 on records of caisse 211 (`home`: allowed, FORBIDDEN, or the
 * typed answer an allowed role reaches) and by the same role of caisse 751 (`away`: NOT_FOUND for a
 * record, EMPTY for a list), so that nothing leaks another caisse's existence; without a session every
 * entry answers UNAUTHENTICATED.
 *
 * ADDING AN OPERATION OR A ROUTE: add ONE entry to MATRIX below, keyed by the GraphQL field name
 * (`decideJustificatif`) or by `METHOD /path` as mounted (`GET /api/files/:id`). Give a request that
 * changes nothing lasting (an input the service refuses, an idempotent call), the answer per role at
 * home (`only('SUPERVISEUR')` when the allowed roles succeed, `answering('NOT_FOUND', 'SUPERVISEUR')` otherwise) and the answer away. A field or
 * route without an entry, or an entry for something that no longer exists, fails the first test.
 * Operations open to anyone (login, probes) go into EXEMPT with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isObjectType } from 'graphql';
import { getSchema } from '../graphql/schema';
import { ImportRun } from '../imports/import-run.entity';
import { OpinionRequest } from '../opinions/opinion-request.entity';
import { Regularisation } from '../payments/regularisation.entity';
import type { AgentRole } from '../common/enums';
import { communicationFixtures } from '../test-support/communications';
import { Precheck } from '../precheck/precheck.entity';
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

type Answer =
  'OK' | 'EMPTY' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'STALE_VERSION' | 'CONFLICT' | 'UNAUTHENTICATED';

interface Ids {
  professionalId: string;
  justificatifId: string;
  fileId: string;
  /** An active conseiller of 211, and a disabled one (enable/disable them changes nothing). */
  activeAgentId: string;
  disabledAgentId: string;
  importRunId: string;
  communicationId: string;
  waveId: string;
  controlCaseId: string;
  /** An opinion request on the piece, asked of the active conseiller of 211. */
  opinionRequestId: string;
}

type Request =
  | { graphql: string; variables?: (ids: Ids) => Loose }
  | { method: 'GET' | 'POST'; url: (ids: Ids) => string; multipart?: boolean };

interface Entry {
  request: Request;
  /** Answer per role, for an agent of the record's caisse (211). */
  home: Record<AgentRole, Answer>;
  /** Answer for each allowed role of another caisse (751). */
  away: Answer;
  /** Tells an empty answer (a list with nothing of 211, a null record). */
  isEmpty?: (data: Loose | string) => boolean;
}

const ROLES: AgentRole[] = ['CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'];
const ALL: Record<AgentRole, Answer> = { CONSEILLER: 'OK', DAM: 'OK', SUPERVISEUR: 'OK', ADMIN: 'OK' };
/** The listed roles get `answer`, the others FORBIDDEN. */
const answering = (answer: Answer, ...roles: AgentRole[]) =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? answer : 'FORBIDDEN'])) as Record<AgentRole, Answer>;
/** The listed roles succeed, the others get FORBIDDEN. */
const only = (...roles: AgentRole[]) => answering('OK', ...roles);
const csvRows = (text: Loose | string) => String(text).trim().split('\n').length - 1;
const UNKNOWN_FILE = 'f'.repeat(64);

const MATRIX: Record<string, Entry> = {
  // ---- Queries
  me: { request: { graphql: `query { me { id } }` }, home: ALL, away: 'OK' },
  professionals: {
    request: { graphql: `query { professionals(filter: { caisseCode: "211" }) { totalCount } }` },
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).professionals.totalCount === 0,
  },
  professional: {
    request: {
      graphql: `query Q($id: ID!) { professional(id: $id) { id declaration(campaignYear: 2024, scheme: FAMI) { id } } }`,
      variables: (ids) => ({ id: ids.professionalId }),
    },
    home: ALL,
    away: 'NOT_FOUND',
  },
  justificatif: {
    request: {
      graphql: `query Q($id: ID!) { justificatif(id: $id) { id precheck { status findings { item status } confirmation { changed } } } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: ALL,
    away: 'NOT_FOUND',
  },
  // The pre-check's queue filter: the seeded piece's pre-check read another professional's name.
  justificatifQueue: {
    request: {
      graphql: `query { justificatifQueue(filter: { view: ALL_PENDING, contradictionDetected: true }) { totalCount nodes { precheck { contradictions } } } }`,
    },
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).justificatifQueue.totalCount === 0,
  },
  justificatifQueueCounts: {
    request: { graphql: `query { justificatifQueueCounts(filter: { caisseCode: "211" }) { allPending } }` },
    home: ALL,
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).justificatifQueueCounts.allPending === 0,
  },
  // An agent's own views only (no caisse's data): every agent reads their own list.
  savedQueueViews: { request: { graphql: `query { savedQueueViews { id } }` }, home: ALL, away: 'OK' },
  campaigns: { request: { graphql: `query { campaigns { id } }` }, home: ALL, away: 'OK' },
  campaign: { request: { graphql: `query { campaign(year: 2024, scheme: FAMI) { id } }` }, home: ALL, away: 'OK' },
  campaignProgress: {
    request: { graphql: `query { campaignProgress(campaignYear: 2024, scheme: FAMI) { professionalsConcerned } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).campaignProgress.professionalsConcerned === 0,
  },
  supervisionWorkload: {
    request: { graphql: `query { supervisionWorkload(caisseCode: "211") { pending } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).supervisionWorkload.pending === 0,
  },
  auditTrail: {
    request: {
      graphql: `query Q($id: ID!) { auditTrail(filter: { professionalId: $id }) { totalCount } }`,
      variables: (ids) => ({ id: ids.professionalId }),
    },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).auditTrail.totalCount === 0,
  },
  agents: { request: { graphql: `query { agents { totalCount } }` }, home: only('ADMIN'), away: 'OK' },
  importRuns: {
    request: { graphql: `query { importRuns { totalCount } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).importRuns.totalCount === 0,
  },
  importRun: {
    request: {
      graphql: `query Q($id: ID!) { importRun(id: $id) { id } }`,
      variables: (ids) => ({ id: ids.importRunId }),
    },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).importRun === null,
  },

  importKinds: {
    request: { graphql: `query { importKinds { kind templateCsv } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'OK',
  },
  internalNotes: {
    request: {
      graphql: `query Q($id: ID!) { internalNotes(professionalId: $id) { id } }`,
      variables: (ids) => ({ id: ids.professionalId }),
    },
    // Every agent of the caisse reads its private notes; another caisse's, never (national scope included).
    home: ALL,
    away: 'NOT_FOUND',
  },

  opinionAdvisers: {
    request: {
      graphql: `query Q($id: ID!) { opinionAdvisers(justificatifId: $id) { id } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },

  // ---- Mutations
  requestOpinion: {
    request: {
      graphql: `mutation M($id: ID!, $to: ID!) { requestOpinion(input: { justificatifId: $id, expectedVersion: 99, toAgentId: $to, question: "Matrice" }) { __typename } }`,
      variables: (ids) => ({ id: ids.justificatifId, to: ids.activeAgentId }),
    },
    // The allowed role reaches the piece: a StaleVersion outcome (data), nothing changes.
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  answerOpinion: {
    request: {
      graphql: `mutation M($id: ID!) { answerOpinion(requestId: $id, answer: " ") { __typename } }`,
      variables: (ids) => ({ id: ids.opinionRequestId }),
    },
    // Not the agent asked (or an empty answer): a typed refusal (data), nothing changes; another
    // caisse's request reads as absent.
    home: only('CONSEILLER', 'SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  addInternalNote: {
    request: {
      graphql: `mutation M($id: ID!) { addInternalNote(input: { justificatifId: $id, body: "  " }) { __typename } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    // An empty note: the typed refusal (data), nothing written.
    home: ALL,
    away: 'NOT_FOUND',
  },
  logContact: {
    request: {
      graphql: `mutation M($id: ID!) { logContact(input: { professionalId: $id, channel: CALL, subject: "Matrice", notes: "" }) { id } }`,
      variables: (ids) => ({ id: ids.professionalId }),
    },
    home: only('DAM'),
    away: 'NOT_FOUND',
  },
  assignJustificatif: {
    request: {
      graphql: `mutation M($id: ID!) { assignJustificatif(id: $id, agentId: null) { id } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    // Releasing a piece nobody holds: a superviseur may; a conseiller releases only their own.
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'OK', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  saveQueueView: {
    // A view without a name: refused, nothing saved.
    request: { graphql: `mutation { saveQueueView(input: { name: " ", filter: { view: MINE } }) { id } }` },
    home: answering('BAD_USER_INPUT', 'CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'),
    away: 'BAD_USER_INPUT',
  },
  deleteQueueView: {
    request: { graphql: `mutation { deleteQueueView(id: "999999") }` },
    home: answering('NOT_FOUND', 'CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  bulkAssignJustificatifs: {
    // Releasing the free piece as read at version 99: a stale outcome (data), nothing changes; another
    // caisse's superviseur reads it as not in their caisse, like an unknown piece.
    request: {
      graphql: `mutation M($id: ID!) { bulkAssignJustificatifs(pieces: [{ id: $id, seenVersion: 99 }], agentId: null) { __typename } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: only('SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (d) => (d as Loose).bulkAssignJustificatifs.every((o: Loose) => o.__typename === 'BulkNotInCaisse'),
  },
  decideJustificatif: {
    request: {
      graphql: `mutation M($id: ID!) { decideJustificatif(input: { id: $id, expectedVersion: 99, verdict: VALIDATED }) { __typename } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    // The allowed role reaches the decision: a StaleVersion outcome (data), nothing changes.
    home: answering('OK', 'CONSEILLER'),
    away: 'NOT_FOUND',
  },
  rejectJustificatif: {
    request: {
      graphql: `mutation M($id: ID!) { rejectJustificatif(id: $id, expectedVersion: 1, reasons: []) { justificatif { id } } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: answering('BAD_USER_INPUT', 'CONSEILLER'),
    away: 'NOT_FOUND',
  },
  validateJustificatif: {
    request: {
      graphql: `mutation M($id: ID!) { validateJustificatif(id: $id, expectedVersion: 99) { justificatif { id } } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: answering('STALE_VERSION', 'CONSEILLER'),
    away: 'NOT_FOUND',
  },
  receiveJustificatif: {
    request: {
      graphql: `mutation M($id: ID!, $file: String!) { receiveJustificatif(input: { professionalId: $id, campaignYear: 2024, scheme: FAMI, indicatorCode: "LOG_DMP", channel: EMAIL, fileId: $file }) { justificatif { id } } }`,
      variables: (ids) => ({ id: ids.professionalId, file: UNKNOWN_FILE }),
    },
    // An unknown file: refused after the scope check, before anything is written.
    home: answering('BAD_USER_INPUT', 'CONSEILLER'),
    away: 'NOT_FOUND',
  },
  recordPaperDeclaration: {
    request: {
      graphql: `mutation M($id: ID!) { recordPaperDeclaration(input: { professionalId: $id, campaignYear: 2024, scheme: FAMI, values: [], honourAttestation: true, conditionsAcknowledged: false }) { id } }`,
      variables: (ids) => ({ id: ids.professionalId }),
    },
    // The missing acknowledgement is refused before the professional is even read.
    home: answering('BAD_USER_INPUT', 'CONSEILLER'),
    away: 'BAD_USER_INPUT',
  },
  importFeed: {
    request: {
      graphql: `mutation M($file: String!) { importFeed(kind: PROFESSIONALS, fileId: $file) { id } }`,
      variables: () => ({ file: UNKNOWN_FILE }),
    },
    home: answering('NOT_FOUND', 'SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  createAgent: {
    request: {
      graphql: `mutation { createAgent(input: { email: "pas-une-adresse", displayName: "X", role: CONSEILLER, caisseCode: "211" }) { agent { id } } }`,
    },
    home: answering('BAD_USER_INPUT', 'ADMIN'),
    away: 'BAD_USER_INPUT',
  },
  enableAgent: {
    request: {
      graphql: `mutation M($id: ID!) { enableAgent(id: $id) { id } }`,
      variables: (ids) => ({ id: ids.activeAgentId }),
    },
    home: only('ADMIN'),
    away: 'NOT_FOUND',
  },
  disableAgent: {
    request: {
      graphql: `mutation M($id: ID!) { disableAgent(id: $id) { id } }`,
      variables: (ids) => ({ id: ids.disabledAgentId }),
    },
    home: only('ADMIN'),
    away: 'NOT_FOUND',
  },
  changeAgentRole: {
    request: {
      graphql: `mutation M($id: ID!) { changeAgentRole(id: $id, role: CONSEILLER, caisseCode: "211", nationalScope: false) { id } }`,
      variables: (ids) => ({ id: ids.activeAgentId }),
    },
    home: only('ADMIN'),
    away: 'NOT_FOUND',
  },

  // ---- REST routes
  'POST /api/files': {
    request: { method: 'POST', url: () => '/api/files', multipart: true },
    // No file in the body: refused once the habilitation is checked.
    home: answering('BAD_USER_INPUT', 'CONSEILLER'),
    away: 'BAD_USER_INPUT',
  },
  'GET /api/files/:id': {
    request: { method: 'GET', url: (ids) => `/api/files/${ids.fileId}` },
    home: ALL,
    away: 'NOT_FOUND',
  },
  'GET /api/recap/:professionalId/:campaignYear/:scheme': {
    request: { method: 'GET', url: (ids) => `/api/recap/${ids.professionalId}/2024/FAMI` },
    home: ALL,
    away: 'NOT_FOUND',
  },
  'POST /api/imports/files': {
    request: { method: 'POST', url: () => '/api/imports/files', multipart: true },
    home: answering('BAD_USER_INPUT', 'SUPERVISEUR', 'ADMIN'),
    away: 'BAD_USER_INPUT',
  },
  'GET /api/imports/runs/:id/report': {
    request: { method: 'GET', url: (ids) => `/api/imports/runs/${ids.importRunId}/report` },
    home: answering('NOT_FOUND', 'SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  'GET /api/exports/justificatifs': {
    request: { method: 'GET', url: () => '/api/exports/justificatifs?caisseCode=211' },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (text) => csvRows(text) === 0,
  },
  'GET /api/exports/progress': {
    request: { method: 'GET', url: () => '/api/exports/progress?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (text) => !/211/.test(String(text)),
  },
  'GET /api/exports/remunerations': {
    request: { method: 'GET', url: () => '/api/exports/remunerations?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (text) => csvRows(text) === 0,
  },
  // ---- Campaign lifecycle, référentiel, reversal (issue 15) and communications (issue 14)
  'GET /api/exports/payment-file': {
    // A campaign not yet computed has no payment figures: a typed CONFLICT for the allowed roles.
    request: { method: 'GET', url: () => '/api/exports/payment-file?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: answering('CONFLICT', 'SUPERVISEUR', 'ADMIN'),
    away: 'CONFLICT',
  },
  'GET /api/exports/reconciliation': {
    // A campaign not yet computed has no payment figures: a typed CONFLICT for the allowed roles.
    request: { method: 'GET', url: () => '/api/exports/reconciliation?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: answering('CONFLICT', 'SUPERVISEUR', 'ADMIN'),
    away: 'CONFLICT',
  },
  'GET /api/exports/regularisations': {
    // A campaign not yet computed has no payment figures: a typed CONFLICT for the allowed roles.
    request: { method: 'GET', url: () => '/api/exports/regularisations?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: answering('CONFLICT', 'SUPERVISEUR', 'ADMIN'),
    away: 'CONFLICT',
  },
  'GET /api/exports/indus': {
    request: { method: 'GET', url: () => '/api/exports/indus?campaignYear=2024&scheme=FAMI&caisseCode=211' },
    home: answering('EMPTY', 'SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (text) => csvRows(text) === 0,
  },
  'GET /api/communications/:id': {
    request: { method: 'GET', url: (ids) => `/api/communications/${ids.communicationId}` },
    home: ALL,
    away: 'NOT_FOUND',
  },
  'GET /api/relances/:id/letters.pdf': {
    request: { method: 'GET', url: (ids) => `/api/relances/${ids.waveId}/letters.pdf` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  'GET /api/relances/:id/addresses.csv': {
    request: { method: 'GET', url: (ids) => `/api/relances/${ids.waveId}/addresses.csv` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  closeCampaign: {
    request: { graphql: `mutation { closeCampaign(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }` },
    home: only(),
    away: 'FORBIDDEN',
  },
  computeCampaign: {
    request: { graphql: `mutation { computeCampaign(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }` },
    home: only(),
    away: 'FORBIDDEN',
  },
  markCampaignPaid: {
    request: { graphql: `mutation { markCampaignPaid(year: 2024, scheme: FAMI, expectedVersion: 99) { __typename } }` },
    home: only(),
    away: 'FORBIDDEN',
  },
  campaignComputationPreview: {
    request: {
      graphql: `query { campaignComputationPreview(year: 2024, scheme: FAMI) { declarations receivedPieces } }`,
    },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (r) =>
      (r as Loose).campaignComputationPreview.declarations === 0 &&
      (r as Loose).campaignComputationPreview.receivedPieces === 0,
  },
  campaignRun: {
    request: { graphql: `query { campaignRun(id: "999") { id } }` },
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'NOT_FOUND', ADMIN: 'NOT_FOUND' },
    away: 'NOT_FOUND',
  },
  softwareCatalogue: {
    request: { graphql: `query { softwareCatalogue(first: 5) { totalCount } }` },
    home: ALL,
    away: 'OK',
  },
  software: {
    // A catalogue entry is read like the catalogue: by every agent, whatever the caisse (unknown: null).
    request: { graphql: `query { software(id: "999999") { id } }` },
    home: ALL,
    away: 'OK',
  },
  referentielChanges: {
    // The référentiel's history is read like the catalogue: by every agent, whatever the caisse.
    request: { graphql: `query { referentielChanges(kind: SOFTWARE, targetId: "1") { id summary } }` },
    home: ALL,
    away: 'OK',
  },
  regularisations: {
    request: { graphql: `query { regularisations(campaignYear: 2024, scheme: FAMI) { totalCount nodes { id } } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).regularisations.totalCount === 0,
  },
  upsertSoftware: {
    request: {
      graphql: `mutation { upsertSoftware(input: { publisherName: "Éditeur", name: "Logiciel", version: "1", dmpCompatible: true, lapCertified: true }) { __typename } }`,
    },
    home: only(),
    away: 'FORBIDDEN',
  },
  setLapExemptions: {
    request: {
      graphql: `mutation { setLapExemptions(year: 2024, scheme: FAMI, expectedVersion: 99, specialties: []) { __typename } }`,
    },
    home: only(),
    away: 'FORBIDDEN',
  },
  reverseDecision: {
    // The superviseur of the caisse reaches the check (the piece is still RECEIVED: NOT_DECIDED, as data).
    request: {
      graphql: `mutation M($id: ID!) { reverseDecision(id: $id, expectedVersion: 1, reason: "Recours", reopen: true) { ... on ReversalRefused { code } } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: only('SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  communication: {
    request: {
      graphql: `query Q($id: ID!) { communication(id: $id) { id subject } }`,
      variables: (ids) => ({ id: ids.communicationId }),
    },
    home: ALL,
    away: 'NOT_FOUND',
  },
  communicationTemplates: {
    request: { graphql: `query { communicationTemplates(campaignYear: 2024, scheme: FAMI) { kind } }` },
    home: ALL,
    away: 'OK',
  },
  previewRejectionNotice: {
    request: {
      graphql: `query Q($id: ID!) { previewRejectionNotice(justificatifId: $id, reasons: [ILLEGIBLE]) { subject } }`,
      variables: (ids) => ({ id: ids.justificatifId }),
    },
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  resendCommunication: {
    request: {
      graphql: `mutation M($id: ID!) { resendCommunication(id: $id) { id status } }`,
      variables: (ids) => ({ id: ids.communicationId }),
    },
    home: only('CONSEILLER', 'DAM', 'SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  previewRelance: {
    request: {
      graphql: `query { previewRelance(input: { campaignYear: 2024, scheme: FAMI, situation: PIECE_REJETEE }) { targetCount caisseCodes } }`,
    },
    home: only('SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (r) =>
      (r as Loose).previewRelance.targetCount === 0 && !(r as Loose).previewRelance.caisseCodes.includes('211'),
  },
  launchRelance: {
    request: {
      graphql: `mutation { launchRelance(input: { campaignYear: 2024, scheme: FAMI, situation: PIECE_REJETEE }, idempotencyKey: "matrice-${Date.now()}") { __typename ... on RelanceRefused { code } } }`,
    },
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'EMPTY', ADMIN: 'FORBIDDEN' },
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).launchRelance.__typename === 'RelanceRefused',
  },
  relanceWaves: {
    request: { graphql: `query { relanceWaves(campaignYear: 2024, scheme: FAMI) { id } }` },
    home: { CONSEILLER: 'FORBIDDEN', DAM: 'FORBIDDEN', SUPERVISEUR: 'OK', ADMIN: 'OK' },
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).relanceWaves.length === 0,
  },
  relanceWave: {
    request: {
      graphql: `query Q($id: ID!) { relanceWave(id: $id) { id stats { sent failed responded } } }`,
      variables: (ids) => ({ id: ids.waveId }),
    },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'NOT_FOUND',
  },
  // ---- Contrôle a posteriori (issue 16)
  previewControlPlan: {
    request: {
      graphql: `query { previewControlPlan(input: { campaignYear: 2024, scheme: FAMI, caisseCode: "211", size: 1, seed: "m" }) { ... on ControlPlanPreview { populationCount } ... on ControlPlanRefused { populationCount } } }`,
    },
    home: answering('EMPTY', 'SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).previewControlPlan.populationCount === 0,
  },
  createControlPlan: {
    request: {
      graphql: `mutation { createControlPlan(input: { campaignYear: 2024, scheme: FAMI, caisseCode: "211", size: 1000, label: "Matrice" }) { ... on ControlPlanRefused { code } } }`,
    },
    home: answering('EMPTY', 'SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).createControlPlan.code === 'EMPTY_POPULATION',
  },
  controlPlans: {
    request: { graphql: `query { controlPlans(campaignYear: 2024, scheme: FAMI) { id } }` },
    home: ALL,
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).controlPlans.length === 0,
  },
  controlCaseQueue: {
    request: { graphql: `query { controlCaseQueue(view: ALL_OPEN) { totalCount } }` },
    home: ALL,
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).controlCaseQueue.totalCount === 0,
  },
  controlCase: {
    request: {
      graphql: `query Q($id: ID!) { controlCase(id: $id) { id indicators { code } history { action } } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: ALL,
    away: 'NOT_FOUND',
  },
  controlSupervision: {
    request: { graphql: `query { controlSupervision(campaignYear: 2024, scheme: FAMI) { caseCount } }` },
    home: only('SUPERVISEUR', 'ADMIN'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).controlSupervision.caseCount === 0,
  },
  expiredControlCases: {
    request: {
      graphql: `query { expiredControlCases(campaignYear: 2024, scheme: FAMI, caisseCode: "211") { count } }`,
    },
    home: answering('EMPTY', 'SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).expiredControlCases.count === 0,
  },
  closeExpiredControlCases: {
    request: {
      graphql: `mutation { closeExpiredControlCases(campaignYear: 2024, scheme: FAMI, caisseCode: "211", expectedCount: 0) { __typename ... on NoResponseClosed { closedCount } } }`,
    },
    home: answering('EMPTY', 'SUPERVISEUR'),
    away: 'EMPTY',
    isEmpty: (r) => (r as Loose).closeExpiredControlCases.closedCount === 0,
  },
  takeControlCase: {
    request: {
      graphql: `mutation M($id: ID!) { takeControlCase(id: $id, expectedVersion: 99) { __typename } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  releaseControlCase: {
    // A conseiller releases only a case they hold; a superviseur any case.
    request: {
      graphql: `mutation M($id: ID!) { releaseControlCase(id: $id, expectedVersion: 99) { __typename } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: only('SUPERVISEUR'),
    away: 'NOT_FOUND',
  },
  requestControlPieces: {
    request: {
      graphql: `mutation M($id: ID!) { requestControlPieces(id: $id, expectedVersion: 99, channel: LETTER) { __typename } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
  attachControlPiece: {
    request: {
      graphql: `mutation M($id: ID!) { attachControlPiece(id: $id, expectedVersion: 1, fileId: "x", channel: POST) { __typename } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: { CONSEILLER: 'BAD_USER_INPUT', DAM: 'FORBIDDEN', SUPERVISEUR: 'FORBIDDEN', ADMIN: 'FORBIDDEN' },
    away: 'NOT_FOUND',
  },
  concludeControlCase: {
    request: {
      graphql: `mutation M($id: ID!) { concludeControlCase(id: $id, expectedVersion: 1, outcome: COMPLIANT) { __typename } }`,
      variables: (ids) => ({ id: ids.controlCaseId }),
    },
    home: only('CONSEILLER'),
    away: 'NOT_FOUND',
  },
};

/** Open to anyone, on purpose. */
const EXEMPT: Record<string, string> = {
  login: 'opens the session',
  logout: 'closes whatever session the request carries',
  apiVersion: 'public version probe',
  'GET /healthz': 'liveness probe',
  'GET /readyz': 'readiness probe',
  'GET /metrics':
    'Prometheus metrics: 404 to everyone on the public port unless METRICS_TOKEN is set (metrics.int.test.ts)',
  'USE /graphql': 'the GraphQL endpoint itself: its fields are the entries above',
  'USE /* (clientAssets)': 'the console’s static files',
  'USE /* (securityHeaders)': 'security headers on every answer (helmet’s, computed once): middleware, not a route',
};

// ---------------------------------------------------------------------------------------------
// What exists: the schema's root fields, and the routes the app mounts (read from its source).

const SRC = path.resolve(__dirname, '..');

async function schemaOperations(): Promise<string[]> {
  const schema = await getSchema();
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type && isObjectType(type) ? Object.keys(type.getFields()) : [],
  );
}

/** `METHOD /mount/path` for every route of app.ts and of the routers it mounts. */
export function restRoutes(): string[] {
  const app = fs.readFileSync(path.join(SRC, 'app.ts'), 'utf8');
  const routes: string[] = [];
  for (const m of app.matchAll(/app\.(get|post|put|patch|delete)\(\s*(?:'([^']+)'|\/\^\\\/)/g))
    routes.push(`${m[1]!.toUpperCase()} ${m[2] ?? '/*'}`);
  // Mounted without a path: middleware of every request (the console's assets).
  for (const m of app.matchAll(/app\.use\(\s*(\w+)\(/g)) routes.push(`USE /* (${m[1]})`);
  for (const m of app.matchAll(/app\.use\(\s*'([^']+)',\s*(\w+)\(/g)) {
    const [, mount, factory] = m;
    const file = routerFiles().find((f) => f.source.includes(`export function ${factory}(`));
    // Only the factory's own body: a file may hold several routers.
    const start = file?.source.indexOf(`export function ${factory}(`) ?? -1;
    const next = start < 0 ? -1 : file!.source.indexOf('\nexport function ', start + 1);
    const body = start < 0 ? '' : file!.source.slice(start, next < 0 ? undefined : next);
    const inner = [...body.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)];
    // A handler that is not a router (the GraphQL endpoint) is one route of its own.
    if (inner.length === 0) routes.push(`USE ${mount}`);
    for (const r of inner) routes.push(`${r[1]!.toUpperCase()} ${mount}${r[2] === '/' ? '' : r[2]}`);
  }
  return routes;
}

function routerFiles() {
  const found: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.router.ts') || entry.name === 'http-handler.ts')
        found.push({ file: full, source: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(SRC);
  return found;
}

describe('habilitations: every operation and route × role × caisse', () => {
  it('has one entry per Query/Mutation field and REST route, and none for what does not exist', async () => {
    const existing = [...(await schemaOperations()), ...restRoutes()];
    expect(existing).toContain('decideJustificatif');
    expect(existing).toContain('GET /api/files/:id');
    const listed = [...Object.keys(MATRIX), ...Object.keys(EXEMPT)];
    expect({
      missing: existing.filter((o) => !listed.includes(o)),
      stale: listed.filter((o) => !existing.includes(o)),
    }).toEqual({ missing: [], stale: [] });
  });

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
    const active = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    const disabled = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    await em.update('agent', { id: disabled.id }, { active: false });
    await declare(em, dentist, campaign, {});
    await t.app.storage.put(justificatif.fileId!, Buffer.from('%PDF-1.4 matrice'));
    const now = new Date();
    const run = await em.getRepository(ImportRun).insert({
      kind: 'PROFESSIONALS',
      status: 'COMPLETED',
      fileId: null,
      fileName: 'annuaire.csv',
      agentId: null,
      caisseCode: '211',
      rejections: [],
      errorMessage: null,
      reportFileId: null,
      startedAt: now,
      heartbeatAt: now,
      finishedAt: now,
    });
    // One régularisation of caisse 211 (written directly; reversal.int.test.ts drives the real path).
    await em.getRepository(Regularisation).insert({
      campaignId: campaign.id,
      professionalId: dentist.id,
      caisseCode: '211',
      declarationId: 1,
      previousDueCents: 1000,
      newDueCents: 0,
      amountCents: -1000,
      reason: 'Matrice',
      source: 'REVERSAL',
      sourceId: null,
      agentId: null,
    });
    const { communicationId, waveId } = await communicationFixtures(em, dentist, campaign);
    ids = {
      communicationId: String(communicationId),
      waveId: String(waveId),
      controlCaseId: await controlCaseOf(em, dentist, campaign),
      professionalId: String(dentist.id),
      justificatifId: String(justificatif.id),
      fileId: justificatif.fileId!,
      activeAgentId: String(active.id),
      disabledAgentId: String(disabled.id),
      importRunId: String(run.identifiers[0]!.id),
      opinionRequestId: String(
        (
          await em.getRepository(OpinionRequest).insert({
            justificatifId: justificatif.id,
            caisseCode: '211',
            professionalId: dentist.id,
            askedByAgentId: disabled.id,
            askedAgentId: active.id,
            question: 'Matrice ?',
            askedAt: now,
            status: 'PENDING',
            answer: null,
            answeredAt: null,
            closedAt: null,
          })
        ).identifiers[0]!.id,
      ),
    };
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
  afterAll(async () => t?.stop());

  async function answer(entry: Entry, token: string | undefined): Promise<Answer | string> {
    const request = entry.request;
    if ('graphql' in request) {
      const result = await t.gql(request.graphql, request.variables?.(ids) ?? {}, token ?? null);
      const code = result.errors?.[0]?.extensions?.code;
      if (code) return code;
      return entry.isEmpty?.(result.data as Loose) ? 'EMPTY' : 'OK';
    }
    const body = request.multipart ? new FormData() : undefined;
    body?.append('note', 'pas de fichier');
    const response = await fetch(`${t.url}${request.url(ids)}`, {
      method: request.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-mcbo-csrf': '1' },
      body,
    });
    const text = await response.text();
    if (!response.ok) return (JSON.parse(text) as { error: { code: string } }).error.code;
    return entry.isEmpty?.(text) ? 'EMPTY' : 'OK';
  }

  const cells = Object.entries(MATRIX).flatMap(([name, entry]) => ROLES.map((role) => [name, role, entry] as const));

  it.each(cells)('%s as %s of the same caisse', async (_name, role, entry) => {
    expect(await answer(entry, tokens[`${role}:211`])).toBe(entry.home[role]);
  });

  it.each(cells.filter(([, role, entry]) => entry.home[role] !== 'FORBIDDEN'))(
    '%s as %s of another caisse reads nothing of 211',
    async (_name, role, entry) => {
      expect(await answer(entry, tokens[`${role}:751`])).toBe(entry.away);
    },
  );

  it.each(Object.entries(MATRIX))('%s without a session is UNAUTHENTICATED', async (_name, entry) => {
    expect(await answer(entry, undefined)).toBe('UNAUTHENTICATED');
  });
});
