import { CUSTOMER_IDS, fixtureCustomer } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { mapInstanceCheckIns } from './mapInstanceCheckIns';
import { parseInstances } from './parseInstances';

const t = (iso: string) => Date.parse(iso);

describe('mapInstanceCheckIns', () => {
  const { channelSlugById } = parsedNimbus();

  it('maps every field of an instance: first seen, each version interval, the current state', () => {
    const { customer, instances } = parsedCustomer('acme');
    const base = { instanceId: '7f3b2c9e1a4d', customerId: customer.id };
    const cluster = {
      clusterId: 'c-91ab77',
      airgap: false,
      clusterType: 'kurl',
    };
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
        at: t('2024-03-10T14:00:00Z'),
        fields: { ...cluster, ...v220 },
      },
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
          kurlNodesTotal: 3,
          kurlNodesReady: 3,
          kotsVersion: 'v1.109.3',
          cloudProvider: 'aws',
          tags: { name: 'prod-eu', env: 'production' },
        },
      },
    ]);
  });

  it('takes the newest version as current whatever order versionHistory comes in', () => {
    const { customer, instances } = parsedCustomer('acme');
    const [raw] = fixtureCustomer(CUSTOMER_IDS.acme).instances as {
      versionHistory: unknown[];
    }[];
    const oldestFirst = parseInstances(
      [{ ...raw, versionHistory: [...raw.versionHistory].reverse() }],
      customer.id,
      testLogger(),
    ).instances[0];
    expect(oldestFirst.versionHistory[0].versionLabel).toBe('2.3.1');
    expect(
      mapInstanceCheckIns(oldestFirst, customer.id, channelSlugById),
    ).toEqual(mapInstanceCheckIns(instances[0], customer.id, channelSlugById));
  });

  it('leaves out the start of a version a versionLabel event reports', () => {
    const { customer, instances } = parsedCustomer('acme');
    const times = mapInstanceCheckIns(
      instances[0],
      customer.id,
      channelSlugById,
      new Set(['2.3.1']),
    ).map(d => new Date(d.at).toISOString());
    expect(times).not.toContain('2024-06-21T02:00:00.000Z');
    expect(times).toContain('2024-06-21T01:55:00.000Z');
  });

  it('keeps Embedded Cluster, air gap and Helm-only instances apart', () => {
    const current = (name: 'globex' | 'initech' | 'acme', index = 0) => {
      const { customer, instances } = parsedCustomer(name);
      return mapInstanceCheckIns(
        instances[index],
        customer.id,
        channelSlugById,
      ).at(-1)!.fields;
    };
    // Embedded Cluster, with its node counts, never kURL.
    expect(current('globex')).toEqual(
      expect.objectContaining({
        clusterType: 'embedded',
        kurlNodesTotal: 3,
        kurlNodesReady: 2,
        kotsVersion: 'v1.110.0',
      }),
    );
    // Air gap on an existing cluster: no node counts.
    const airgap = current('acme', 1);
    expect(airgap).toEqual(
      expect.objectContaining({ airgap: true, clusterType: 'existing' }),
    );
    expect(airgap).not.toHaveProperty('kurlNodesTotal');
    // Helm only: the SDK reports, no KOTS.
    const helm = current('initech');
    expect(helm).toEqual(
      expect.objectContaining({ clusterType: 'existing', sdkVersion: '1.0.0' }),
    );
    expect(helm).not.toHaveProperty('kotsVersion');
  });
});
