/**
 * decideJustificatif: refusals are typed outcomes (a union), each carrying what the console says;
 * the transition writes its history, re-evaluation and audit (last) in one transaction.
 */
import type { Agent } from '../agents/agent.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  receivedJustificatif,
  softwareValue,
} from '../test-support/world';
import { Justificatif, JustificatifHistory } from './justificatif.entity';

const DECIDE = `mutation D($input: DecideJustificatifInput!) {
  decideJustificatif(input: $input) {
    __typename
    ... on Decided { message justificatif { status version } indicator { atteinte { status } } remuneration { totalCents } }
    ... on AlreadyDecided { message status currentVersion decidedAt decidedBy { id displayName } justificatif { status } }
    ... on HeldByColleague { message currentVersion assignedAt assignedTo { id displayName } }
    ... on StaleVersion { message currentVersion }
    ... on CampaignClosed { message campaignLabel campaignStatus }
  }
}`;
const CHECKLIST = [
  'DOCUMENT_TYPE',
  'PUBLISHER_IDENTIFIED',
  'SOFTWARE_NAME',
  'ACQUISITION_DATE',
  'NOMINATIVE',
  'DMP_COMPATIBLE_MENTION',
  'CONNECTOR_OR_PACK_STATED',
].map((code) => ({ code, checked: true }));

describe('decideJustificatif outcomes', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;
  let a: Agent;
  let b: Agent;
  let ta: string;
  let tb: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    await declare(em, dentist, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
    a = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    b = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    [ta, tb] = [await t.login(a.email), await t.login(b.email)];
  });
  afterAll(async () => t.stop());

  const fresh = () => receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
  const validate = (id: number, v: number, token: string) =>
    t.gql<{ decideJustificatif: Loose }>(
      DECIDE,
      { input: { id: String(id), expectedVersion: v, verdict: 'VALIDATED', checklist: CHECKLIST } },
      token,
    );
  const reject = (id: number, v: number, token: string) =>
    t.gql<{ decideJustificatif: Loose }>(
      DECIDE,
      { input: { id: String(id), expectedVersion: v, verdict: 'REJECTED', reasons: ['ILLEGIBLE'] } },
      token,
    );
  const historyOf = (id: number) => t.db.getRepository(JustificatifHistory).countBy({ justificatifId: id });

  it('answers Decided with the re-evaluated indicator, and writes the audit event after the history', async () => {
    const j = await fresh();
    const out = (await validate(j.id, 1, ta)).data!.decideJustificatif;
    expect(out).toMatchObject({
      __typename: 'Decided',
      message: 'Justificatif validé.',
      justificatif: { status: 'VALIDATED', version: 2 },
      indicator: { atteinte: { status: 'ACHIEVED' } },
    });
    expect(out.remuneration.totalCents).toEqual(expect.any(Number));
    const audit = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'JUSTIFICATIF_VALIDATED', targetId: String(j.id) });
    const history = await t.db
      .getRepository(JustificatifHistory)
      .findOneByOrFail({ justificatifId: j.id, action: 'VALIDATED' });
    expect(audit.agentId).toBe(a.id);
    expect(audit.at.getTime()).toBeGreaterThanOrEqual(Math.floor(history.at.getTime() / 1000) * 1000);
  });

  it('answers AlreadyDecided naming who decided, when, and the current version; nothing changes', async () => {
    const j = await fresh();
    await validate(j.id, 1, ta);
    const out = (await reject(j.id, 1, tb)).data!.decideJustificatif;
    expect(out).toMatchObject({
      __typename: 'AlreadyDecided',
      status: 'VALIDATED',
      currentVersion: 2,
      decidedBy: { id: String(a.id), displayName: a.displayName },
      message: `Ce justificatif a déjà été validé par ${a.displayName}. L'affichage a été actualisé.`,
    });
    expect(out.decidedAt).toEqual(expect.any(String));
    expect(await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id })).toMatchObject({
      status: 'VALIDATED',
      rejectionReasons: null,
    });
    expect(await historyOf(j.id)).toBe(2);
  });

  it('answers HeldByColleague naming the holder; its holder then decides', async () => {
    const j = await fresh();
    await t.db.getRepository(Justificatif).update({ id: j.id }, { assignedAgentId: a.id, assignedAt: new Date() });
    const out = (await reject(j.id, 1, tb)).data!.decideJustificatif;
    expect(out).toMatchObject({
      __typename: 'HeldByColleague',
      currentVersion: 1,
      assignedTo: { id: String(a.id), displayName: a.displayName },
      message: `Ce justificatif est pris en charge par ${a.displayName} : lui seul peut le décider.`,
    });
    expect(await historyOf(j.id)).toBe(1);
    expect((await reject(j.id, 1, ta)).data!.decideJustificatif.__typename).toBe('Decided');
  });

  it('answers StaleVersion with the current version', async () => {
    const j = await fresh();
    const out = (await validate(j.id, 4, ta)).data!.decideJustificatif;
    expect(out).toMatchObject({ __typename: 'StaleVersion', currentVersion: 1 });
    expect(await historyOf(j.id)).toBe(1);
  });

  it('answers CampaignClosed on a computed campaign', async () => {
    const j = await fresh();
    await t.db.query('UPDATE campaign SET status = ? WHERE id = ?', ['COMPUTED', campaign.id]);
    try {
      const out = (await validate(j.id, 1, ta)).data!.decideJustificatif;
      expect(out).toMatchObject({ __typename: 'CampaignClosed', campaignStatus: 'COMPUTED' });
      expect(out.message).toContain('est calculée');
    } finally {
      await t.db.query('UPDATE campaign SET status = ? WHERE id = ?', ['CLOSED', campaign.id]);
    }
    expect(await historyOf(j.id)).toBe(1);
  });

  it('lets exactly one of two simultaneous decisions win; the other learns who decided', async () => {
    const j = await fresh();
    const results = await Promise.all([validate(j.id, 1, ta), reject(j.id, 1, tb)]);
    const kinds = results.map((r) => r.data!.decideJustificatif.__typename).sort();
    expect(kinds).toEqual(['AlreadyDecided', 'Decided']);
    expect(await historyOf(j.id)).toBe(2);
    const audits = await t.db.getRepository(AuditEvent).countBy({ targetType: 'JUSTIFICATIF', targetId: String(j.id) });
    expect(audits).toBe(1);
  });

  it('keeps bad input an error that changes nothing', async () => {
    const j = await fresh();
    const none = await t.gql(
      DECIDE,
      { input: { id: String(j.id), expectedVersion: 1, verdict: 'REJECTED', reasons: [] } },
      ta,
    );
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await historyOf(j.id)).toBe(1);
  });
});
