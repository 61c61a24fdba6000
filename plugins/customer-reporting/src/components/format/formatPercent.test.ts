import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it.each([
    [1, '100%'],
    [0, '0%'],
    [0.5, '50%'],
    [0.29, '29%'],
    [0.99031, '99.03%'],
    // Never rounded up to a full 100%.
    [0.99999, '99.99%'],
    [0.123, '12.3%'],
  ])('formats %d as %s', (ratio, expected) => {
    expect(formatPercent(ratio)).toBe(expected);
  });

  it('honours the number of decimals', () => {
    expect(formatPercent(0.99031, 0)).toBe('99%');
    expect(formatPercent(0.99031, 1)).toBe('99%');
    expect(formatPercent(0.9915, 1)).toBe('99.1%');
  });

  it('returns a dash for non-finite input', () => {
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});
