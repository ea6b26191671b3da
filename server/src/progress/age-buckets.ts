/** Backlog age buckets shown to supervisors (days since receipt). */
export const AGE_BUCKETS = [
  { label: '0 à 7 jours', minDays: 0, maxDays: 7 },
  { label: '8 à 15 jours', minDays: 8, maxDays: 15 },
  { label: '16 à 30 jours', minDays: 16, maxDays: 30 },
  { label: 'Plus de 30 jours', minDays: 31, maxDays: null },
] as const;

/** Index of the bucket an age falls in. */
export function bucketOf(ageDays: number): number {
  const index = AGE_BUCKETS.findIndex((b) => ageDays >= b.minDays && (b.maxDays === null || ageDays <= b.maxDays));
  return index === -1 ? 0 : index;
}

/** Receipt instants that separate the buckets, newest first, for a SQL CASE. */
export function bucketThresholds(now: Date): Date[] {
  return AGE_BUCKETS.slice(1).map((b) => new Date(now.getTime() - b.minDays * 86_400_000));
}

/**
 * Received days (YYYY-MM-DD, UTC) that separate the buckets, newest first: a piece received on or after
 * the first is 0 to 7 whole days old on `today`, and so on (calendar days, as the labels say).
 */
export function bucketDayThresholds(today: string): string[] {
  const t = Date.parse(`${today}T00:00:00Z`);
  return AGE_BUCKETS.slice(1).map((b) => new Date(t - (b.minDays - 1) * 86_400_000).toISOString().slice(0, 10));
}
