import { uptimeWindow, UPTIME_RANGES } from './uptimeRanges';

const H = 3600_000;
const asOf = Date.parse('2024-07-02T12:30:00Z');

describe('uptimeWindow', () => {
  it.each(Object.entries(UPTIME_RANGES))(
    'range %s ends with the bucket holding asOf',
    (range, { rangeMs, bucketMs }) => {
      const w = uptimeWindow(range as keyof typeof UPTIME_RANGES, asOf, 0);
      expect(w.bucketMs).toBe(bucketMs);
      expect(w.end - w.start).toBe(Math.ceil(rangeMs / bucketMs) * bucketMs);
      expect(w.end).toBeGreaterThan(asOf);
      expect(w.end - bucketMs).toBeLessThanOrEqual(asOf);
      expect(w.start % bucketMs).toBe(0);
    },
  );

  it('has 48 hourly buckets for 2 days and 42 of 8 h for 2 weeks', () => {
    const twoDays = uptimeWindow('2d', asOf, 0);
    expect((twoDays.end - twoDays.start) / twoDays.bucketMs).toBe(48);
    const twoWeeks = uptimeWindow('2w', asOf, 0);
    expect((twoWeeks.end - twoWeeks.start) / twoWeeks.bucketMs).toBe(42);
  });

  it('covers all history in about 50 buckets', () => {
    const firstSeen = asOf - 300 * 24 * H;
    const w = uptimeWindow('all', asOf, firstSeen);
    const count = (w.end - w.start) / w.bucketMs;
    expect(count).toBeGreaterThanOrEqual(45);
    expect(count).toBeLessThanOrEqual(51);
    expect(w.start).toBeLessThanOrEqual(firstSeen);
    expect(w.end).toBeGreaterThanOrEqual(asOf);
  });

  it.each([51, 72, 200, 500])(
    'covers a history of %i hours in 45 to 50 buckets too',
    hours => {
      const firstSeen = asOf - hours * H - 17_000;
      const w = uptimeWindow('all', asOf, firstSeen);
      const count = (w.end - w.start) / w.bucketMs;
      expect(Number.isInteger(count)).toBe(true);
      expect(count).toBeGreaterThanOrEqual(45);
      expect(count).toBeLessThanOrEqual(50);
      expect(w.bucketMs % 60_000).toBe(0);
      expect(w.start).toBeLessThanOrEqual(firstSeen);
      expect(w.end).toBeGreaterThanOrEqual(asOf);
    },
  );
});
