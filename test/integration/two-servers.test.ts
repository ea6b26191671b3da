/**
 * Scale-out: two server processes on ONE database (the SQLite file shared, or the MySQL database), as
 * N replicas behind a load balancer would be. Server A runs in the test process; server B is a separate
 * Node process started from the sources, with its own pool and its own memory. Nothing that matters
 * lives in a server's memory: a session opened on A works on B, a logout on A is seen by B, and two
 * decisions on the same justificatif sent at the same instant through A and B give one success and one
 * CONFLICT, which both servers then read alike.
 */
import type { Agent } from '../../server/src/agents/agent.entity';
import type { Campaign } from '../../server/src/campaigns/campaign.entity';
import { JustificatifHistory } from '../../server/src/justificatifs/justificatif.entity';
import type { Professional } from '../../server/src/professionals/professional.entity';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../server/src/test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  receivedJustificatif,
} from '../../server/src/test-support/world';
import { startServer } from '../support/server-process';

/** Server B: `server/src/main.ts` in its own Node process, on the database and data folder of A. */
const startServerProcess = (a: TestApp) =>
  startServer(a.settings.url ?? '', a.config.DATA_DIR, 'B', { DB_POOL_SIZE: '10' });

const ME = 'query { me { email displayName } }';
const LOGOUT = 'mutation { logout }';
const JUSTIFICATIF = 'query J($id: ID!) { justificatif(id: $id) { status version } }';
const VALIDATE = `mutation V($id: ID!, $v: Int!, $checklist: [ChecklistItemInput!]) {
  validateJustificatif(id: $id, expectedVersion: $v, checklist: $checklist) { justificatif { id status version } }
}`;
const REJECT = `mutation R($id: ID!, $v: Int!, $reasons: [RejectionReason!]!) {
  rejectJustificatif(id: $id, expectedVersion: $v, reasons: $reasons) { justificatif { id status version } }
}`;
const FULL_CHECKLIST = [
  'DOCUMENT_TYPE',
  'PUBLISHER_IDENTIFIED',
  'SOFTWARE_NAME',
  'ACQUISITION_DATE',
  'NOMINATIVE',
  'DMP_COMPATIBLE_MENTION',
  'CONNECTOR_OR_PACK_STATED',
].map((code) => ({ code, checked: true }));

type Result = GraphQLResponse<Record<string, unknown>>;

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Result> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}

const outcome = (r: Result) => (r.errors ? (r.errors[0]?.extensions?.code ?? 'ERROR') : 'OK');

describe('two server processes on one database', () => {
  let a: TestApp; // server A: the test app, in this process …
  let b: Awaited<ReturnType<typeof startServerProcess>>; // … server B: another process
  let campaign: Campaign;
  let dentist: Professional;
  let conseiller: Agent;
  let conseiller2: Agent;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startServerProcess(a);
    const em = a.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    conseiller = await a.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    conseiller2 = await a.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
  }, 180_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('serves from two processes', () => {
    expect(b.url).not.toBe(a.url);
    expect(b.pid).not.toBe(process.pid);
  });

  it('accepts on B a session opened on A', async () => {
    const token = await a.login(conseiller.email);
    const onB = await gql(b.url, ME, {}, token);
    expect(onB.errors).toBeUndefined();
    expect(onB.data?.me).toEqual({ email: conseiller.email, displayName: conseiller.displayName });
    const onA = await gql(a.url, ME, {}, token);
    expect(onA.data?.me).toEqual(onB.data?.me);
  });

  it('revokes on B a session closed on A', async () => {
    const token = await a.login(conseiller.email);
    expect(outcome(await gql(b.url, ME, {}, token))).toBe('OK');
    const logout = await gql(a.url, LOGOUT, {}, token);
    expect(logout.data?.logout).toBe(true);
    expect(outcome(await gql(b.url, ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(outcome(await gql(a.url, ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('gives exactly one success and one CONFLICT to two simultaneous decisions, one through each server', async () => {
    const [tokenA, tokenB] = [await a.login(conseiller.email), await a.login(conseiller2.email)];
    for (let round = 0; round < 3; round++) {
      const j = await receivedJustificatif(a.db.manager, dentist, campaign, 'LOG_DMP');
      const results = await Promise.all([
        gql(a.url, VALIDATE, { id: String(j.id), v: 1, checklist: FULL_CHECKLIST }, tokenA),
        gql(b.url, REJECT, { id: String(j.id), v: 1, reasons: ['NOT_NOMINATIVE'] }, tokenB),
      ]);
      expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
      // One transition recorded after the receipt, whichever server won.
      expect(await a.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id })).toBe(2);
      // Both servers read the same winner.
      const winner = results.find((r) => !r.errors)!;
      const status = (Object.values(winner.data!)[0] as { justificatif: { status: string } }).justificatif.status;
      for (const url of [a.url, b.url]) {
        const read = await gql(url, JUSTIFICATIF, { id: String(j.id) }, tokenA);
        expect(read.data?.justificatif).toEqual({ status, version: 2 });
      }
    }
  });
});
