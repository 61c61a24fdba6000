import { isDatabaseUnavailable } from './databaseUnavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises lost and refused connections', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
          code: 'ECONNREFUSED',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(
          new Error('terminating connection due to administrator command'),
          { code: '57P01' },
        ),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('Knex: Timeout acquiring a connection.'), {
          name: 'KnexTimeoutError',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated unexpectedly')),
    ).toBe(true);
  });

  it('leaves bugs and constraint violations alone', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('duplicate key'), { code: '23505' }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
