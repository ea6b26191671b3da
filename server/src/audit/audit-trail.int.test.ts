import { startTestApp, type TestApp } from '../test-support/test-app';
import { recordAudit } from './audit.service';

const TRAIL = `query ($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id at action agentId agent { id displayName } targetType targetId caisseCode professionalId details }
  }
}`;

interface Trail {
  auditTrail: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      action: string;
      agentId: string | null;
      agent: { id: string; displayName: string } | null;
      caisseCode: string | null;
      professionalId: string | null;
      details: Record<string, unknown> | null;
    }[];
  };
}

describe('auditTrail', () => {
  let t: TestApp;
  let supervisor211: string;
  let nationalAdmin: string;
  let conseillerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const conseiller = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    conseillerId = conseiller.id;
    supervisor211 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
    nationalAdmin = await t.login(
      (await t.createAgent({ role: 'ADMIN', caisseCode: '751', nationalScope: true })).email,
    );
    await t.db.transaction(async (em) => {
      // What the other domains write: a decision on a professional's justificatif, in two caisses.
      await recordAudit(em, {
        agentId: conseiller.id,
        action: 'JUSTIFICATIF_VALIDATED',
        targetType: 'JUSTIFICATIF',
        targetId: 41,
        caisseCode: '211',
        professionalId: 7,
        details: { indicator: 'LOGICIEL_METIER' },
      });
      await recordAudit(em, {
        agentId: conseiller.id,
        action: 'PROFESSIONAL_VIEWED',
        targetType: 'PROFESSIONAL',
        targetId: 7,
        caisseCode: '211',
      });
      await recordAudit(em, {
        agentId: null,
        action: 'JUSTIFICATIF_REJECTED',
        targetType: 'JUSTIFICATIF',
        targetId: 42,
        caisseCode: '751',
        professionalId: 8,
      });
    });
  });
  afterAll(async () => t.stop());

  it('is refused to conseillers and DAM, and to anonymous callers', async () => {
    for (const role of ['CONSEILLER', 'DAM'] as const) {
      const token = await t.login((await t.createAgent({ role })).email);
      expect((await t.gql(TRAIL, {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(TRAIL, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a supervisor their caisse only, newest first, with the acting agent', async () => {
    const reply = await t.gql<Trail>(TRAIL, { first: 100 }, supervisor211);
    expect(reply.errors).toBeUndefined();
    const nodes = reply.data!.auditTrail.nodes;
    expect(new Set(nodes.map((n) => n.caisseCode))).toEqual(new Set(['211']));
    expect(nodes.map((n) => Number(n.id))).toEqual([...nodes.map((n) => Number(n.id))].sort((a, b) => b - a));
    const validated = nodes.find((n) => n.action === 'JUSTIFICATIF_VALIDATED');
    expect(validated).toMatchObject({
      agentId: String(conseillerId),
      agent: { id: String(conseillerId), displayName: 'Agent CONSEILLER 211' },
      professionalId: '7',
      details: { indicator: 'LOGICIEL_METIER' },
    });
    expect(nodes.some((n) => n.action === 'JUSTIFICATIF_REJECTED')).toBe(false);
  });

  it('filters by professional (whatever the target) and by agent', async () => {
    const byProfessional = await t.gql<Trail>(TRAIL, { filter: { professionalId: '7' } }, nationalAdmin);
    expect(byProfessional.data!.auditTrail.nodes.map((n) => n.action)).toEqual([
      'PROFESSIONAL_VIEWED',
      'JUSTIFICATIF_VALIDATED',
    ]);
    // Another caisse's professional reads as an empty trail, not as an error.
    const outOfScope = await t.gql<Trail>(TRAIL, { filter: { professionalId: '8' } }, supervisor211);
    expect(outOfScope.data!.auditTrail).toMatchObject({ totalCount: 0, nodes: [] });

    const byAgent = await t.gql<Trail>(TRAIL, { filter: { agentId: String(conseillerId) } }, nationalAdmin);
    expect(new Set(byAgent.data!.auditTrail.nodes.map((n) => n.agentId))).toEqual(new Set([String(conseillerId)]));
    expect((await t.gql(TRAIL, { filter: { agentId: 'x' } }, nationalAdmin)).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it('shows national readers every caisse, and pages with a cursor without loading agents one by one', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const reply: Awaited<ReturnType<typeof t.gql<Trail>>> = await t.gql<Trail>(
        TRAIL,
        { first: 2, after },
        nationalAdmin,
      );
      // session + agent, page + count, one batch for the agents: never one query per row.
      expect(reply.sqlStatements).toBeLessThanOrEqual(6);
      const page = reply.data!.auditTrail;
      total = page.totalCount;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen.length).toBe(total);
    const all = await t.gql<Trail>(TRAIL, { first: 100 }, nationalAdmin);
    expect(new Set(all.data!.auditTrail.nodes.map((n) => n.caisseCode))).toEqual(new Set(['211', '751']));
  });
});
