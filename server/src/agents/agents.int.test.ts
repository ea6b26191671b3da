import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { Agent, AgentSession } from './agent.entity';

const CREATE = `mutation Create($input: CreateAgentInput!) {
  createAgent(input: $input) { generatedPassword agent { id email displayName role caisseCode nationalScope active } }
}`;
const DISABLE = 'mutation ($id: ID!) { disableAgent(id: $id) { id active } }';
const ENABLE = 'mutation ($id: ID!) { enableAgent(id: $id) { id active } }';
const CHANGE = `mutation ($id: ID!, $role: AgentRole!, $caisseCode: String!, $nationalScope: Boolean!) {
  changeAgentRole(id: $id, role: $role, caisseCode: $caisseCode, nationalScope: $nationalScope) { id role caisseCode nationalScope }
}`;
const LIST = `query ($first: Int, $after: String) {
  agents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id email caisseCode } }
}`;

const input = (over: Record<string, unknown> = {}) => ({
  email: `nouvel.agent${Math.random().toString(36).slice(2, 8)}@assurance-maladie.fr`,
  displayName: 'Nouvel Agent',
  role: 'CONSEILLER',
  caisseCode: '211',
  password: 'un-mot-de-passe-solide',
  ...over,
});

describe('agent administration', () => {
  let t: TestApp;
  let admin: string; // national ADMIN
  let localAdmin: string; // ADMIN of caisse 211
  let adminId: number;
  const tokens: Partial<Record<'CONSEILLER' | 'DAM' | 'SUPERVISEUR', string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const national = await t.createAgent({ role: 'ADMIN', caisseCode: '751', nationalScope: true });
    adminId = national.id;
    admin = await t.login(national.email);
    localAdmin = await t.login((await t.createAgent({ role: 'ADMIN', caisseCode: '211' })).email);
    for (const role of ['CONSEILLER', 'DAM', 'SUPERVISEUR'] as const) {
      tokens[role] = await t.login((await t.createAgent({ role, caisseCode: '211' })).email);
    }
  });
  afterAll(async () => t.stop());

  const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

  it('creates an agent who can then log in, and records it', async () => {
    const reply = await t.gql<{ createAgent: { generatedPassword: string | null; agent: Record<string, unknown> } }>(
      CREATE,
      { input: input({ email: '  Claire.Martin@Assurance-Maladie.fr ', role: 'SUPERVISEUR' }) },
      admin,
    );
    expect(reply.errors).toBeUndefined();
    const created = reply.data!.createAgent;
    expect(created.generatedPassword).toBeNull();
    expect(created.agent).toMatchObject({
      email: 'claire.martin@assurance-maladie.fr',
      role: 'SUPERVISEUR',
      caisseCode: '211',
      nationalScope: false,
      active: true,
    });
    const stored = await t.db.getRepository(Agent).findOneByOrFail({ email: 'claire.martin@assurance-maladie.fr' });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(t.login('claire.martin@assurance-maladie.fr', 'un-mot-de-passe-solide')).resolves.toBeTruthy();

    const event = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'AGENT_CREATED', targetId: String(stored.id) });
    expect(event).toMatchObject({ agentId: adminId, targetType: 'AGENT', caisseCode: '211' });
    expect(event.details).toEqual({ email: stored.email, role: 'SUPERVISEUR', nationalScope: false, via: 'api' });
  });

  it('generates a password when none is given, shown once', async () => {
    const { password: _omitted, ...withoutPassword } = input();
    const reply = await t.gql<{ createAgent: { generatedPassword: string; agent: { email: string } } }>(
      CREATE,
      { input: withoutPassword },
      admin,
    );
    const { generatedPassword, agent } = reply.data!.createAgent;
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(t.login(agent.email, generatedPassword)).resolves.toBeTruthy();
  });

  it('answers FORBIDDEN to every other role, and UNAUTHENTICATED without a session', async () => {
    const someone = await t.createAgent({ role: 'CONSEILLER' });
    for (const token of Object.values(tokens)) {
      for (const [query, variables] of [
        [CREATE, { input: input() }],
        [DISABLE, { id: String(someone.id) }],
        [ENABLE, { id: String(someone.id) }],
        [CHANGE, { id: String(someone.id), role: 'ADMIN', caisseCode: '211', nationalScope: true }],
        [LIST, {}],
      ] as const) {
        const reply = await t.gql(query, variables, token);
        expect(reply.errors).toEqual([
          expect.objectContaining({
            message: "Vous n'êtes pas habilité à effectuer cette action.",
            extensions: { code: 'FORBIDDEN' },
          }),
        ]);
      }
    }
    expect(codeOf(await t.gql(LIST, {}, null))).toBe('UNAUTHENTICATED');
    expect((await t.db.getRepository(Agent).findOneByOrFail({ id: someone.id })).role).toBe('CONSEILLER');
  });

  it.each([
    ['email', { email: 'pas-une-adresse' }],
    ['password', { password: 'trop-court' }],
    ['caisseCode', { caisseCode: '21' }],
    ['caisseCode', { caisseCode: '2C1' }],
    ['displayName', { displayName: '   ' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, over) => {
    const reply = await t.gql(CREATE, { input: input(over) }, admin);
    expect(reply.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field }, message: expect.any(String) }),
    ]);
  });

  it('refuses an unknown role before anything runs', async () => {
    const reply = await t.gql(CREATE, { input: input({ role: 'ROOT' }) }, admin);
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(reply.errors)).not.toMatch(/stacktrace/);
  });

  it('refuses a second agent with the same e-mail', async () => {
    const first = input();
    await t.gql(CREATE, { input: first }, admin);
    const reply = await t.gql(CREATE, { input: { ...first, email: first.email.toUpperCase() } }, admin);
    expect(reply.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'email' });
  });

  it('disables an agent: open sessions stop at once and are revoked; enabling lets them log in again', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    const token = await t.login(agent.email);
    const disabled = await t.gql(DISABLE, { id: String(agent.id) }, localAdmin);
    expect(disabled.data).toEqual({ disableAgent: { id: String(agent.id), active: false } });
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    const session = await t.db.getRepository(AgentSession).findOneByOrFail({ agentId: agent.id });
    expect(session.revokedAt).not.toBeNull();
    await expect(t.login(agent.email)).rejects.toThrow(/Identifiant ou mot de passe incorrect/);

    expect((await t.gql(ENABLE, { id: String(agent.id) }, localAdmin)).data).toEqual({
      enableAgent: { id: String(agent.id), active: true },
    });
    await expect(t.login(agent.email)).resolves.toBeTruthy();

    const actions = await t.db
      .getRepository(AuditEvent)
      .find({ where: { targetType: 'AGENT', targetId: String(agent.id) }, order: { id: 'ASC' } });
    expect(actions.map((e) => e.action)).toEqual(['LOGIN', 'AGENT_DISABLED', 'LOGIN_FAILED', 'AGENT_ENABLED', 'LOGIN']);
  });

  it('changes role, caisse and national scope, and records before and after', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    const reply = await t.gql(
      CHANGE,
      { id: String(agent.id), role: 'SUPERVISEUR', caisseCode: '2A1', nationalScope: true },
      admin,
    );
    expect(reply.data).toEqual({
      changeAgentRole: { id: String(agent.id), role: 'SUPERVISEUR', caisseCode: '2A1', nationalScope: true },
    });
    const event = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'AGENT_ROLE_CHANGED', targetId: String(agent.id) });
    expect(event.details).toMatchObject({
      fromRole: 'CONSEILLER',
      toRole: 'SUPERVISEUR',
      fromCaisseCode: '211',
      toCaisseCode: '2A1',
    });

    const bad = await t.gql(
      CHANGE,
      { id: String(agent.id), role: 'DAM', caisseCode: '99', nationalScope: false },
      admin,
    );
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'caisseCode' });
    const badId = await t.gql(CHANGE, { id: 'abc', role: 'DAM', caisseCode: '211', nationalScope: false }, admin);
    expect(badId.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(codeOf(await t.gql(DISABLE, { id: '999999' }, admin))).toBe('NOT_FOUND');
  });

  it('keeps a caisse ADMIN inside their caisse', async () => {
    const elsewhere = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' });
    const mine = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    // Another caisse's agent does not exist for them.
    expect(codeOf(await t.gql(DISABLE, { id: String(elsewhere.id) }, localAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(CREATE, { input: input({ caisseCode: '751' }) }, localAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE, { input: input({ nationalScope: true }) }, localAdmin))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(CHANGE, { id: String(mine.id), role: 'DAM', caisseCode: '751', nationalScope: false }, localAdmin),
      ),
    ).toBe('FORBIDDEN');

    const list = await t.gql<{ agents: { nodes: { caisseCode: string }[] } }>(LIST, { first: 100 }, localAdmin);
    expect(list.data!.agents.nodes.length).toBeGreaterThan(0);
    expect(new Set(list.data!.agents.nodes.map((a) => a.caisseCode))).toEqual(new Set(['211']));
  });

  it('refuses to disable or demote oneself', async () => {
    expect((await t.gql(DISABLE, { id: String(adminId) }, admin)).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const demote = await t.gql(
      CHANGE,
      { id: String(adminId), role: 'DAM', caisseCode: '751', nationalScope: false },
      admin,
    );
    expect(codeOf(demote)).toBe('BAD_USER_INPUT');
  });

  it('pages through agents by id with a cursor', async () => {
    const all: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const reply: Awaited<
        ReturnType<
          typeof t.gql<{
            agents: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean; endCursor: string };
              nodes: { id: string }[];
            };
          }>
        >
      > = await t.gql(LIST, { first: 3, after }, admin);
      const page = reply.data!.agents;
      total = page.totalCount;
      all.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all.length).toBe(total);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => a - b));
    expect(codeOf(await t.gql(LIST, { first: 101 }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(LIST, { after: 'pas-un-curseur' }, admin))).toBe('BAD_USER_INPUT');
  });
});
