import { dateTimeProblem, parseDateTime } from './dateTime';

describe('RFC 3339 date-times', () => {
  it('reads every form RFC 3339 allows to the millisecond', () => {
    const ms = Date.parse('2024-01-01T10:00:00Z');
    expect(parseDateTime('2024-01-01T10:00:00Z')).toBe(ms);
    expect(parseDateTime('2024-01-01 10:00:00z')).toBe(ms);
    expect(parseDateTime('2024-01-01t15:30:00+05:30')).toBe(ms);
    expect(parseDateTime('2024-01-01T15:30:00+0530')).toBe(ms);
    expect(parseDateTime('2024-01-01T10:00:00.123456789Z')).toBe(ms + 123);
    expect(parseDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('names what is wrong with a time that names no instant', () => {
    expect(dateTimeProblem('2024-01-01T10:00:00')).toBe(
      'must be an ISO 8601 time with a time zone',
    );
    expect(dateTimeProblem('2023-02-29T00:00:00Z')).toBe(
      'must be an ISO 8601 time with a time zone: 2023-02 has 28 days',
    );
    expect(dateTimeProblem('2024-04-31T00:00:00Z')).toBe(
      'must be an ISO 8601 time with a time zone: 2024-04 has 30 days',
    );
    expect(dateTimeProblem('2016-12-31T23:59:60Z')).toBe(
      'must be an ISO 8601 time with a time zone: leap seconds (:60) are not supported',
    );
    expect(parseDateTime('2025-02-30T10:00:00Z')).toBeNaN();
  });
});
