import type { Agent } from '../agents/agent.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Declaration } from '../declarations/declaration.entity';
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

const VALIDATE = `mutation V($id: ID!, $v: Int!, $checklist: [ChecklistItemInput!]) {
  validateJustificatif(id: $id, expectedVersion: $v, checklist: $checklist) {
    justificatif { id status version decidedBy { displayName } history { action toStatus agent { displayName } } }
    indicator { atteinte { status reason } validatedMention justificatifRequired { required reason } }
    remuneration { totalCents lines { label amountCents reason } }
  }
}`;
const REJECT = `mutation R($id: ID!, $v: Int!, $reasons: [RejectionReason!]!, $comment: String) {
  rejectJustificatif(id: $id, expectedVersion: $v, reasons: $reasons, comment: $comment) {
    justificatif { id status version rejectionReasons comment }
    indicator { atteinte { status reason } }
  }
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

describe('justificatif decisions', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;
  let conseiller: Agent;
  let conseiller2: Agent;
  let token: string;
  let token2: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      lastName: 'Dupont',
    });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    await declare(em, dentist, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
    conseiller = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    conseiller2 = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    token = await t.login(conseiller.email);
    token2 = await t.login(conseiller2.email);
  });
  afterAll(async () => t.stop());

  const fresh = () => receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');

  it('validates: status, history, audit, atteinte and mention re-evaluated in one go', async () => {
    const j = await fresh();
    const result = await t.gql<{ validateJustificatif: Loose }>(
      VALIDATE,
      { id: String(j.id), v: 1, checklist: FULL_CHECKLIST },
      token,
    );
    expect(result.errors).toBeUndefined();
    const out = result.data!.validateJustificatif;
    expect(out.justificatif).toMatchObject({
      status: 'VALIDATED',
      version: 2,
      decidedBy: { displayName: conseiller.displayName },
    });
    expect(out.justificatif.history.map((h: Loose) => h.action)).toEqual(['RECEIVED', 'VALIDATED']);
    expect(out.indicator.validatedMention).toBe('pièce justificative validée par la CPAM');
    expect(out.indicator.atteinte.status).toBe('ACHIEVED');
    const audit = await t.db
      .getRepository(AuditEvent)
      .findOneBy({ action: 'JUSTIFICATIF_VALIDATED', targetId: String(j.id) });
    expect(audit?.agentId).toBe(conseiller.id);
  });

  it('refuses a second decision with CONFLICT naming who decided, and changes nothing', async () => {
    const j = await fresh();
    await t.gql(VALIDATE, { id: String(j.id), v: 1, checklist: FULL_CHECKLIST }, token);
    const second = await t.gql(REJECT, { id: String(j.id), v: 1, reasons: ['ILLEGIBLE'] }, token2);
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      status: 'VALIDATED',
      decidedBy: { displayName: conseiller.displayName },
    });
    const row = await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id });
    expect(row).toMatchObject({ status: 'VALIDATED', version: 2, rejectionReasons: null });
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const j = await fresh();
    const [a, b] = await Promise.all([
      t.gql(VALIDATE, { id: String(j.id), v: 1, checklist: FULL_CHECKLIST }, token),
      t.gql(REJECT, { id: String(j.id), v: 1, reasons: ['NOT_NOMINATIVE'] }, token2),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const history = await t.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id });
    expect(history).toBe(2);
  });

  it('rejects with reasons and a comment; the indicator stays pending while the window is in instruction', async () => {
    // A professional with no other piece: a piece validated earlier for the same family would achieve it.
    const em = t.db.manager;
    const other = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.3');
    await declare(em, other, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
    const j = await receivedJustificatif(em, other, campaign, 'LOG_DMP');
    const result = await t.gql<{ rejectJustificatif: Loose }>(
      REJECT,
      {
        id: String(j.id),
        v: 1,
        reasons: ['DMP_MENTION_MISSING', 'NOT_NOMINATIVE'],
        comment: ' Facture sans mention DMP ',
      },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.rejectJustificatif.justificatif).toMatchObject({
      status: 'REJECTED',
      rejectionReasons: ['DMP_MENTION_MISSING', 'NOT_NOMINATIVE'],
      comment: 'Facture sans mention DMP',
    });
    expect(result.data!.rejectJustificatif.indicator.atteinte.status).toBe('PENDING_JUSTIFICATIF');
  });

  it.each([
    ['an empty list of reasons', REJECT, { reasons: [] }, 'BAD_USER_INPUT'],
    ['a duplicated reason', REJECT, { reasons: ['ILLEGIBLE', 'ILLEGIBLE'] }, 'BAD_USER_INPUT'],
    ['a stale version', VALIDATE, { v: 7, checklist: FULL_CHECKLIST }, 'STALE_VERSION'],
    [
      'an unchecked required item',
      VALIDATE,
      { checklist: [{ code: 'PUBLISHER_IDENTIFIED', checked: true }] },
      'BAD_USER_INPUT',
    ],
    ['an unknown checklist item', VALIDATE, { checklist: [{ code: 'NOPE', checked: true }] }, 'BAD_USER_INPUT'],
    ['a version below 1', VALIDATE, { v: 0 }, 'BAD_USER_INPUT'],
  ])('answers %s with a typed error and changes nothing', async (_label, mutation, variables, code) => {
    const j = await fresh();
    const result = await t.gql(mutation, { id: String(j.id), v: 1, ...variables }, token);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[a-zé]/);
    const row = await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id });
    expect(row).toMatchObject({ status: 'RECEIVED', version: 1, decidedByAgentId: null });
    expect(await t.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id })).toBe(1);
  });

  it.each([
    ['a malformed id', 'abc', 'BAD_USER_INPUT'],
    ['an unknown id', '999999', 'NOT_FOUND'],
  ])('answers %s', async (_label, id, code) => {
    const result = await t.gql(VALIDATE, { id, v: 1 }, token);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('hides a justificatif of another caisse as NOT_FOUND', async () => {
    const paris = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' });
    const j = await fresh();
    const result = await t.gql(VALIDATE, { id: String(j.id), v: 1 }, await t.login(paris.email));
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('forbids decisions to a DAM and requires a session', async () => {
    const dam = await t.createAgent({ role: 'DAM', caisseCode: '211' });
    const j = await fresh();
    const asDam = await t.gql(VALIDATE, { id: String(j.id), v: 1 }, await t.login(dam.email));
    expect(asDam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(VALIDATE, { id: String(j.id), v: 1 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses decisions on a computed campaign with CAMPAIGN_CLOSED', async () => {
    const j = await fresh();
    await t.db.query('UPDATE campaign SET status = ? WHERE id = ?', ['COMPUTED', campaign.id]);
    try {
      const result = await t.gql(VALIDATE, { id: String(j.id), v: 1, checklist: FULL_CHECKLIST }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_CLOSED');
      expect((await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id })).status).toBe('RECEIVED');
    } finally {
      await t.db.query('UPDATE campaign SET status = ? WHERE id = ?', ['CLOSED', campaign.id]);
    }
  });

  it('stores on the declaration the projected rémunération the decision answers', async () => {
    const where = { professionalId: dentist.id, campaignId: campaign.id };
    await t.db.getRepository(Declaration).update(where, { projectedRemunerationCents: -1 });
    const j = await fresh();
    const result = await t.gql<{ validateJustificatif: Loose }>(
      VALIDATE,
      { id: String(j.id), v: 1, checklist: FULL_CHECKLIST },
      token,
    );
    const total = result.data!.validateJustificatif.remuneration.totalCents;
    expect(total).toEqual(expect.any(Number));
    expect((await t.db.getRepository(Declaration).findOneByOrFail(where)).projectedRemunerationCents).toBe(total);
  });
});

describe('assignment', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;

  beforeAll(async () => {
    t = await startTestApp();
    await createCaisses(t.db.manager);
    campaign = await createCampaign(t.db.manager, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(t.db.manager, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
  });
  afterAll(async () => t.stop());

  const ASSIGN = `mutation A($id: ID!, $agentId: ID) { assignJustificatif(id: $id, agentId: $agentId) { id assignedTo { id displayName } } }`;

  it('lets a conseiller take an item, refuses a colleague with CONFLICT, and lets the holder release it', async () => {
    const [a, b] = [await t.createAgent({ role: 'CONSEILLER' }), await t.createAgent({ role: 'CONSEILLER' })];
    const [ta, tb] = [await t.login(a.email), await t.login(b.email)];
    const j = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    const took = await t.gql<{ assignJustificatif: Loose }>(ASSIGN, { id: String(j.id), agentId: String(a.id) }, ta);
    expect(took.data?.assignJustificatif.assignedTo.id).toBe(String(a.id));
    const stolen = await t.gql(ASSIGN, { id: String(j.id), agentId: String(b.id) }, tb);
    expect(stolen.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const released = await t.gql<{ assignJustificatif: Loose }>(ASSIGN, { id: String(j.id), agentId: null }, ta);
    expect(released.data?.assignJustificatif.assignedTo).toBeNull();
  });

  it('keeps the decision of a taken item for its holder: a colleague gets CONFLICT naming them, nothing changes', async () => {
    const [a, b] = [await t.createAgent({ role: 'CONSEILLER' }), await t.createAgent({ role: 'CONSEILLER' })];
    const [ta, tb] = [await t.login(a.email), await t.login(b.email)];
    const j = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    await t.gql(ASSIGN, { id: String(j.id), agentId: String(a.id) }, ta);
    const byColleague = await t.gql(REJECT, { id: String(j.id), v: 1, reasons: ['ILLEGIBLE'] }, tb);
    expect(byColleague.errors?.[0]?.message).toBe(
      `Ce justificatif est pris en charge par ${a.displayName} : lui seul peut le décider.`,
    );
    expect(byColleague.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      status: 'RECEIVED',
      assignedTo: { id: String(a.id), displayName: a.displayName },
    });
    const untouched = await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id });
    expect(untouched).toMatchObject({ status: 'RECEIVED', version: 1, assignedAgentId: a.id, rejectionReasons: null });
    expect(await t.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id, action: 'REJECTED' })).toBe(0);

    // Its holder decides it.
    const byHolder = await t.gql(REJECT, { id: String(j.id), v: 1, reasons: ['ILLEGIBLE'] }, ta);
    expect(byHolder.errors).toBeUndefined();
    expect(await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id })).toMatchObject({ status: 'REJECTED' });
  });

  it('lets a supervisor give an item to a conseiller, but not to a DAM', async () => {
    const sup = await t.createAgent({ role: 'SUPERVISEUR' });
    const conseiller = await t.createAgent({ role: 'CONSEILLER' });
    const dam = await t.createAgent({ role: 'DAM' });
    const token = await t.login(sup.email);
    const j = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    const given = await t.gql<{ assignJustificatif: Loose }>(
      ASSIGN,
      { id: String(j.id), agentId: String(conseiller.id) },
      token,
    );
    expect(given.data?.assignJustificatif.assignedTo.id).toBe(String(conseiller.id));
    const toDam = await t.gql(ASSIGN, { id: String(j.id), agentId: String(dam.id) }, token);
    expect(toDam.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('forbids a conseiller to give an item to someone else', async () => {
    const [a, b] = [await t.createAgent({ role: 'CONSEILLER' }), await t.createAgent({ role: 'CONSEILLER' })];
    const j = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    const result = await t.gql(ASSIGN, { id: String(j.id), agentId: String(b.id) }, await t.login(a.email));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
