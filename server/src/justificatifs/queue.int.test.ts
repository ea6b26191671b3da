/**
 * The queue as the conseiller and the superviseur use it: filters, counts that agree with the list,
 * keyset pages both ways, saved views per agent, bulk reassignment with a per-piece outcome (a
 * concurrent decision included) and the superviseur's workload figures.
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

const DAY = 86_400_000;

const QUEUE = `query Q($filter: JustificatifQueueFilter, $first: Int, $after: String, $last: Int, $before: String) {
  justificatifQueue(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount hasPreviousPage startCursor pageInfo { hasNextPage endCursor }
    nodes { id ageDays version assignedTo { id } }
  }
}`;
const COUNTS = `query C($filter: JustificatifQueueFilter) {
  justificatifQueueCounts(filter: $filter) { toProcess mine allPending processed }
}`;
const BULK = `mutation B($pieces: [BulkPieceInput!]!, $agentId: ID) {
  bulkAssignJustificatifs(pieces: $pieces, agentId: $agentId) {
    __typename
    ... on BulkReassigned { id changed message justificatif { assignedTo { id } } }
    ... on BulkAlreadyDecided { id message justificatif { status } }
    ... on BulkNotInCaisse { id message }
    ... on BulkStale { id message }
  }
}`;
const DECIDE = `mutation D($id: ID!, $v: Int!) {
  decideJustificatif(input: { id: $id, expectedVersion: $v, verdict: REJECTED, reasons: [ILLEGIBLE] }) { __typename }
}`;

describe('the queue, saved views and bulk reassignment', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;
  let nurse: Professional;
  let parisian: Professional;
  let sick: Agent;
  let colleague: Agent;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    nurse = await createProfessional(em, { profession: 'INFIRMIER', caisseCode: '211' });
    parisian = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '751' });
    for (const p of [dentist, nurse, parisian])
      await declare(em, p, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
    sick = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    colleague = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    const superviseur = await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' });
    tokens.sick = await t.login(sick.email);
    tokens.colleague = await t.login(colleague.email);
    tokens.superviseur = await t.login(superviseur.email);
  });
  afterAll(async () => t?.stop());

  /** A piece received `days` ago, held by `holder` when given. */
  async function piece(who: Professional, days: number, holder?: Agent) {
    const j = await receivedJustificatif(t.db.manager, who, campaign, 'LOG_DMP');
    await t.db.manager.update(
      Justificatif,
      { id: j.id },
      {
        receivedAt: new Date(Date.now() - days * DAY - 3_600_000),
        assignedAgentId: holder?.id ?? null,
        assignedAt: holder ? new Date() : null,
      },
    );
    return String(j.id);
  }

  async function clear() {
    await t.db.manager.clear(JustificatifHistory);
    await t.db.manager.createQueryBuilder().delete().from(Justificatif).execute();
  }

  describe('filters, counts and pages', () => {
    let ids: string[];
    beforeAll(async () => {
      await clear();
      // Seven pieces of 211 aged 1..40 days (three held), one of 751.
      ids = [];
      for (const [who, days, holder] of [
        [dentist, 40],
        [dentist, 31],
        [nurse, 20, sick],
        [dentist, 15],
        [nurse, 8, sick],
        [dentist, 7, colleague],
        [dentist, 1],
      ] as const)
        ids.push(await piece(who, days, holder));
      await piece(parisian, 50);
    });

    it('counts per tab agree with the list’s total for the same filter', async () => {
      for (const [token, filter] of [
        [tokens.superviseur, { profession: 'CHIRURGIEN_DENTISTE' }],
        [tokens.sick, { minAgeDays: 8, maxAgeDays: 30 }],
        [tokens.sick, {}],
        [tokens.superviseur, { held: true }],
      ] as const) {
        const counts = (await t.gql<Loose>(COUNTS, { filter }, token)).data!.justificatifQueueCounts;
        for (const [view, key] of [
          ['TO_PROCESS', 'toProcess'],
          ['MINE', 'mine'],
          ['ALL_PENDING', 'allPending'],
          ['PROCESSED', 'processed'],
        ] as const) {
          const list = await t.gql<Loose>(QUEUE, { filter: { ...filter, view }, first: 100 }, token);
          expect(list.errors).toBeUndefined();
          expect([view, list.data!.justificatifQueue.totalCount]).toEqual([view, counts[key]]);
        }
      }
      const sickCounts = (await t.gql<Loose>(COUNTS, {}, tokens.sick)).data!.justificatifQueueCounts;
      expect(sickCounts).toEqual({ toProcess: 4, mine: 2, allPending: 7, processed: 0 });
    });

    it('filters by age as the dashboard’s buckets cut, by holder and by held', async () => {
      const list = async (filter: Loose) =>
        (
          await t.gql<Loose>(QUEUE, { filter: { view: 'ALL_PENDING', ...filter }, first: 100 }, tokens.superviseur)
        ).data!.justificatifQueue.nodes.map((n: Loose) => n.ageDays);
      expect(await list({ minAgeDays: 8, maxAgeDays: 15 })).toEqual([15, 8]);
      expect(await list({ minAgeDays: 31 })).toEqual([40, 31]);
      expect(await list({ maxAgeDays: 7 })).toEqual([7, 1]);
      expect(await list({ holderId: String(sick.id) })).toEqual([20, 8]);
      expect(await list({ held: false })).toEqual([40, 31, 15, 1]);
      expect(await list({ oldestFirst: false, held: true })).toEqual([7, 8, 20]);
      const bad = await t.gql(QUEUE, { filter: { minAgeDays: 10, maxAgeDays: 5 } }, tokens.sick);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('pages forwards and backwards over the same keyset, to the last page and back', async () => {
      const page = async (args: Loose) =>
        (await t.gql<Loose>(QUEUE, { filter: { view: 'ALL_PENDING' }, ...args }, tokens.superviseur)).data!
          .justificatifQueue;
      const p1 = await page({ first: 3 });
      const p2 = await page({ first: 3, after: p1.pageInfo.endCursor });
      const p3 = await page({ first: 3, after: p2.pageInfo.endCursor });
      expect([p1, p2, p3].map((p) => p.nodes.map((n: Loose) => n.id))).toEqual([
        ids.slice(0, 3),
        ids.slice(3, 6),
        ids.slice(6),
      ]);
      expect([p1.hasPreviousPage, p2.hasPreviousPage, p3.hasPreviousPage]).toEqual([false, true, true]);
      expect([p1, p2, p3].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
      const back = await page({ last: 3, before: p3.startCursor });
      expect(back.nodes.map((n: Loose) => n.id)).toEqual(ids.slice(3, 6));
      expect([back.hasPreviousPage, back.pageInfo.hasNextPage]).toEqual([true, true]);
      const first = await page({ last: 3, before: back.startCursor });
      expect(first.nodes.map((n: Loose) => n.id)).toEqual(ids.slice(0, 3));
      expect(first.hasPreviousPage).toBe(false);
      const lastPage = await page({ last: 7 % 3 });
      expect(lastPage.nodes.map((n: Loose) => n.id)).toEqual(ids.slice(6));
      expect([lastPage.hasPreviousPage, lastPage.pageInfo.hasNextPage]).toEqual([true, false]);
      // Newest first reverses the same keyset.
      const newest = await page({ first: 2, filter: { view: 'ALL_PENDING', oldestFirst: false } });
      expect(newest.nodes.map((n: Loose) => n.id)).toEqual([ids[6], ids[5]]);
    });

    it('keeps saved views per agent: create, replace by name, list, delete; another agent sees none', async () => {
      const SAVE = `mutation S($input: SaveQueueViewInput!) { saveQueueView(input: $input) { id name filter { view profession minAgeDays held } } }`;
      const LIST = `query { savedQueueViews { id name filter { view profession minAgeDays } } }`;
      const saved = await t.gql<Loose>(
        SAVE,
        { input: { name: '  Dentistes  anciens ', filter: { view: 'TO_PROCESS', profession: 'CHIRURGIEN_DENTISTE' } } },
        tokens.sick,
      );
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.saveQueueView).toMatchObject({
        name: 'Dentistes anciens',
        filter: { view: 'TO_PROCESS', profession: 'CHIRURGIEN_DENTISTE', minAgeDays: null, held: null },
      });
      const replaced = await t.gql<Loose>(
        SAVE,
        { input: { name: 'Dentistes anciens', filter: { view: 'TO_PROCESS', minAgeDays: 30 } } },
        tokens.sick,
      );
      expect(replaced.data!.saveQueueView.id).toBe(saved.data!.saveQueueView.id);
      expect((await t.gql<Loose>(LIST, {}, tokens.sick)).data!.savedQueueViews).toEqual([
        {
          id: saved.data!.saveQueueView.id,
          name: 'Dentistes anciens',
          filter: { view: 'TO_PROCESS', profession: null, minAgeDays: 30 },
        },
      ]);
      expect((await t.gql<Loose>(LIST, {}, tokens.colleague)).data!.savedQueueViews).toEqual([]);
      const bad = await t.gql(SAVE, { input: { name: 'x', filter: { minAgeDays: -1 } } }, tokens.sick);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minAgeDays' });
      const DELETE = `mutation D($id: ID!) { deleteQueueView(id: $id) }`;
      const id = saved.data!.saveQueueView.id;
      expect((await t.gql(DELETE, { id }, tokens.colleague)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql<Loose>(DELETE, { id }, tokens.sick)).data!.deleteQueueView).toBe(true);
      expect((await t.gql<Loose>(LIST, {}, tokens.sick)).data!.savedQueueViews).toEqual([]);
    });
  });

  describe('bulk reassignment', () => {
    const seen = async (id: string) => {
      const j = await t.db.manager.getRepository(Justificatif).findOneByOrFail({ id: Number(id) });
      return { id, seenVersion: j.version, seenHolderId: j.assignedAgentId ? String(j.assignedAgentId) : null };
    };

    beforeEach(clear);

    it('reassigns what the sick conseiller holds, piece by piece, through the transition path', async () => {
      const held = [await piece(dentist, 20, sick), await piece(dentist, 12, sick), await piece(nurse, 9, sick)];
      const decided = await piece(dentist, 30, sick);
      const movedMeanwhile = await piece(dentist, 25, sick);
      const away = await piece(parisian, 10);
      const selection = await Promise.all([...held, decided, movedMeanwhile, away].map(seen));
      // After the superviseur read the list: the sick conseiller decided one piece, a colleague took another.
      expect((await t.gql<Loose>(DECIDE, { id: decided, v: 1 }, tokens.sick)).data!.decideJustificatif.__typename).toBe(
        'Decided',
      );
      await t.db.manager.update(Justificatif, { id: Number(movedMeanwhile) }, { assignedAgentId: null });
      const auditBefore = await t.db.manager.count(AuditEvent);

      const result = await t.gql<Loose>(BULK, { pieces: selection, agentId: String(colleague.id) }, tokens.superviseur);
      expect(result.errors).toBeUndefined();
      expect(result.data!.bulkAssignJustificatifs.map((o: Loose) => [o.id, o.__typename])).toEqual([
        [held[0], 'BulkReassigned'],
        [held[1], 'BulkReassigned'],
        [held[2], 'BulkReassigned'],
        [decided, 'BulkAlreadyDecided'],
        [movedMeanwhile, 'BulkStale'],
        [away, 'BulkNotInCaisse'],
      ]);
      const rows = await t.db.manager.getRepository(Justificatif).find({ order: { id: 'ASC' } });
      const holder = (id: string) => rows.find((r) => r.id === Number(id))!.assignedAgentId;
      expect(held.map(holder)).toEqual([colleague.id, colleague.id, colleague.id]);
      expect([holder(movedMeanwhile), holder(away)]).toEqual([null, null]);
      const history = await t.db.manager.getRepository(JustificatifHistory).find({ where: { action: 'ASSIGNED' } });
      expect(history.map((h) => String(h.justificatifId)).sort()).toEqual([...held].sort());
      expect((await t.db.manager.count(AuditEvent)) - auditBefore).toBe(3);

      // Replayed (the answer was lost): nothing changes twice.
      const again = await t.gql<Loose>(
        BULK,
        { pieces: await Promise.all(held.map(seen)), agentId: String(colleague.id) },
        tokens.superviseur,
      );
      expect(again.data!.bulkAssignJustificatifs.map((o: Loose) => [o.__typename, o.changed])).toEqual([
        ['BulkReassigned', false],
        ['BulkReassigned', false],
        ['BulkReassigned', false],
      ]);
      expect(await t.db.manager.getRepository(JustificatifHistory).countBy({ action: 'ASSIGNED' })).toBe(3);

      // Released: free again, in the « À traiter » tab.
      const released = await t.gql<Loose>(
        BULK,
        { pieces: await Promise.all(held.map(seen)), agentId: null },
        tokens.superviseur,
      );
      expect(released.data!.bulkAssignJustificatifs.map((o: Loose) => o.justificatif.assignedTo)).toEqual([
        null,
        null,
        null,
      ]);
    });

    it('refuses a bad selection as a whole, before any change', async () => {
      const a = await piece(dentist, 5, sick);
      const one = await seen(a);
      for (const [variables, field] of [
        [{ pieces: [], agentId: null }, 'pieces'],
        [{ pieces: [one, one], agentId: null }, 'pieces'],
        [{ pieces: [{ ...one, seenVersion: 0 }], agentId: null }, 'seenVersion'],
      ] as const) {
        const r = await t.gql(BULK, variables, tokens.superviseur);
        expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const notConseiller = await t.gql(BULK, { pieces: [one], agentId: '999999' }, tokens.superviseur);
      expect(notConseiller.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const byConseiller = await t.gql(BULK, { pieces: [one], agentId: null }, tokens.colleague);
      expect(byConseiller.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.db.manager.findOneByOrFail(Justificatif, { id: Number(a) })).assignedAgentId).toBe(sick.id);
    });

    it('a decision racing the reassignment: exactly one wins, and the outcomes say which', async () => {
      for (let round = 0; round < 4; round++) {
        await clear();
        const a = await piece(dentist, 5, sick);
        const b = await piece(dentist, 6, sick);
        const selection = await Promise.all([a, b].map(seen));
        const [bulk, decision] = await Promise.all([
          t.gql<Loose>(BULK, { pieces: selection, agentId: String(colleague.id) }, tokens.superviseur),
          t.gql<Loose>(DECIDE, { id: a, v: 1 }, tokens.sick),
        ]);
        expect(bulk.errors).toBeUndefined();
        expect(decision.errors).toBeUndefined();
        const [onA, onB] = bulk.data!.bulkAssignJustificatifs as [Loose, Loose];
        expect(onB.__typename).toBe('BulkReassigned');
        const row = await t.db.manager.findOneByOrFail(Justificatif, { id: Number(a) });
        if (decision.data!.decideJustificatif.__typename === 'Decided') {
          expect(onA.__typename).toBe('BulkAlreadyDecided');
          expect(row.status).toBe('REJECTED');
          expect(row.assignedAgentId).toBe(sick.id);
        } else {
          expect(decision.data!.decideJustificatif.__typename).toBe('HeldByColleague');
          expect(onA.__typename).toBe('BulkReassigned');
          expect([row.status, row.assignedAgentId]).toEqual(['RECEIVED', colleague.id]);
        }
        const transitions = await t.db.manager
          .getRepository(JustificatifHistory)
          .countBy({ justificatifId: Number(a), action: 'ASSIGNED' });
        expect(transitions).toBe(onA.__typename === 'BulkReassigned' ? 1 : 0);
      }
    });
  });

  describe('the superviseur’s workload', () => {
    it('counts held pieces and their age per conseiller, decisions per Paris day, the backlog per week', async () => {
      await clear();
      await piece(dentist, 20, sick);
      await piece(dentist, 3, sick);
      await piece(nurse, 70);
      const decidedToday = await piece(dentist, 2, colleague);
      expect(
        (await t.gql<Loose>(DECIDE, { id: decidedToday, v: 1 }, tokens.colleague)).data!.decideJustificatif.__typename,
      ).toBe('Decided');
      const Q = `query { supervisionWorkload { pending held oldestPendingAgeDays backlogTrend { weekStart backlog }
        conseillers { agent { id } held oldestHeldAgeDays decidedTotal decidedPerDay { day count } } } }`;
      const result = await t.gql<Loose>(Q, {}, tokens.superviseur);
      expect(result.errors).toBeUndefined();
      const w = result.data!.supervisionWorkload;
      expect([w.pending, w.held, w.oldestPendingAgeDays]).toEqual([3, 2, 70]);
      const of = (agent: Agent) => w.conseillers.find((c: Loose) => c.agent.id === String(agent.id));
      expect(of(sick)).toMatchObject({ held: 2, oldestHeldAgeDays: 20, decidedTotal: 0 });
      expect(of(colleague)).toMatchObject({ held: 0, oldestHeldAgeDays: null, decidedTotal: 1 });
      const days = of(colleague).decidedPerDay as Loose[];
      expect(days).toHaveLength(14);
      expect(days.at(-1)).toEqual({
        day: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date()),
        count: 1,
      });
      expect(w.backlogTrend).toHaveLength(12);
      // Now: three pending. Two weeks ago: the pieces received 20 and 70 days ago.
      expect(w.backlogTrend.at(-1).backlog).toBe(3);
      expect(w.backlogTrend.at(-3).backlog).toBe(2);
      expect(new Date(`${w.backlogTrend.at(-1).weekStart}T12:00:00Z`).getUTCDay()).toBe(1);
    });
  });
});
