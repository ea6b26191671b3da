/**
 * Login throttling rules, as pure functions over the attempts already recorded. Three counters over
 * 15 minutes, each closing the door until its oldest counted failure leaves the window:
 * - per (account, address): 10 failures — an agent's own typos lock only that agent, at that address;
 * - per account, from any address: 20 failures — guesses spread over many addresses;
 * - per address, on any accounts: 100 failures — password spraying. Much higher than the others because
 *   a whole caisse reaches the server through one proxy address.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * 60_000 };

export const LOGIN_POLICIES = {
  pair: LOGIN_THROTTLE,
  account: { maxFailures: 20, windowMs: 15 * 60_000 },
  address: { maxFailures: 100, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottlePolicy>;

export type LoginCounter = keyof typeof LOGIN_POLICIES;

/** The failures that count, per counter, other than the attempt being decided. */
export type LoginFailures = Record<LoginCounter, readonly Date[]>;

export interface LoginVerdict {
  /** Seconds to wait before this attempt may be checked, or null when it may. */
  wait: number | null;
  /** Failures still allowed after this one, should it fail, before a counter closes the door. */
  remainingAfterFailure: number;
}

export function judgeLogin(
  failures: LoginFailures,
  now: Date,
  policies: Record<LoginCounter, ThrottlePolicy> = LOGIN_POLICIES,
): LoginVerdict {
  let wait: number | null = null;
  let remaining = Number.POSITIVE_INFINITY;
  for (const counter of Object.keys(policies) as LoginCounter[]) {
    const policy = policies[counter];
    const counterWait = retryAfterSeconds(failures[counter], now, policy);
    if (counterWait !== null) wait = Math.max(wait ?? 0, counterWait);
    const start = windowStart(now, policy).getTime();
    const counted = failures[counter].filter((d) => d.getTime() > start).length;
    remaining = Math.min(remaining, Math.max(0, policy.maxFailures - counted - 1));
  }
  return { wait, remainingAfterFailure: remaining };
}

/** The sentence added to a failed login's answer: how many tries remain before the door closes. */
export function describeRemaining(remaining: number): string {
  if (remaining === 0) return 'Les connexions sont maintenant bloquées pendant 15 minutes au plus.';
  return remaining === 1
    ? 'Encore 1 essai avant un blocage temporaire.'
    : `Encore ${remaining} essais avant un blocage temporaire.`;
}

export const windowStart = (now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE) =>
  new Date(now.getTime() - policy.windowMs);

/**
 * Seconds to wait before the next attempt, or null when attempts are allowed.
 * `failures` are the instants of the failures that count (inside the window), in any order.
 */
export function retryAfterSeconds(
  failures: readonly Date[],
  now: Date,
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): number | null {
  const start = windowStart(now, policy).getTime();
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > start)
    .sort((a, b) => a - b);
  if (inWindow.length < policy.maxFailures) return null;
  // The count falls below the limit once this failure leaves the window.
  const pivot = inWindow[inWindow.length - policy.maxFailures] as number;
  return Math.max(1, Math.ceil((pivot + policy.windowMs - now.getTime()) / 1000));
}

/** « 14 minutes », « 1 minute », « 45 secondes »: the wait as an agent reads it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 seconde' : `${seconds} secondes`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
