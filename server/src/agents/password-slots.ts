/**
 * argon2id costs 64 MiB and most of a core per verification: a burst of logins must not take the
 * process's memory with it. A fixed number of verifications run at once per process; an attempt that
 * finds every slot taken is answered at once (TOO_MANY_ATTEMPTS), without queueing and without hashing.
 */
export interface PasswordSlotStats {
  /** Verifications started since the process began (or since reset, in tests). */
  started: number;
  inFlight: number;
  /** The most verifications seen running at once. */
  peak: number;
  /** Attempts answered at once because every slot was taken. */
  turnedAway: number;
}

export const passwordSlotStats: PasswordSlotStats = { started: 0, inFlight: 0, peak: 0, turnedAway: 0 };

let taken = 0;

/** Takes a slot, or returns null when `limit` verifications are already running. */
export function tryTakePasswordSlot(limit: number): (() => void) | null {
  if (taken >= limit) {
    passwordSlotStats.turnedAway += 1;
    return null;
  }
  taken += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    taken -= 1;
  };
}

/** Runs one verification, counted: the tests and /metrics read these figures. */
export async function countedVerification<T>(verify: () => Promise<T>): Promise<T> {
  passwordSlotStats.started += 1;
  passwordSlotStats.inFlight += 1;
  passwordSlotStats.peak = Math.max(passwordSlotStats.peak, passwordSlotStats.inFlight);
  try {
    return await verify();
  } finally {
    passwordSlotStats.inFlight -= 1;
  }
}

export function resetPasswordSlotStats(): void {
  Object.assign(passwordSlotStats, { started: 0, inFlight: 0, peak: 0, turnedAway: 0 });
}
