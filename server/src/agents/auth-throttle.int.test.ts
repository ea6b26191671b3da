import { LoginAttempt } from './agent.entity';
import { passwordSlotStats, resetPasswordSlotStats } from './password-slots';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

interface Answer {
  data?: { login: { token: string } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Logins from several addresses behind one proxy, and bursts of parallel guesses. */
describe('login throttle: shared addresses and parallel guesses', () => {
  let t: TestApp;
  let ipCounter = 0;
  const nextIp = () => `192.0.2.${++ipCounter}`;

  const login = async (email: string, password: string, ip: string): Promise<Answer> => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    return (await response.json()) as Answer;
  };
  const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code ?? (answer.data?.login ? 'OK' : '?');

  afterEach(async () => t.stop());

  it('locks only the agent who mistyped, at that address: colleagues behind the same proxy log in', async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
    const proxy = nextIp();
    const clumsy = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' });
    const colleague = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' });
    // Colleagues' typos through the proxy in the last minutes: 60 failures on 12 accounts.
    await t.db.getRepository(LoginAttempt).insert(
      Array.from({ length: 60 }, (_, i) => ({
        email: `collegue${i % 12}@cpam-test.fr`,
        ip: proxy,
        at: new Date(Date.now() - 120_000),
        success: false,
      })),
    );
    const messages: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const answer = await login(clumsy.email, `faute-de-frappe-${i}`, proxy);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      messages.push(answer.errors?.[0]?.message ?? '');
    }
    expect(messages[0]).toBe('Identifiant ou mot de passe incorrect. Encore 9 essais avant un blocage temporaire.');
    expect(messages[8]).toBe('Identifiant ou mot de passe incorrect. Encore 1 essai avant un blocage temporaire.');
    expect(messages[9]).toBe(
      'Identifiant ou mot de passe incorrect. Les connexions sont maintenant bloquées pendant 15 minutes au plus.',
    );
    expect(codeOf(await login(clumsy.email, TEST_PASSWORD, proxy))).toBe('TOO_MANY_ATTEMPTS');
    // The caisse is not locked out: a colleague logs in through the same proxy.
    expect(codeOf(await login(colleague.email, TEST_PASSWORD, proxy))).toBe('OK');
    // And the agent, from another address, still can (10 failures are under the account's 20).
    expect(codeOf(await login(clumsy.email, TEST_PASSWORD, nextIp()))).toBe('OK');
  }, 240_000);

  it('checks no more guesses than the limit when 200 arrive at once', async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', LOGIN_VERIFY_CONCURRENCY: '64' });
    const agent = await t.createAgent({ role: 'SUPERVISEUR' });
    const ip = nextIp();
    resetPasswordSlotStats();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(agent.email, `devinette-${i}`, ip)));
    const codes = answers.map(codeOf);
    // Each attempt is reserved before its hash is checked: at most 10 (the per account × address limit).
    expect(passwordSlotStats.started).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(passwordSlotStats.started);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(200 - passwordSlotStats.started);
    // Refused attempts left no row: the failures that count are the checked ones.
    expect(await t.db.getRepository(LoginAttempt).countBy({ email: agent.email })).toBe(passwordSlotStats.started);
  }, 240_000);

  it('runs at most LOGIN_VERIFY_CONCURRENCY verifications at once and turns the rest away at once', async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', LOGIN_VERIFY_CONCURRENCY: '2' });
    resetPasswordSlotStats();
    // A spray: 200 different accounts, each from its own address, so that no counter closes.
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login(`inconnu${i}@cpam-test.fr`, 'mauvais-mot-de-passe', nextIp())),
    );
    const codes = answers.map(codeOf);
    expect(passwordSlotStats.peak).toBeLessThanOrEqual(2);
    expect(passwordSlotStats.turnedAway).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(passwordSlotStats.turnedAway);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(passwordSlotStats.started);
    const busy = answers.find((a) => codeOf(a) === 'TOO_MANY_ATTEMPTS')?.errors?.[0];
    expect(busy).toMatchObject({
      message: 'Trop de connexions en cours de vérification sur le serveur. Réessayez dans 1 seconde.',
      extensions: { retryAfterSeconds: 1 },
    });
  }, 240_000);
});
