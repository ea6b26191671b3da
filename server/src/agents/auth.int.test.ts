import { AgentSession, LoginAttempt } from './agent.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt agent { id email role caisseCode active } }
}`;
const ME = '{ me { id email displayName role caisseCode nationalScope active permissions } }';

interface Reply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe('login, sessions and logout', () => {
  let t: TestApp;
  let ipCounter = 0;
  /** Each test logs in from its own addresses (the app trusts X-Forwarded-For here), so counters do not mix. */
  const nextIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => t.stop());

  async function post(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Reply['body'] };
  }

  const login = (email: string, password: string, ip = nextIp(), headers: Record<string, string> = {}) =>
    post(LOGIN, { email, password }, { 'x-forwarded-for': ip, ...headers });

  /** Failures recorded a minute ago, as if typed through the API (which the first throttling test does for real). */
  const seedFailures = (emails: string[], ip: string) =>
    t.db
      .getRepository(LoginAttempt)
      .insert(emails.map((email) => ({ email, ip, at: new Date(Date.now() - 60_000), success: false })));

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const errorOf = (reply: Reply) => reply.body.errors?.[0];

  function expectNoStackTrace(reply: Reply) {
    const text = JSON.stringify(reply.body);
    expect(text).not.toMatch(/stacktrace|\.ts:\d+|at [A-Za-z.]+ \(/);
  }

  it('logs in, answers the agent and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    const reply = await login(agent.email.toUpperCase(), TEST_PASSWORD);
    const result = reply.body.data?.login as { token: string; expiresAt: string; agent: Record<string, unknown> };
    expect(result.agent).toEqual({
      id: String(agent.id),
      email: agent.email,
      role: 'CONSEILLER',
      caisseCode: '211',
      active: true,
    });
    const hours = (Date.parse(result.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^mcbo_session=${result.token};`));
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/; Secure/); // plain HTTP, COOKIE_SECURE unset

    // The cookie alone authenticates (the console never sees the token).
    const me = await post(ME, {}, { cookie: `mcbo_session=${result.token}` });
    expect(me.body.data?.me).toMatchObject({ id: String(agent.id), role: 'CONSEILLER', nationalScope: false });
    expect((me.body.data?.me as { permissions: string[] }).permissions).toContain('DECIDE_JUSTIFICATIFS');
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const agent = await t.createAgent({ role: 'DAM' });
    const reply = await login(agent.email, TEST_PASSWORD, nextIp(), { 'x-forwarded-proto': 'https' });
    expect(reply.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('gives one answer for an unknown e-mail, a wrong password and a disabled account', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const disabled = await t.createAgent({ role: 'CONSEILLER' });
    await t.db.getRepository('Agent').update({ id: disabled.id }, { active: false });

    const replies = [
      await login('personne@cpam-test.fr', TEST_PASSWORD),
      await login(agent.email, 'pas-le-bon-mot-de-passe'),
      await login(disabled.email, TEST_PASSWORD),
    ];
    for (const reply of replies) {
      expect(reply.body.data).toBeNull();
      expect(reply.body.errors).toEqual([
        {
          message: 'Identifiant ou mot de passe incorrect. Encore 9 essais avant un blocage temporaire.',
          path: ['login'],
          extensions: { code: 'UNAUTHENTICATED', remainingAttempts: 9 },
        },
      ]);
      expect(reply.headers.get('set-cookie')).toBeNull();
      expectNoStackTrace(reply);
    }

    const failures = await t.db
      .getRepository(AuditEvent)
      .find({ where: { action: 'LOGIN_FAILED' }, order: { id: 'ASC' } });
    expect(failures.slice(-3).map((e) => e.details?.reason)).toEqual(['UNKNOWN_EMAIL', 'BAD_PASSWORD', 'DISABLED']);
    expect(failures.at(-1)).toMatchObject({ targetType: 'AGENT', targetId: String(disabled.id), caisseCode: '211' });
    expect(JSON.stringify(failures.at(-3)?.details)).not.toContain('personne@'); // the typed identifier is not kept
  });

  it('answers UNAUTHENTICATED to me without a session', async () => {
    const reply = await post(ME);
    expect(errorOf(reply)).toEqual({
      message: 'Session absente ou expirée : veuillez vous reconnecter.',
      path: ['me'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const garbage = await post(ME, {}, bearer('not-a-token-at-all-but-long-enough'));
    expect(errorOf(garbage)?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles an account after 20 failures in 15 minutes from any addresses, and tells how long to wait', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    // Ten failures recorded 1 minute ago from ten addresses, then ten more through the API.
    for (let i = 0; i < 10; i += 1) await seedFailures([agent.email], nextIp());
    for (let i = 0; i < 10; i += 1) {
      const reply = await login(agent.email, `mauvais-mot-de-passe-${i}`);
      expect(errorOf(reply)?.extensions).toEqual({ code: 'UNAUTHENTICATED', remainingAttempts: 9 - i });
    }
    // Even the right password, even from a fresh address.
    const refused = await login(agent.email, TEST_PASSWORD);
    const error = errorOf(refused);
    expect(error?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const wait = error?.extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(13 * 60); // the oldest counted failure: 1 minute ago
    expect(wait).toBeLessThanOrEqual(14 * 60);
    expect(error?.message).toBe('Trop de tentatives de connexion infructueuses. Réessayez dans 14 minutes.');
    expect(refused.headers.get('retry-after')).toBe(String(wait));
    expectNoStackTrace(refused);

    // Refused attempts are not counted; once the failures are 15 minutes old, the door opens again.
    expect(await t.db.getRepository(LoginAttempt).countBy({ email: agent.email, success: false })).toBe(20);
    await t.db.getRepository(LoginAttempt).update({ email: agent.email }, { at: new Date(Date.now() - 16 * 60_000) });
    expect((await login(agent.email, TEST_PASSWORD)).body.data?.login).toBeTruthy();
  });

  it('reports the wait until the oldest counted failure leaves the window', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const ip = nextIp();
    const now = Date.now();
    // Ten failures recorded 5 to 14 minutes ago: the oldest leaves the window in about a minute.
    await t.db.getRepository(LoginAttempt).insert(
      Array.from({ length: 10 }, (_, i) => ({
        email: agent.email,
        ip,
        at: new Date(now - (5 + i) * 60_000),
        success: false,
      })),
    );
    const error = errorOf(await login(agent.email, TEST_PASSWORD, ip));
    expect(error?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(55);
    expect(error?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(61);
    expect(error?.message).toMatch(/Réessayez dans (1|2) minutes?\.$/);
  });

  it('throttles an address after 100 failures on any accounts (spraying), and lets other addresses in', async () => {
    const ip = nextIp();
    const victim = await t.createAgent({ role: 'SUPERVISEUR' });
    await seedFailures(
      Array.from({ length: 99 }, (_, i) => `inconnu${i}@cpam-test.fr`),
      ip,
    );
    expect(errorOf(await login('inconnu99@cpam-test.fr', 'n-importe-quoi-123', ip))?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      remainingAttempts: 0,
    });
    const refused = await login(victim.email, TEST_PASSWORD, ip);
    expect(errorOf(refused)?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(errorOf(refused)?.extensions?.retryAfterSeconds).toBeGreaterThan(13 * 60); // oldest failure: 1 min ago
    expect((await login(victim.email, TEST_PASSWORD, nextIp())).body.data?.login).toBeTruthy();
  });

  it('does not reset the IP counter for other accounts when one account logs in', async () => {
    const ip = nextIp();
    const insider = await t.createAgent({ role: 'CONSEILLER' });
    const target = await t.createAgent({ role: 'ADMIN' });
    await seedFailures([target.email, ...Array.from({ length: 98 }, (_, i) => `pulverise${i}@cpam-test.fr`)], ip);
    // A valid login on the insider's own account from the same IP…
    expect((await login(insider.email, TEST_PASSWORD, ip)).body.data?.login).toBeTruthy();
    // …does not buy more guesses on other accounts: the 100th failure closes the address.
    expect(errorOf(await login(target.email, 'essai-99-mauvais', ip))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await login(`autre@cpam-test.fr`, 'essai-10-mauvais', ip))?.extensions?.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
  });

  it('forgets an account’s own failures after it logs in successfully', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const ip = nextIp();
    await seedFailures(Array(9).fill(agent.email), ip);
    expect((await login(agent.email, TEST_PASSWORD, ip)).body.data?.login).toBeTruthy();
    for (let i = 0; i < 3; i += 1) {
      expect(errorOf(await login(agent.email, `encore-une-faute-${i}`, ip))?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(agent.email, TEST_PASSWORD, ip)).body.data?.login).toBeTruthy();
  });

  it('sweeps attempts older than a day for the account and the IP it sees', async () => {
    const agent = await t.createAgent({ role: 'DAM' });
    const ip = nextIp();
    const attempts = t.db.getRepository(LoginAttempt);
    const old = new Date(Date.now() - 25 * 3_600_000);
    await attempts.insert([
      { email: agent.email, ip: '203.0.113.1', at: old, success: false },
      { email: 'autre@cpam-test.fr', ip, at: old, success: false },
    ]);
    await login(agent.email, TEST_PASSWORD, ip);
    expect(await attempts.countBy({ at: old })).toBe(0);
    expect(await attempts.countBy({ email: agent.email })).toBe(1);
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const agent = await t.createAgent({ role: 'DAM' });
    const token = await t.login(agent.email);
    const reply = await post('mutation { logout }', {}, bearer(token));
    expect(reply.body.data).toEqual({ logout: true });
    expect(reply.headers.get('set-cookie')).toMatch(
      /^mcbo_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
    expect(errorOf(await post(ME, {}, bearer(token)))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post('mutation { logout }')).body.data).toEqual({ logout: false });

    const events = await t.db
      .getRepository(AuditEvent)
      .find({ where: { targetId: String(agent.id) }, order: { id: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['LOGIN', 'LOGOUT']);
    expect(events[0]).toMatchObject({ agentId: agent.id, targetType: 'AGENT', caisseCode: '211' });
  });

  it('ends a session idle for 30 minutes', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const token = await t.login(agent.email);
    const sessions = t.db.getRepository(AgentSession);
    await sessions.update({ agentId: agent.id }, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
    expect((await post(ME, {}, bearer(token))).body.data?.me).toBeTruthy();
    // That request counted as activity.
    const touched = await sessions.findOneByOrFail({ agentId: agent.id });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);

    await sessions.update({ agentId: agent.id }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(errorOf(await post(ME, {}, bearer(token)))?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session 12 hours after it opened, however active', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const token = await t.login(agent.email);
    const sessions = t.db.getRepository(AgentSession);
    await sessions.update({ agentId: agent.id }, { createdAt: new Date(Date.now() - 11.9 * 3_600_000) });
    expect((await post(ME, {}, bearer(token))).body.data?.me).toBeTruthy();
    await sessions.update({ agentId: agent.id }, { createdAt: new Date(Date.now() - 12 * 3_600_000 - 1000) });
    expect(errorOf(await post(ME, {}, bearer(token)))?.extensions?.code).toBe('UNAUTHENTICATED');

    const other = await t.createAgent({ role: 'CONSEILLER' });
    const otherToken = await t.login(other.email);
    await sessions.update({ agentId: other.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(errorOf(await post(ME, {}, bearer(otherToken)))?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops a disabled agent’s open sessions at once', async () => {
    const agent = await t.createAgent({ role: 'CONSEILLER' });
    const token = await t.login(agent.email);
    expect((await post(ME, {}, bearer(token))).body.data?.me).toBeTruthy();
    // Even a change made behind the API's back (another process, SQL) takes effect on the next request.
    await t.db.getRepository('Agent').update({ id: agent.id }, { active: false });
    expect(errorOf(await post(ME, {}, bearer(token)))?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
