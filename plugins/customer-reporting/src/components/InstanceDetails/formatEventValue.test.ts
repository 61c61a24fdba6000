import { formatEventValue } from './formatEventValue';

describe('formatEventValue', () => {
  it.each([
    [null, 'none'],
    [undefined, 'none'],
    ['', 'none'],
    ['ready', 'ready'],
    [true, 'yes'],
    [false, 'no'],
    [12, '12'],
    [{ team: 'platform', env: 'prod' }, 'team: platform, env: prod'],
    [{}, 'none'],
    [['a', 'b'], '["a","b"]'],
  ])('formats %p as %p', (value, expected) => {
    expect(formatEventValue(value)).toBe(expected);
  });
});
