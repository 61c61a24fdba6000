import { installAttemptStatus } from './installAttemptStatus';

const M = 60_000;
const open = { completedAt: null, failedAt: null, discardedAt: null };

describe('installAttemptStatus', () => {
  it('applies the 60 minute stalled rule', () => {
    expect(installAttemptStatus({ ...open, lastEventAt: 0 }, 59 * M)).toBe(
      'in-progress',
    );
    expect(installAttemptStatus({ ...open, lastEventAt: 0 }, 60 * M)).toBe(
      'stalled',
    );
    expect(
      installAttemptStatus({ ...open, lastEventAt: 0 }, 20 * M, 15 * M),
    ).toBe('stalled');
  });

  it('reports outcomes', () => {
    expect(
      installAttemptStatus({ ...open, completedAt: 5, lastEventAt: 5 }, 10),
    ).toBe('succeeded');
    expect(
      installAttemptStatus({ ...open, failedAt: 5, lastEventAt: 5 }, 10 ** 9),
    ).toBe('failed');
    expect(
      installAttemptStatus(
        { ...open, discardedAt: 5, lastEventAt: 5 },
        10 ** 9,
      ),
    ).toBe('discarded');
  });
});
