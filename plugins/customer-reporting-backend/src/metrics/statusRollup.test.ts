import { rollupStatus } from './statusRollup';

describe('rollupStatus', () => {
  it('is the least available resource status', () => {
    expect(rollupStatus(['ready', 'degraded', 'updating'])).toBe('degraded');
    expect(rollupStatus(['ready', 'ready'])).toBe('ready');
    expect(rollupStatus(['ready', 'updating'])).toBe('updating');
  });

  it('is missing with no resources or one missing resource', () => {
    expect(rollupStatus([])).toBe('missing');
    expect(rollupStatus(['ready', 'missing', 'unavailable'])).toBe('missing');
  });
});
