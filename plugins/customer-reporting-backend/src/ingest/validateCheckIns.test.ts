import { prepareCheckIn } from './prepareCheckIn';
import { specValidators } from './specValidators';
import { thrownIssues } from './__testUtils__/thrownIssues';
import { BatchValidationError } from './validate';
import { validateBatch } from './validateBodies';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const validators = specValidators();

function checkIns(items: unknown[]) {
  return validateBatch(
    { checkIns: items },
    'checkIns',
    validators.checkIn,
    1000,
    (item, index, issues) => prepareCheckIn(item, index!, issues, NOW),
  );
}

describe('check-ins validated against the spec', () => {
  it('prepares a valid check-in: time, lowercase status and distribution, trimmed text', () => {
    const [prepared] = checkIns([
      {
        instanceId: 'i1',
        customerId: 'c1',
        at: '2026-01-10T11:00:00+01:00',
        appStatus: 'READY',
        k8sDistribution: ' EKS ',
        clusterId: ' cluster-a ',
        tags: { b: '2', a: '1' },
        customMetrics: { seats: 3 },
      },
    ]);
    expect(prepared).toEqual({
      index: 0,
      instanceId: 'i1',
      customerId: 'c1',
      at: Date.parse('2026-01-10T10:00:00Z'),
      appStatus: 'ready',
      fields: {
        appStatus: '"ready"',
        k8sDistribution: '"eks"',
        clusterId: '"cluster-a"',
        tags: '{"a":"1","b":"2"}',
        'metric:seats': '3',
      },
    });
  });

  it('names every bad field of every item, once each', () => {
    const issues = thrownIssues(() =>
      checkIns([
        { instanceId: 'ok', customerId: 'c1' },
        {
          instanceId: 'a b',
          customerId: '',
          kurlNodesTotal: -1,
          bogus: 1,
          at: '2026-01-10T12:00:00',
          appStatus: 'sleepy',
          appVersion: '1.0\n$(reboot)',
          cloudRegion: '   ',
          tags: { ['k'.repeat(101)]: 'v' },
        },
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          index: 1,
          field: 'instanceId',
          message: 'may only contain letters, digits and . _ : @ -',
        },
        { index: 1, field: 'customerId', message: 'must not be empty' },
        { index: 1, field: 'kurlNodesTotal', message: 'must not be negative' },
        { index: 1, field: 'bogus', message: 'is not a known field' },
        {
          index: 1,
          field: 'at',
          message: 'must be an ISO 8601 time with a time zone',
        },
        {
          index: 1,
          field: 'appVersion',
          message: 'must not be blank or contain control characters',
        },
        {
          index: 1,
          field: 'cloudRegion',
          message: 'must not be blank or contain control characters',
        },
        {
          index: 1,
          field: `tags.${'k'.repeat(101)}`,
          message: 'as a key must be at most 100 characters',
        },
      ]),
    );
    expect(new Set(issues.map(i => i.field)).size).toBe(issues.length);
    expect(issues.every(i => i.index === 1)).toBe(true);
  });

  it('lists the first 100 problems and counts them all', () => {
    let error: unknown;
    try {
      checkIns(
        Array.from({ length: 150 }, (_, i) => ({
          instanceId: `i${i}`,
          customerId: 'c1',
          appStatus: 'sleepy',
        })),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BatchValidationError);
    const { issues, message } = error as BatchValidationError;
    expect(issues).toHaveLength(100);
    expect(issues[99]).toMatchObject({ index: 99, field: 'appStatus' });
    expect(message).toMatch(
      /^Invalid request: item 0: appStatus .*; item 4: appStatus [^;]* \(and 145 more; the first 100 are listed\)$/,
    );
  });

  it('checks what the spec cannot say: status values, time range, rollup', () => {
    const issues = thrownIssues(() =>
      checkIns([
        { instanceId: 'i1', customerId: 'c1', appStatus: 'sleepy' },
        { instanceId: 'i2', customerId: 'c1', at: '2026-01-10T12:06:00Z' },
        { instanceId: 'i3', customerId: 'c1', at: '1989-12-31T23:00:00Z' },
        {
          instanceId: 'i4',
          customerId: 'c1',
          appStatus: 'ready',
          resourceStates: [
            {
              kind: 'Deployment',
              namespace: 'x',
              name: 'y',
              state: 'Degraded',
            },
          ],
        },
      ]),
    );
    expect(issues).toEqual([
      {
        index: 0,
        field: 'appStatus',
        message:
          'must be one of missing, unavailable, degraded, updating, ready',
      },
      {
        index: 1,
        field: 'at',
        message: 'must not be more than 5 minutes in the future',
      },
      { index: 2, field: 'at', message: 'must not be before 1990' },
      {
        index: 3,
        field: 'appStatus',
        message: 'is ready but the resource states roll up to degraded',
      },
    ]);
  });

  it('refuses control characters in a custom metric name, and 30 February', () => {
    const base = { instanceId: 'i1', customerId: 'c1' };
    expect(
      thrownIssues(() =>
        checkIns([
          { ...base, customMetrics: { 'seats\u0000used': 3 } },
          { ...base, at: '2025-02-30T10:00:00Z' },
          // JSON's 1e400 parses as Infinity.
          { ...base, customMetrics: { seats: Infinity } },
        ]),
      ),
    ).toEqual([
      {
        index: 0,
        field: 'customMetrics.seats\u0000used',
        message: 'as a key must not contain control characters',
      },
      {
        index: 1,
        field: 'at',
        message:
          'must be an ISO 8601 time with a time zone: 2025-02 has 28 days',
      },
      {
        index: 2,
        field: 'customMetrics.seats',
        message: 'must be a finite number',
      },
    ]);
  });

  it('refuses control characters in tag keys and values and in metric text', () => {
    const base = { instanceId: 'i1', customerId: 'c1' };
    expect(
      thrownIssues(() =>
        checkIns([
          { ...base, tags: { name: 'edge\u0007box' } },
          { ...base, tags: { 'team\u0000': 'a' } },
          { ...base, tags: { region: 'eu\u2028west' } },
          { ...base, customMetrics: { plan: 'gold\nsilver' } },
          // An empty tag value is a value (a flag set with nothing).
          { ...base, tags: { canary: '' }, customMetrics: { plan: 'gold' } },
        ]),
      ),
    ).toEqual([
      {
        index: 0,
        field: 'tags.name',
        message: 'must not contain control characters',
      },
      {
        index: 1,
        field: 'tags.team\u0000',
        message: 'as a key must not contain control characters',
      },
      {
        index: 2,
        field: 'tags.region',
        message: 'must not contain control characters',
      },
      {
        index: 3,
        field: 'customMetrics.plan',
        message: 'must not contain control characters',
      },
    ]);
  });

  it('refuses a long text with a control character in linear time', () => {
    const start = Date.now();
    const issues = thrownIssues(() =>
      checkIns([
        {
          instanceId: 'i1',
          customerId: 'c1',
          clusterId: `${'x'.repeat(200_000)}\u0001`,
        },
      ]),
    );
    expect(issues.map(i => i.field)).toEqual(['clusterId']);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
