import { contractIngest } from './contractIngest';

const NOW = Date.parse('2024-07-02T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const app = {
  name: 'Nimbus',
  channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
};
const customer = {
  name: 'Acme',
  appSlug: 'nimbus',
  channelSlug: 'stable',
  licenseType: 'prod',
  licenseId: 'lic-1',
  createdAt: iso(NOW - DAY),
  features: { gitops: false, airgap: false, identity: false, snapshots: false },
};

describe('contractIngest', () => {
  it('takes valid bodies and refuses, as the backend does, what breaks its contract', async () => {
    const { ingest, violations, customers } = contractIngest({
      now: NOW,
      oldest: NOW - 400 * DAY,
    });
    await expect(
      ingest.putApp('nimbus', { ...app, name: '\u0000' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await ingest.putApp('nimbus', app);
    await expect(
      ingest.putCustomer('acme', { ...customer, channelSlug: 'beta' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await ingest.putCustomer('acme', customer);
    expect(customers).toEqual(new Set(['acme']));

    const checkIn = { instanceId: 'i-1', customerId: 'acme', at: iso(NOW) };
    await expect(
      ingest.ingestCheckIns({
        checkIns: [
          checkIn,
          checkIn,
          { ...checkIn, at: iso(NOW - 401 * DAY) },
          {
            ...checkIn,
            at: iso(NOW - DAY),
            appStatus: 'ready',
            resourceStates: [
              { kind: 'Deployment', namespace: 'a', name: 'b', state: 'ready' },
            ],
          },
          {
            ...checkIn,
            at: iso(NOW - 2 * DAY),
            resourceStates: [
              { kind: 'Deployment', namespace: 'a', name: 'b', state: 'ready' },
              { kind: 'Deployment', namespace: 'a', name: 'b', state: 'ready' },
            ],
          },
        ],
      }),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          index: 1,
          message: expect.stringMatching(/^repeats/),
        }),
        expect.objectContaining({ index: 2, field: 'at' }),
        expect.objectContaining({ index: 3, field: 'appStatus' }),
        expect.objectContaining({ index: 4, field: 'resourceStates' }),
      ],
    });
    await expect(
      ingest.ingestPortalEvents({
        events: [{ customerId: 'globex', type: 'accessed', at: iso(NOW) }],
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(violations).toHaveLength(4);
  });
});
