/**
 * « Demander un avis »: a conseiller asks a colleague or a superviseur of the piece's caisse; the piece
 * stays held by the asker (nobody else decides or takes it), shows in the asked agent's queue (« avis
 * demandé ») and its answer joins the piece's history; refusals are typed and change nothing; nothing
 * crosses caisses; of two answers exactly one wins; a decision closes a pending request.
 */
import type { Agent } from '../agents/agent.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';
import { OpinionRequest } from './opinion-request.entity';

const REQUEST = `mutation R($input: RequestOpinionInput!) {
  requestOpinion(input: $input) {
    __typename
    ... on OpinionRequested { message request { id status question askedBy { id } askedAgent { id displayName } } justificatif { version assignedTo { id } } }
    ... on OpinionRefused { code message field }
    ... on HeldByColleague { message assignedTo { id } }
    ... on AlreadyDecided { message status }
    ... on StaleVersion { message currentVersion }
    ... on CampaignClosed { message }
  }
}`;
const ANSWER = `mutation A($id: ID!, $answer: String!) {
  answerOpinion(requestId: $id, answer: $answer) {
    __typename
    ... on OpinionAnswered { message request { id status answer answeredAt askedAgent { id } } }
    ... on OpinionRefused { code message field }
  }
}`;
const DECIDE = `mutation D($id: ID!, $v: Int!) {
  decideJustificatif(input: { id: $id, expectedVersion: $v, verdict: REJECTED, reasons: [ILLEGIBLE] }) {
    __typename
    ... on HeldByColleague { assignedTo { id } }
  }
}`;
const PIECE = `query P($id: ID!) {
  justificatif(id: $id) {
    version
    assignedTo { id }
    pendingOpinion { id question askedBy { id } askedAgent { id } }
    opinionRequests { id status question answer askedBy { id } askedAgent { id } }
    history { action comment agent { id } }
  }
}`;
const QUEUE = `query Q { justificatifQueue(filter: { view: OPINION_ASKED }) { totalCount nodes { id pendingOpinion { question askedBy { id } } } }
  justificatifQueueCounts { opinionAsked mine } }`;

jest.setTimeout(90_000);

