import { formatPercent } from '../format';
import { describeShares } from './UptimeBar';

describe('describeShares', () => {
  it('rounds like every other uptime figure (one rule: formatPercent)', () => {
    const shares = { up: 0.99029, degraded: 0.00971, down: 0, noData: 0 };
    // The report's ratio of the same day reads 99.02%; so does its bar.
    expect(formatPercent(shares.up)).toBe('99.02%');
    expect(describeShares(shares)).toBe(
      'Up 99.02%, Degraded 0.97%, Down 0%, No data 0%',
    );
  });
});
