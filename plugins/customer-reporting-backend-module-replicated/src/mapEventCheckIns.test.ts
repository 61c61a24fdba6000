import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parsedNimbus } from './__testUtils__/parsedFixtures';
import { mapEventCheckIns } from './mapEventCheckIns';
import { parseEvents } from './parseEvents';

const at = (d: { at: number }) => new Date(d.at).toISOString();

describe('mapEventCheckIns', () => {
  const { events } = parseEvents(fixtures.events[NIMBUS_APP_ID], testLogger());
  const { channelSlugById } = parsedNimbus();
  const context = {
    channelSlugById,
    embeddedInstanceIds: new Set(['3c5e7a9b1d2f']),
  };

  it('reads the bare-array answer with its string fields', () => {
    expect(events).toHaveLength(fixtures.events[NIMBUS_APP_ID].length);
    expect(events[0]).toEqual({
      customerId: '2jAcmeC0rpQ1w2e3r4t5y6u7i8o',
      instanceId: '7f3b2c9e1a4d',
      fieldName: 'appStatus',
      newValue: 'missing',
      isCustom: false,
      at: Date.parse('2024-03-10T14:00:00Z'),
    });
  });

  it('turns field changes into check-ins at their reportedAt, one per instance and time', () => {
    const { drafts, ignored } = mapEventCheckIns(events, context);
    const acme = drafts.filter(d => d.instanceId === '7f3b2c9e1a4d');
    expect(acme.map(d => [at(d), d.fields])).toEqual([
      [
        '2024-03-10T14:00:00.000Z',
        {
          appStatus: 'missing',
          cloudProvider: 'aws',
          cloudRegion: 'eu-west-1',
          k8sDistribution: 'kurl',
        },
      ],
      ['2024-03-10T14:20:00.000Z', { appStatus: 'unavailable' }],
      ['2024-03-10T15:30:00.000Z', { appStatus: 'ready' }],
      ['2024-03-11T02:00:00.000Z', { appStatus: 'degraded' }],
      ['2024-03-11T03:00:00.000Z', { appStatus: 'ready' }],
      ['2024-06-21T02:00:00.000Z', { appVersion: '2.3.1' }],
      ['2024-06-25T10:00:00.000Z', { kurlNodesReady: 2 }],
      ['2024-06-25T11:00:00.000Z', { kurlNodesReady: 3 }],
      // Custom metrics: strings read back as numbers and booleans.
      [
        '2024-07-01T10:00:00.000Z',
        { customMetrics: { activeUsers: 120, backupEnabled: true } },
      ],
      ['2024-07-02T11:40:00.000Z', { customMetrics: { activeUsers: 135 } }],
    ]);
    // numberVersionsBehind (computed by the portal) and kurlInstallerSpecID.
    expect(ignored).toBe(2);
  });

  it('never gives an Embedded Cluster instance kURL values', () => {
    const embedded = events.find(e => e.instanceId === '3c5e7a9b1d2f')!;
    const { drafts, ignored } = mapEventCheckIns(
      [
        { ...embedded, fieldName: 'k8sDistribution', newValue: 'kurl' },
        { ...embedded, fieldName: 'isKurl', newValue: 'true', at: 1 },
        { ...embedded, fieldName: 'kurlNodeCountTotal', newValue: '3', at: 2 },
      ],
      context,
    );
    expect(drafts.map(d => d.fields)).toEqual([{ kurlNodesTotal: 3 }]);
    expect(ignored).toBe(2);
    // The same events on an existing cluster say kURL.
    const other = mapEventCheckIns(
      [{ ...embedded, fieldName: 'isKurl', newValue: 'true' }],
      { ...context, embeddedInstanceIds: new Set() },
    );
    expect(other.drafts[0].fields).toEqual({ clusterType: 'kurl' });
  });

  it('maps the channel id to its slug and skips unknown channels', () => {
    const [event] = events;
    const { drafts, ignored } = mapEventCheckIns(
      [
        {
          ...event,
          fieldName: 'channelId',
          newValue: '2hZtR1bK4xBetaQw8Rt5Yu1Io0P',
        },
        { ...event, fieldName: 'channelId', newValue: 'unknown', at: 1 },
      ],
      context,
    );
    expect(drafts.map(d => d.fields)).toEqual([{ channelSlug: 'beta' }]);
    expect(ignored).toBe(1);
  });
});
