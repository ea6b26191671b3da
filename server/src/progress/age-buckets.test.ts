import { AGE_BUCKETS, bucketDayThresholds, bucketOf, bucketThresholds } from './age-buckets';

describe('age buckets', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [15, 1],
    [16, 2],
    [30, 2],
    [31, 3],
    [400, 3],
  ])('%i days falls in bucket %i', (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
  });

  it('gives one threshold per boundary, newest first', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(bucketThresholds(now).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2026-11-14',
      '2026-11-06',
      '2026-10-22',
    ]);
    expect(AGE_BUCKETS).toHaveLength(4);
  });
});

describe('age buckets by received day', () => {
  it.each([
    ['2026-11-22', 0, 'reçu le jour même : 0 à 7 jours'],
    ['2026-11-15', 0, 'reçu il y a 7 jours : 0 à 7 jours'],
    ['2026-11-14', 1, 'reçu il y a 8 jours : 8 à 15 jours'],
    ['2026-11-07', 1, 'reçu il y a 15 jours : 8 à 15 jours'],
    ['2026-11-06', 2, 'reçu il y a 16 jours : 16 à 30 jours'],
    ['2026-10-23', 2, 'reçu il y a 30 jours : 16 à 30 jours'],
    ['2026-10-22', 3, 'reçu il y a 31 jours : plus de 30 jours'],
  ])('%s seen on 2026-11-22 falls in bucket %i (%s)', (day, bucket) => {
    const [t8, t16, t31] = bucketDayThresholds('2026-11-22');
    const index = day >= t8! ? 0 : day >= t16! ? 1 : day >= t31! ? 2 : 3;
    expect(index).toBe(bucket);
    expect(bucketOf(Math.round((Date.parse('2026-11-22') - Date.parse(day)) / 86_400_000))).toBe(bucket);
  });
});
