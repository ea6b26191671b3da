import { describeRemaining, describeWait, judgeLogin, LOGIN_THROTTLE, retryAfterSeconds } from './throttle';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('login throttling', () => {
  it('allows nine failures in the window', () => {
    const failures = Array.from({ length: 9 }, (_, i) => minutesAgo(i));
    expect(retryAfterSeconds(failures, now)).toBeNull();
  });

  it('closes at ten failures until the oldest counted one leaves the 15-minute window', () => {
    const failures = Array.from({ length: 10 }, (_, i) => minutesAgo(i)); // oldest: 9 minutes ago
    expect(retryAfterSeconds(failures, now)).toBe(6 * 60);
  });

  it('counts from the tenth most recent failure when there are more', () => {
    const failures = [...Array.from({ length: 10 }, (_, i) => minutesAgo(i)), minutesAgo(12), minutesAgo(13)];
    expect(retryAfterSeconds(failures, now)).toBe(6 * 60);
  });

  it('ignores failures older than the window', () => {
    const failures = [...Array.from({ length: 9 }, (_, i) => minutesAgo(i)), minutesAgo(15), minutesAgo(20)];
    expect(retryAfterSeconds(failures, now)).toBeNull();
  });

  it('never answers less than one second', () => {
    const failures = Array.from({ length: 10 }, () => new Date(now.getTime() - LOGIN_THROTTLE.windowMs + 10));
    expect(retryAfterSeconds(failures, now)).toBe(1);
  });

  it('says the wait in French', () => {
    expect(describeWait(1)).toBe('1 seconde');
    expect(describeWait(45)).toBe('45 secondes');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(61)).toBe('2 minutes');
    expect(describeWait(900)).toBe('15 minutes');
  });
});

describe('login counters: per (account, address), per account, per address', () => {
  const none: readonly Date[] = [];
  const failures = (n: number) => Array.from({ length: n }, (_, i) => minutesAgo(i % 14));

  it.each([
    ["première faute d'un agent", { pair: none, account: none, address: none }, null, 9],
    [
      '9 fautes de cet agent à cette adresse',
      { pair: failures(9), account: failures(9), address: failures(9) },
      null,
      0,
    ],
    [
      "10 fautes de l'agent à cette adresse : bloqué",
      { pair: failures(10), account: failures(10), address: failures(10) },
      'wait',
      0,
    ],
    [
      '60 fautes de collègues derrière le même proxy : pas bloqué',
      { pair: failures(1), account: failures(1), address: failures(60) },
      null,
      8,
    ],
    [
      'arrosage : 100 fautes depuis une adresse sur des comptes divers',
      { pair: none, account: none, address: failures(100) },
      'wait',
      0,
    ],
    [
      '20 fautes sur un compte depuis des adresses diverses',
      { pair: none, account: failures(20), address: none },
      'wait',
      0,
    ],
    [
      '19 fautes sur un compte ailleurs : un dernier essai',
      { pair: none, account: failures(19), address: none },
      null,
      0,
    ],
    ['18 fautes sur un compte ailleurs', { pair: none, account: failures(18), address: none }, null, 1],
  ] as const)('%s', (_label, counted, wait, remaining) => {
    const verdict = judgeLogin(counted, now);
    if (wait === null) expect(verdict.wait).toBeNull();
    else expect(verdict.wait).toBeGreaterThan(0);
    expect(verdict.remainingAfterFailure).toBe(remaining);
  });

  it('says the tries left in French', () => {
    expect(describeRemaining(3)).toBe('Encore 3 essais avant un blocage temporaire.');
    expect(describeRemaining(1)).toBe('Encore 1 essai avant un blocage temporaire.');
    expect(describeRemaining(0)).toBe('Les connexions sont maintenant bloquées pendant 15 minutes au plus.');
  });
});
