import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { mapInstanceCheckIns } from './mapInstanceCheckIns';

const t = (iso: string) => Date.parse(iso);

describe('mapInstanceCheckIns', () => {
  const { channelSlugById } = parsedNimbus();

  it('maps every field of an instance: first seen, each version interval, the current state', () => {
    const { customer, instances } = parsedCustomer('acme');
    const base = {
      instanceId: '7f3b2c9e1a4d',
      customerId: customer.id,
    };
    const cluster = { clusterId: 'c-91ab77', airgap: false };
    const v220 = {
      appVersion: '2.2.0',
      releaseSequence: 38,
      channelSlug: 'stable',
    };
    const v231 = {
      appVersion: '2.3.1',
      releaseSequence: 42,
      channelSlug: 'stable',
    };

    expect(
      mapInstanceCheckIns(instances[0], customer.id, channelSlugById),
    ).toEqual([
      { ...base, at: t('2024-03-10T14:00:00Z'), fields: cluster },
      {
        ...base,
        at: t('2024-03-10T15:30:00Z'),
        fields: { ...cluster, ...v220 },
      },
      // `intervallast` in the record: field names are read in any casing.
      {
        ...base,
        at: t('2024-06-21T01:55:00Z'),
        fields: { ...cluster, ...v220 },
      },
      {
        ...base,
        at: t('2024-06-21T02:00:00Z'),
        fields: { ...cluster, ...v231 },
      },
      {
        ...base,
        at: t('2024-07-02T11:40:00Z'),
        fields: { ...cluster, ...v231 },
      },
      {
        ...base,
        at: t('2024-07-02T11:40:00Z'),
        fields: {
          ...cluster,
          ...v231,
          appStatus: 'ready',
          k8sVersion: 'v1.29.4',
          clusterType: 'kurl',
          kurlNodesTotal: 3,
          kurlNodesReady: 3,
          kotsVersion: 'v1.109.3',
          sdkVersion: '1.0.0-beta.20',
          cloudProvider: 'aws',
          // The tag `Name` is the display name whatever its casing.
          tags: { name: 'prod-eu', env: 'production' },
        },
      },
    ]);
  });

  it('keeps air gap on every check-in and leaves out what the record does not have', () => {
    const { customer, instances } = parsedCustomer('acme');
    const drafts = mapInstanceCheckIns(
      instances[1],
      customer.id,
      channelSlugById,
    );
    expect(drafts.every(d => d.fields.airgap === true)).toBe(true);
    expect(drafts.at(-1)!.fields).toEqual({
      clusterId: 'c-airgap-01',
      airgap: true,
      appVersion: '2.2.0',
      releaseSequence: 38,
      channelSlug: 'stable',
      appStatus: 'degraded',
      k8sVersion: 'v1.28.9',
      clusterType: 'existing',
      kotsVersion: 'v1.108.0',
    });
  });

  it('reads status in any casing, keeps ten tags, skips placeholder times', () => {
    const { customer, instances } = parsedCustomer('initech');
    const drafts = mapInstanceCheckIns(
      instances[0],
      customer.id,
      channelSlugById,
    );
    const current = drafts.at(-1)!;
    expect(current.fields.appStatus).toBe('updating');
    expect(current.fields.k8sDistribution).toBe('k3s');
    expect(Object.keys(current.fields.tags!)).toHaveLength(10);
    // An empty cloud is no cloud.
    expect(current.fields).not.toHaveProperty('cloudProvider');
    // 2.3.1's intervalLast is Go's zero time: only its start is a check-in.
    expect(
      drafts.filter(d => d.fields.appVersion === '2.3.1').map(d => d.at),
    ).toEqual([t('2024-07-02T12:10:00Z'), t('2024-07-02T12:30:00Z')]);
  });

  it('skips a malformed instance record and logs it, keeping the others', () => {
    const { instances, logger } = parsedCustomer('acme');
    expect(instances.map(i => i.instanceId)).toEqual([
      '7f3b2c9e1a4d',
      'a9e04d7c21b8',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped a malformed instance of customer .*instanceid/,
      ),
    );
  });
});
