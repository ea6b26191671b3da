/**
 * Login throttling rules, as pure functions over the attempts already recorded: 10 failures within
 * 15 minutes, per account and per IP, close the door until the oldest counted failure leaves the window.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * 60_000 };

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