describe('opinions (« Demander un avis »)', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;
  let agents: Record<'asker' | 'colleague' | 'sup' | 'dam' | 'away' | 'awaySup' | 'national', Agent>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'OPEN');
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    agents = {
      asker: await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' }),
      colleague: await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' }),
      sup: await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' }),
      dam: await t.createAgent({ role: 'DAM', caisseCode: '211' }),
      away: await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' }),
      awaySup: await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751' }),
      national: await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751', nationalScope: true }),
    };
    for (const [name, agent] of Object.entries(agents)) tokens[name] = await t.login(agent.email);
  });
  afterAll(() => t.stop());

  const fresh = () => receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
  const ask = (
    j: Justificatif,
    to: Agent,
    question = 'La facture est-elle nominative ?',
    v = j.version,
    who = 'asker',
  ) =>
    t.gql<{ requestOpinion: Loose }>(
      REQUEST,
      { input: { justificatifId: String(j.id), expectedVersion: v, toAgentId: String(to.id), question } },
      tokens[who],
    );
  const answer = (id: string, text: string, who = 'sup') =>
    t.gql<{ answerOpinion: Loose }>(ANSWER, { id, answer: text }, tokens[who]);
  const piece = async (j: Justificatif, who = 'asker') =>
    (await t.gql<{ justificatif: Loose }>(PIECE, { id: String(j.id) }, tokens[who])).data!.justificatif;
  const counts = async (j: Justificatif) => ({
    history: await t.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id }),
    requests: await t.db.getRepository(OpinionRequest).countBy({ justificatifId: j.id }),
    audit: await t.db.getRepository(AuditEvent).countBy({ targetType: 'JUSTIFICATIF', targetId: String(j.id) }),
    row: await t.db.getRepository(Justificatif).findOneByOrFail({ id: j.id }),
  });

  it('asks, holds the piece for the asker, shows « avis demandé », keeps the answer in the history, then the asker decides', async () => {
    const j = await fresh();
    const asked = await ask(j, agents.sup, '  La facture est-elle nominative ?  ');
    expect(asked.errors).toBeUndefined();
    const outcome = asked.data!.requestOpinion;
    expect(outcome).toMatchObject({
      __typename: 'OpinionRequested',
      message: `Avis demandé à ${agents.sup.displayName}. La pièce reste prise par vous jusqu’à sa décision.`,
      request: {
        status: 'PENDING',
        question: 'La facture est-elle nominative ?',
        askedAgent: { id: String(agents.sup.id) },
      },
      // Asking about a free piece takes it; the version the asker read still decides it.
      justificatif: { version: 1, assignedTo: { id: String(agents.asker.id) } },
    });
    const requestId = outcome.request.id as string;

    // The superviseur's queue: « Avis demandés » lists it and counts it; the asker's piece shows it pending.
    const queue = await t.gql<Loose>(QUEUE, {}, tokens.sup);
    expect(queue.data!.justificatifQueue.nodes).toEqual([
      {
        id: String(j.id),
        pendingOpinion: { question: 'La facture est-elle nominative ?', askedBy: { id: String(agents.asker.id) } },
      },
    ]);
    expect(queue.data!.justificatifQueueCounts.opinionAsked).toBe(1);
    expect((await t.gql<Loose>(QUEUE, {}, tokens.colleague)).data!.justificatifQueueCounts.opinionAsked).toBe(0);
    expect((await piece(j)).pendingOpinion).toMatchObject({ id: requestId, askedAgent: { id: String(agents.sup.id) } });

    // Meanwhile nobody else decides or takes it, and a second question waits for the first answer.
    const other = await t.gql<{ decideJustificatif: Loose }>(DECIDE, { id: String(j.id), v: 1 }, tokens.colleague);
    expect(other.data!.decideJustificatif).toEqual({
      __typename: 'HeldByColleague',
      assignedTo: { id: String(agents.asker.id) },
    });
    const take = await t.gql(
      `mutation T($id: ID!, $me: ID!) { assignJustificatif(id: $id, agentId: $me) { id } }`,
      { id: String(j.id), me: String(agents.colleague.id) },
      tokens.colleague,
    );
    expect(take.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const again = await ask(j, agents.colleague);
    expect(again.data!.requestOpinion).toMatchObject({ __typename: 'OpinionRefused', code: 'ALREADY_PENDING' });
    expect(again.data!.requestOpinion.message).toContain(agents.sup.displayName);

    const answered = await answer(requestId, '  Oui : le nom du cabinet figure en en-tête.  ');
    expect(answered.data!.answerOpinion).toMatchObject({
      __typename: 'OpinionAnswered',
      request: { status: 'ANSWERED', answer: 'Oui : le nom du cabinet figure en en-tête.' },
    });
    expect((await t.gql<Loose>(QUEUE, {}, tokens.sup)).data!.justificatifQueueCounts.opinionAsked).toBe(0);

    const after = await piece(j);
    expect(after.pendingOpinion).toBeNull();
    expect(after.history.slice(-2)).toEqual([
      { action: 'OPINION_ASKED', comment: 'La facture est-elle nominative ?', agent: { id: String(agents.asker.id) } },
      {
        action: 'OPINION_ANSWERED',
        comment: 'Oui : le nom du cabinet figure en en-tête.',
        agent: { id: String(agents.sup.id) },
      },
    ]);
    const audit = await t.db
      .getRepository(AuditEvent)
      .find({ where: { targetType: 'JUSTIFICATIF', targetId: String(j.id) }, order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['JUSTIFICATIF_OPINION_ASKED', 'JUSTIFICATIF_OPINION_ANSWERED']);

    // The asker decides with the version read before asking: asking and answering do not move it.
    const decided = await t.gql<{ decideJustificatif: Loose }>(DECIDE, { id: String(j.id), v: 1 }, tokens.asker);
    expect(decided.data!.decideJustificatif.__typename).toBe('Decided');
    // The answered request stays as it was.
    expect((await piece(j)).opinionRequests).toMatchObject([{ id: requestId, status: 'ANSWERED' }]);
  });

  it('asks a national superviseur, who finds it in their queue and answers', async () => {
    const j = await fresh();
    const asked = await ask(j, agents.national);
    expect(asked.data!.requestOpinion.__typename).toBe('OpinionRequested');
    const queue = await t.gql<Loose>(QUEUE, {}, tokens.national);
    expect(queue.data!.justificatifQueue.nodes.map((n: Loose) => n.id)).toEqual([String(j.id)]);
    const answered = await answer(asked.data!.requestOpinion.request.id, 'Pièce recevable.', 'national');
    expect(answered.data!.answerOpinion.__typename).toBe('OpinionAnswered');
  });

  it.each([
    ['oneself', 'asker', 'SELF', 'Vous ne pouvez pas vous demander un avis à vous-même.'],
    ['a conseiller of another caisse', 'away', 'UNKNOWN_AGENT', 'Cet agent ne peut pas être sollicité'],
    ['a superviseur of another caisse', 'awaySup', 'UNKNOWN_AGENT', 'Cet agent ne peut pas être sollicité'],
    ['a DAM', 'dam', 'UNKNOWN_AGENT', 'Cet agent ne peut pas être sollicité'],
  ] as const)('refuses to ask %s, typed, and changes nothing', async (_case, to, code, message) => {
    const j = await fresh();
    const before = await counts(j);
    const refused = await ask(j, agents[to]);
    expect(refused.data!.requestOpinion).toMatchObject({ __typename: 'OpinionRefused', code, field: 'toAgentId' });
    expect(refused.data!.requestOpinion.message).toContain(message);
    expect(await counts(j)).toEqual(before);
  });

  it('refuses an empty question, a stale version, a decided piece and a colleague’s piece, typed, changing nothing', async () => {
    const j = await fresh();
    const before = await counts(j);
    expect((await ask(j, agents.sup, '   ')).data!.requestOpinion).toEqual({
      __typename: 'OpinionRefused',
      code: 'EMPTY_TEXT',
      message: 'La question est vide.',
      field: 'question',
    });
    expect((await ask(j, agents.sup, 'Question ?', 7)).data!.requestOpinion).toMatchObject({
      __typename: 'StaleVersion',
      currentVersion: 1,
    });
    // Taken by a colleague: only they may ask (or decide).
    await t.gql(
      `mutation T($id: ID!, $me: ID!) { assignJustificatif(id: $id, agentId: $me) { id } }`,
      {
        id: String(j.id),
        me: String(agents.colleague.id),
      },
      tokens.colleague,
    );
    const held = await counts(j);
    expect((await ask(j, agents.sup)).data!.requestOpinion).toMatchObject({
      __typename: 'HeldByColleague',
      assignedTo: { id: String(agents.colleague.id) },
    });
    expect(await counts(j)).toEqual(held);
    expect(held.requests).toBe(before.requests);

    const decided = await fresh();
    await t.gql(DECIDE, { id: String(decided.id), v: 1 }, tokens.asker);
    const state = await counts(decided);
    expect((await ask(decided, agents.sup, 'Trop tard ?', 2)).data!.requestOpinion).toMatchObject({
      __typename: 'AlreadyDecided',
      status: 'REJECTED',
    });
    expect(await counts(decided)).toEqual(state);
  });

  it('lets nobody of another caisse ask, read or answer, national scope included unless asked', async () => {
    const j = await fresh();
    const asked = await ask(j, agents.sup);
    const requestId = asked.data!.requestOpinion.request.id as string;
    const away = await ask(j, agents.sup, 'Intrus ?', 1, 'away');
    expect(away.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const who of ['away', 'awaySup', 'national']) {
      const refused = await answer(requestId, 'Intrus', who);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // A colleague of the caisse who was not asked: a typed refusal.
    expect((await answer(requestId, 'Pas moi', 'colleague')).data!.answerOpinion).toMatchObject({
      __typename: 'OpinionRefused',
      code: 'NOT_ADDRESSEE',
    });
    const dam = await answer(requestId, 'Pas moi', 'dam');
    expect(dam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.getRepository(OpinionRequest).findOneByOrFail({ id: Number(requestId) })).toMatchObject({
      status: 'PENDING',
      answer: null,
    });
    const advisers = await t.gql<{ opinionAdvisers: Loose[] }>(
      `query A($id: ID!) { opinionAdvisers(justificatifId: $id) { id role } }`,
      { id: String(j.id) },
      tokens.asker,
    );
    expect(advisers.data!.opinionAdvisers.map((a) => a.id).sort()).toEqual(
      [agents.colleague, agents.sup, agents.national].map((a) => String(a.id)).sort(),
    );
  });

  it('of two answers at once exactly one wins; the other is told it was answered', async () => {
    const j = await fresh();
    const requestId = (await ask(j, agents.sup)).data!.requestOpinion.request.id as string;
    const results = await Promise.all([answer(requestId, 'Réponse A'), answer(requestId, 'Réponse B')]);
    const kinds = results.map((r) => r.data!.answerOpinion.__typename).sort();
    expect(kinds).toEqual(['OpinionAnswered', 'OpinionRefused']);
    expect(results.find((r) => r.data!.answerOpinion.__typename === 'OpinionRefused')!.data!.answerOpinion.code).toBe(
      'ALREADY_ANSWERED',
    );
    const winner = results.find((r) => r.data!.answerOpinion.__typename === 'OpinionAnswered')!.data!.answerOpinion;
    const row = await t.db.getRepository(OpinionRequest).findOneByOrFail({ id: Number(requestId) });
    expect(row.answer).toBe(winner.request.answer);
    expect(
      await t.db.getRepository(JustificatifHistory).countBy({ justificatifId: j.id, action: 'OPINION_ANSWERED' }),
    ).toBe(1);
  });

  it('a decision by the asker closes the pending request; an answer racing it is either before it or refused', async () => {
    const j = await fresh();
    const requestId = (await ask(j, agents.sup)).data!.requestOpinion.request.id as string;
    await t.gql(DECIDE, { id: String(j.id), v: 1 }, tokens.asker);
    expect((await answer(requestId, 'Trop tard')).data!.answerOpinion).toMatchObject({
      __typename: 'OpinionRefused',
      code: 'CLOSED',
    });
    expect(await t.db.getRepository(OpinionRequest).findOneByOrFail({ id: Number(requestId) })).toMatchObject({
      status: 'CLOSED',
      answer: null,
    });

    const raced = await fresh();
    const racedId = (await ask(raced, agents.sup)).data!.requestOpinion.request.id as string;
    const [decision, late] = await Promise.all([
      t.gql<{ decideJustificatif: Loose }>(DECIDE, { id: String(raced.id), v: 1 }, tokens.asker),
      answer(racedId, 'En même temps'),
    ]);
    expect(decision.data!.decideJustificatif.__typename).toBe('Decided');
    const row = await t.db.getRepository(OpinionRequest).findOneByOrFail({ id: Number(racedId) });
    const actions = (
      await t.db.getRepository(JustificatifHistory).find({ where: { justificatifId: raced.id }, order: { id: 'ASC' } })
    ).map((h) => h.action);
    if (late.data!.answerOpinion.__typename === 'OpinionAnswered') {
      expect(row.status).toBe('ANSWERED');
      expect(actions.slice(-2)).toEqual(['OPINION_ANSWERED', 'REJECTED']);
    } else {
      expect(late.data!.answerOpinion.code).toBe('CLOSED');
      expect(row.status).toBe('CLOSED');
      expect(actions).not.toContain('OPINION_ANSWERED');
    }
  });

  it('a superviseur’s reassignment closes the pending request « sans suite »', async () => {
    const j = await fresh();
    const requestId = (await ask(j, agents.colleague)).data!.requestOpinion.request.id as string;
    const moved = await t.gql(
      `mutation T($id: ID!, $to: ID!) { assignJustificatif(id: $id, agentId: $to) { id } }`,
      { id: String(j.id), to: String(agents.colleague.id) },
      tokens.sup,
    );
    expect(moved.errors).toBeUndefined();
    expect(await t.db.getRepository(OpinionRequest).findOneByOrFail({ id: Number(requestId) })).toMatchObject({
      status: 'CLOSED',
    });
    expect((await answer(requestId, 'Trop tard', 'colleague')).data!.answerOpinion.code).toBe('CLOSED');
  });
  it('reads the requests of a page of pieces in as many statements as for one piece (per-request DataLoaders)', async () => {
    for (let i = 0; i < 3; i += 1) {
      const j = await fresh();
      expect((await ask(j, agents.sup)).data!.requestOpinion.__typename).toBe('OpinionRequested');
    }
    const page = (first: number) =>
      t.gql<Loose>(
        `query Q($first: Int) { justificatifQueue(filter: { view: OPINION_ASKED }, first: $first) {
          nodes { id pendingOpinion { id askedBy { displayName } } opinionRequests { id askedAgent { displayName } } } } }`,
        { first },
        tokens.sup,
      );
    const one = await page(1);
    const three = await page(3);
    expect(three.data!.justificatifQueue.nodes).toHaveLength(3);
    expect(one.sqlStatements).toBeGreaterThan(0);
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });
});
