import { isoTime } from './isoTime';

describe('isoTime', () => {
  it('writes what toISOString writes, for random times of years 0-9999 and the edges', () => {
    const edges = [
      0, 1, 999, 1000, 59_999, 60_000, 3_599_999, 86_399_999, 86_400_000,
      951_782_400_000, 1_795_935_797_123, 253_402_300_799_999,
    ];
    let seed = 20;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const times = [
      ...edges,
      ...Array.from({ length: 20_000 }, () =>
        Math.floor(random() * 253_402_300_800_000),
      ),
    ];
    for (const ms of times) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('takes big integers as text, and leaves out missing times', () => {
    expect(isoTime('1795935797123')).toBe('2026-11-29T07:03:17.123Z');
    expect(isoTime(null)).toBeNull();
    expect(isoTime(undefined)).toBeNull();
  });

  it('hands other times to toISOString: before 1970, from year 10000, fractions, invalid ones', () => {
    for (const ms of [-1, -62_198_755_200_001, 253_402_300_800_000, 1.5]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime('not a time')).toThrow(RangeError);
  });
});
