import { AuditEvent } from './audit-event.entity';
import { verifyAuditChains } from './audit-verify';
import { startTestApp, type TestApp } from '../test-support/test-app';

const RECEIVE = `mutation R($input: ReceiveJustificatifInput!) { receiveJustificatif(input: $input) { __typename } }`;
const input = {
  input: {
    professionalId: '1',
    campaignYear: 2024,
    scheme: 'FAMI',
    indicatorCode: 'LOG_DMP',
    channel: 'EMAIL',
    fileId: 'a'.repeat(64),
  },
};

describe('refusals in the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('writes one ACCESS_REFUSED event per agent × operation × minute, with the count', async () => {
    const dam = await t.createAgent({ role: 'DAM', caisseCode: '751' });
    const token = await t.login(dam.email);
    for (let i = 0; i < 30; i += 1) {
      const answer = await t.gql(RECEIVE, input, token);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    for (let i = 0; i < 3; i += 1) {
      const probe = await fetch(`${t.url}/api/files/${i.toString().repeat(64)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(probe.status).toBe(404);
    }
    await t.app.refusals.flush(true);

    const events = await t.db.getRepository(AuditEvent).find({ where: { action: 'ACCESS_REFUSED', agentId: dam.id } });
    const byOperation = Object.fromEntries(events.map((e) => [e.details?.operation, e]));
    // The 33 refusals fall in one or two minutes: one event per minute and operation, never one per refusal.
    const total = (operation: string) =>
      events.filter((e) => e.details?.operation === operation).reduce((sum, e) => sum + Number(e.details?.count), 0);
    expect(events.length).toBeLessThanOrEqual(4);
    expect(total('graphql receiveJustificatif')).toBe(30);
    expect(total('GET /api/files')).toBe(3);
    expect(byOperation['graphql receiveJustificatif']).toMatchObject({ caisseCode: '751', details: { notFound: 0 } });
    expect(byOperation['GET /api/files']?.details).toMatchObject({ forbidden: 0 });
    expect((await verifyAuditChains(t.db)).ok).toBe(true);
  });
});
