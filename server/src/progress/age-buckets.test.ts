import { AGE_BUCKETS, bucketOf, bucketThresholds } from './age-buckets';

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
