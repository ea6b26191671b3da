/**
 * The outbox against a real SMTP server in the test process: a rejection queues its notice in the
 * decision's transaction; the worker delivers it (headers, French body, PDF attachment), retries a
 * refusal with back-off, fails with the server's answer after the last attempt, and two workers
 * never send one message twice.
 */
import type { Agent } from '../agents/agent.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';
import { Communication } from './communication.entity';
import { compose, composeContext, enqueueMessage } from './outbox';
import { createTransport, type Transport } from './transport';
import { OutboxWorker } from './worker';

const REJECT = `mutation R($id: ID!, $v: Int!, $reasons: [RejectionReason!]!, $comment: String) {
  rejectJustificatif(id: $id, expectedVersion: $v, reasons: $reasons, comment: $comment) { justificatif { id status } }
}`;

describe('communications outbox', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let campaign: Campaign;
  let dentist: Professional;
  let conseiller: Agent;
  let token: string;
  let clock: number;

  const worker = (overrides: Partial<ConstructorParameters<typeof OutboxWorker>[2]> = {}) =>
    new OutboxWorker(
      t.db,
      createTransport({ smtpUrl: smtp.url, from: 'CPAM <cpam@test.invalid>', outboxDir: '/tmp' }),
      {
        maxAttempts: 3,
        retryBaseMs: 1000,
        pollMs: 50,
        now: () => new Date(clock),
        ...overrides,
      },
    );

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      lastName: 'Gaëlle-Dupré',
      email: 'dr.dupre@example.fr',
    });
    conseiller = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    token = await t.login(conseiller.email);
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });
  beforeEach(async () => {
    clock = Date.now() + 1000;
    smtp.received.length = 0;
    await t.db.getRepository(Communication).clear();
  });

  it('queues the notice with the rejection, then delivers it once: headers, French body, PDF attached', async () => {
    const j = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    const result = await t.gql(
      REJECT,
      { id: String(j.id), v: 1, reasons: ['DMP_MENTION_MISSING'], comment: 'Facture illisible en bas de page' },
      token,
    );
    expect(result.errors).toBeUndefined();
    const [row] = await t.db.getRepository(Communication).find();
    expect(row).toMatchObject({
      kind: 'NOTICE_REJECTED',
      channel: 'EMAIL',
      status: 'QUEUED',
      recipientEmail: 'dr.dupre@example.fr',
      justificatifId: j.id,
      createdByAgentId: conseiller.id,
    });
    expect(row!.body).toContain('- Mention « DMP compatible » absente');
    expect(row!.body).toContain('Précision du conseiller : Facture illisible en bas de page');
    // Same transaction as the decision: the notice exists exactly when the rejection's audit event does.
    expect(
      await t.db.getRepository(AuditEvent).countBy({ action: 'JUSTIFICATIF_REJECTED', targetId: String(j.id) }),
    ).toBe(1);

    expect(await worker().drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toContain('pièce justificative non recevable');
    expect(mail.messageId).toBe(`<communication-${row!.id}@mcbo.assurance-maladie.invalid>`);
    expect(mail.headers.get('x-mcbo-kind')).toBe('NOTICE_REJECTED');
    expect((mail.to as { text: string }).text).toBe('dr.dupre@example.fr');
    expect(mail.text).toContain('la CPAM ne peut pas la retenir');
    expect(mail.text).toContain('Vous avez jusqu’au');
    expect(mail.html).toContain('« DMP compatible »');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: `courrier-${row!.id}.pdf` });
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const sent = await t.db.getRepository(Communication).findOneByOrFail({ id: row!.id });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, claimToken: null, lastError: null });
    expect(await worker().drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  async function queueOne(professional = dentist) {
    const ctx = await composeContext(t.db.manager, campaign.id, '211');
    const composed = compose(ctx, 'RELANCE_DECLARATION', professional)!;
    return enqueueMessage(t.db.manager, {
      professional,
      campaignId: campaign.id,
      kind: 'RELANCE_DECLARATION',
      ...composed,
      now: new Date(clock),
    });
  }

  it('retries a refusal after the back-off, then sends', async () => {
    const id = await queueOne();
    smtp.refuseNext(1, 450, 'Mailbox busy, try later');
    await worker().drain();
    let row = await t.db.getRepository(Communication).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(row.lastError).toContain('450');
    expect(row.lastError).toContain('Mailbox busy');
    expect(await worker().drain()).toBe(0); // not due before the back-off
    clock += 1000;
    expect(await worker().drain()).toBe(1);
    row = await t.db.getRepository(Communication).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails with the server’s answer after the last attempt', async () => {
    const id = await queueOne();
    smtp.refuseNext(3, 550, 'Mailbox unknown');
    for (let i = 0; i < 3; i++) {
      await worker().drain();
      clock += 10_000;
    }
    const row = await t.db.getRepository(Communication).findOneByOrFail({ id });
    expect(row.status).toBe('FAILED');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/550.*Mailbox unknown/);
    expect(smtp.received).toHaveLength(0);
  });

  it('writes FAILED « adresse inconnue » for a professional without e-mail nor address', async () => {
    const nowhere = await createProfessional(t.db.manager, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      email: null,
      addressLine: '',
    });
    const id = await queueOne(nowhere);
    const row = await t.db.getRepository(Communication).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'FAILED', lastError: 'adresse inconnue', attempts: 0 });
    expect(await worker().drain()).toBe(0);
  });

  it('two workers drain the same queue: every message delivered exactly once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await queueOne());
    const [a, b] = [worker({ batchSize: 5 }), worker({ batchSize: 5 })];
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(30);
    const delivered = smtp.received.map((m) => m.messageId);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered).size).toBe(30);
    const statuses = await t.db.getRepository(Communication).find({ select: { status: true, attempts: true } });
    expect(statuses.every((s) => s.status === 'SENT' && s.attempts === 1)).toBe(true);
  });

  it('a lease shorter than a batch’s sending time: the owner renews it, no other worker takes the rows over', async () => {
    clock = Date.now() - 1000;
    for (let i = 0; i < 12; i++) await queueOne();
    const slow = (): Transport => {
      const inner = createTransport({ smtpUrl: smtp.url, from: 'CPAM <cpam@test.invalid>', outboxDir: '/tmp' });
      return {
        send: async (row, ready) => {
          await new Promise((resolve) => setTimeout(resolve, 250));
          return inner.send(row, ready);
        },
        close: () => inner.close(),
      };
    };
    // 6 messages × 250 ms a batch, lease 200 ms (ends within 0.2–1.2 s, rounded up to the second)
    const options = { maxAttempts: 3, retryBaseMs: 1000, pollMs: 50, batchSize: 6, concurrency: 1, leaseMs: 200 };
    const [a, b] = [new OutboxWorker(t.db, slow(), options), new OutboxWorker(t.db, slow(), options)];
    const first = a.drain();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [na, nb] = await Promise.all([first, b.drain()]);
    expect(na + nb).toBe(12);
    const delivered = smtp.received.map((m) => m.messageId);
    expect(delivered).toHaveLength(12);
    expect(new Set(delivered).size).toBe(12);
    const rows = await t.db.getRepository(Communication).find();
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });
});
