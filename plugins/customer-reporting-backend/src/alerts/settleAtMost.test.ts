import { settleAtMost } from './settleAtMost';

describe('settleAtMost', () => {
  it('runs at most `limit` at once and settles every outcome in order', async () => {
    let running = 0;
    let most = 0;
    const outcomes = await settleAtMost(2, [30, 10, 20, 0, 5], async ms => {
      running += 1;
      most = Math.max(most, running);
      await new Promise(resolve => setTimeout(resolve, ms));
      running -= 1;
      if (ms === 0) throw new Error('zero');
      return ms * 2;
    });
    expect(most).toBe(2);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 60 },
      { status: 'fulfilled', value: 20 },
      { status: 'fulfilled', value: 40 },
      { status: 'rejected', reason: new Error('zero') },
      { status: 'fulfilled', value: 10 },
    ]);
    expect(await settleAtMost(3, [], async () => 1)).toEqual([]);
  });
});
