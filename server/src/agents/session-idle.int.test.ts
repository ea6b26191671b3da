import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { Agent } from './agent.entity';
import { authenticateToken, openSession, touchIntervalMs } from './session.service';

describe('session idle limit under activity', () => {
  let t: TestDatabase;
  let agentId: number;

  beforeAll(async () => {
    t = await openTestDatabase();
    const saved = await t.db.getRepository(Agent).save({
      email: 'actif.idle@cpam-test.fr',
      passwordHash: 'x',
      displayName: 'Agent actif',
      role: 'CONSEILLER',
      caisseCode: '211',
      nationalScope: false,
      active: true,
    });
    agentId = saved.id;
  });
  afterAll(async () => t.close());

  it('records activity at a fraction of the idle limit', () => {
    expect(touchIntervalMs(1)).toBe(15_000);
    expect(touchIntervalMs(30)).toBe(60_000);
  });

  it('keeps an agent who makes a request every 50 seconds logged in with SESSION_IDLE_MINUTES=1', async () => {
    const policy = { idleMinutes: 1, absoluteHours: 12 };
    const start = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
    const { token } = await t.db.transaction((em) => openSession(em, agentId, '127.0.0.1', policy, start));
    for (let step = 1; step <= 6; step += 1) {
      const now = new Date(start.getTime() + step * 50_000);
      expect(await authenticateToken(t.db, token, policy, now)).toMatchObject({ id: agentId });
    }
    // Idle for more than a minute after the last request: logged out.
    const idle = new Date(start.getTime() + 6 * 50_000 + 61_000);
    expect(await authenticateToken(t.db, token, policy, idle)).toBeNull();
  });
});
