import { describeWait, LOGIN_THROTTLE, retryAfterSeconds } from './throttle';

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
