import { formatPercent } from '../format';
import { describeShares, uptimeFill } from './UptimeBar';

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

describe('uptimeFill', () => {
  const palette = {
    up: 'green',
    degraded: 'orange',
    down: 'red',
    noData: 'grey',
  };

  it('stacks the states bottom-up, each as tall as its share', () => {
    expect(
      uptimeFill(
        { up: 0.5, degraded: 0.25, down: 0.125, noData: 0.125 },
        palette,
      ),
    ).toEqual({
      backgroundImage:
        'linear-gradient(to top, green 0% 50%, orange 50% 75%, red 75% 87.5%, grey 87.5% 100%)',
    });
  });

  it('leaves out the states with no share', () => {
    expect(
      uptimeFill({ up: 0, degraded: 0.6, down: 0, noData: 0.4 }, palette),
    ).toEqual({
      backgroundImage: 'linear-gradient(to top, orange 0% 60%, grey 60% 100%)',
    });
  });

  it('runs the last state to the top when the shares fall short of 1', () => {
    // Shares rounded by the backend: 0.33333 three times.
    const third = 0.33333;
    expect(
      uptimeFill(
        { up: third, degraded: third, down: third, noData: 0 },
        palette,
      ),
    ).toEqual({
      backgroundImage:
        'linear-gradient(to top, green 0% 33.333%, orange 33.333% 66.666%, red 66.666% 100%)',
    });
  });

  it('is one colour when one state fills the bar, and no data when none does', () => {
    expect(
      uptimeFill({ up: 1, degraded: 0, down: 0, noData: 0 }, palette),
    ).toEqual({ backgroundColor: 'green' });
    expect(
      uptimeFill({ up: 0, degraded: 0, down: 0, noData: 0 }, palette),
    ).toEqual({ backgroundColor: 'grey' });
  });
});
