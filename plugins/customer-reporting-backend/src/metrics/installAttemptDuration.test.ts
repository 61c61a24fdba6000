import { attemptDurationSeconds } from './installAttemptDuration';

const t = (minutes: number) => Date.UTC(2024, 6, 1, 10) + minutes * 60_000;

describe('attemptDurationSeconds', () => {
  it('is completed − started, rounded to seconds', () => {
    expect(attemptDurationSeconds(t(0), t(40) + 499)).toBe(2400);
    expect(attemptDurationSeconds(t(5), t(5))).toBe(0);
  });

  it('is unknown without both events', () => {
    expect(attemptDurationSeconds(null, t(40))).toBeNull();
    expect(attemptDurationSeconds(t(0), null)).toBeNull();
  });

  it('cannot be measured from a started event stamped after the completion', () => {
    expect(attemptDurationSeconds(t(2), t(0))).toBeNull();
  });
});
