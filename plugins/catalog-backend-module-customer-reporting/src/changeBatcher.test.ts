import { createChangeBatcher } from './changeBatcher';

describe('createChangeBatcher', () => {
  it('publishes the first id at once and the ids that arrive meanwhile together, each once', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const firstDone = new Promise<void>(resolve => {
      release = resolve;
    });
    const add = createChangeBatcher(async ids => {
      batches.push(ids);
      if (batches.length === 1) await firstDone;
    }, jest.fn());

    const first = add('c1');
    const later = ['c2', 'c3', 'c2', 'c4'].map(add);
    expect(batches).toEqual([['c1']]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([['c1'], ['c2', 'c3', 'c4']]);

    await add('c5');
    expect(batches).toEqual([['c1'], ['c2', 'c3', 'c4'], ['c5']]);
  });

  it('reports a failed batch and goes on with the next', async () => {
    const onError = jest.fn();
    const published: string[][] = [];
    let fail = true;
    const add = createChangeBatcher(async ids => {
      if (fail) {
        fail = false;
        throw new Error('customer-reporting is down');
      }
      published.push(ids);
    }, onError);
    await Promise.all([add('c1'), add('c2')]);
    expect(onError).toHaveBeenCalledWith(
      new Error('customer-reporting is down'),
    );
    expect(published).toEqual([['c2']]);
  });
});
