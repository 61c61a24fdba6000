import { CUSTOMER_IDS, fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { checkInWindow } from './checkInWindow';
import { mapInstanceCheckIns } from './mapInstanceCheckIns';
import { parsePortalInstancePage } from './parsePortalInstances';

const t = (iso: string) => Date.parse(iso);
const acmeRecords = () =>
  fixtures.portalInstances[NIMBUS_APP_ID][CUSTOMER_IDS.acme];
const parse = (instances: unknown[]) =>
  parsePortalInstancePage({ instances, total: instances.length }, testLogger())
    .items;

describe('Enterprise Portal instances', () => {
  const { channelSlugById } = parsedNimbus();

  it('read the distribution, the first ready time and complete resource states', () => {
    const [kurl, airgap] = parse(acmeRecords());
    expect(kurl).toEqual({
      instanceId: '7f3b2c9e1a4d',
      k8sDistribution: 'kURL',
      firstReadyAt: t('2024-03-10T15:30:00Z'),
      lastCheckInAt: t('2024-07-02T11:40:00Z'),
      resourceStates: expect.arrayContaining([
        {
          kind: 'statefulset',
          namespace: 'nimbus',
          name: 'nimbus-db',
          state: 'ready',
        },
      ]),
    });
    expect(airgap.resourceStates?.map(r => r.state)).toEqual([
      'ready',
      'ready',
      'degraded',
    ]);
  });

  it('leave out a resource state list with an unusable entry (its rollup would be wrong), keeping the record', () => {
    const [record] = acmeRecords();
    const states = record.resourceStates as Record<string, unknown>[];
    for (const broken of [
      { ...states[0], namespace: undefined },
      { ...states[0], state: 'sleeping' },
      { ...states[0], name: 'x'.repeat(254) },
    ]) {
      const [parsed] = parse([
        { ...record, resourceStates: [broken, ...states.slice(1)] },
      ]);
      expect(parsed.instanceId).toBe('7f3b2c9e1a4d');
      expect(parsed.resourceStates).toBeUndefined();
    }
    expect(parse([{ ...record, resourceStates: [] }])[0].resourceStates).toBe(
      undefined,
    );
    // More than a check-in may carry.
    expect(
      parse([
        {
          ...record,
          resourceStates: Array.from({ length: 1001 }, (_, i) => ({
            ...states[0],
            name: `pod-${i}`,
          })),
        },
      ])[0].resourceStates,
    ).toBeUndefined();
    // Any case, as the ingest takes a status.
    expect(
      parse([
        { ...record, resourceStates: [{ ...states[0], state: 'Degraded' }] },
      ])[0].resourceStates?.[0].state,
    ).toBe('degraded');
  });

  it('keep the last state of a resource listed twice, and log it (the ingest refuses a repeat)', () => {
    const [record] = acmeRecords();
    const states = record.resourceStates as Record<string, string>[];
    const logger = testLogger();
    // The first resource again, spaced (the same once trimmed), in trouble.
    const again = {
      ...states[0],
      name: ` ${states[0].name} `,
      state: 'unavailable',
    };
    const {
      items: [parsed],
    } = parsePortalInstancePage(
      {
        instances: [
          {
            ...record,
            resourceStates: [...states, again],
          },
        ],
        total: 1,
      },
      logger,
    );
    expect(parsed.resourceStates).toHaveLength(states.length);
    expect(parsed.resourceStates).toContainEqual({
      kind: states[0].kind,
      namespace: states[0].namespace,
      name: states[0].name,
      state: 'unavailable',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'Enterprise Portal instance 7f3b2c9e1a4d lists 1 resource(s) more than once; kept the last state of each',
    );
  });

  it('become check-ins: ready at the first ready time, the distribution and the resource states at the last check-in', () => {
    const { customer, instances } = parsedCustomer('acme');
    const [kurl, airgap] = parse(acmeRecords());
    const drafts = mapInstanceCheckIns(
      { ...instances[1], portal: airgap },
      customer.id,
      channelSlugById,
    );
    expect(drafts).toContainEqual({
      instanceId: 'a9e04d7c21b8',
      customerId: customer.id,
      at: t('2024-05-15T08:40:00Z'),
      fields: {
        clusterId: 'c-airgap-01',
        airgap: true,
        clusterType: 'existing',
        appStatus: 'ready',
      },
    });
    // One check-in at the last check-in: the record's fields and the
    // resource states, whose rollup (degraded) sets the status.
    const { checkIns } = checkInWindow(drafts, {
      now: t('2024-07-02T12:00:00Z'),
      oldest: 0,
    });
    const last = checkIns.filter(c => c.at === '2024-06-30T16:00:00.000Z');
    expect(last).toEqual([
      expect.objectContaining({
        k8sDistribution: 'rke2',
        k8sVersion: 'v1.28.9',
        resourceStates: airgap.resourceStates,
      }),
    ]);
    expect(last[0]).not.toHaveProperty('appStatus');
    // `kURL` is stored lowercase; never on an Embedded Cluster instance.
    const kurlDrafts = mapInstanceCheckIns(
      { ...instances[0], portal: kurl },
      customer.id,
      channelSlugById,
    );
    expect(kurlDrafts.map(d => d.fields.k8sDistribution)).toContain('kurl');
    const embedded = mapInstanceCheckIns(
      { ...instances[0], isEmbeddedCluster: true, portal: kurl },
      customer.id,
      channelSlugById,
    );
    expect(embedded.map(d => d.fields.k8sDistribution)).not.toContain('kurl');
  });

  it('leave out a first ready time before the instance was first seen or after its last check-in', () => {
    const { customer, instances } = parsedCustomer('acme');
    const [, airgap] = parse(acmeRecords());
    const readyAt = (firstReadyAt: string) =>
      mapInstanceCheckIns(
        {
          ...instances[1],
          portal: { ...airgap, firstReadyAt: t(firstReadyAt) },
        },
        customer.id,
        channelSlugById,
      )
        .filter(d => d.fields.appStatus === 'ready')
        .map(d => new Date(d.at).toISOString());
    expect(readyAt('2024-05-15T07:59:00Z')).toEqual([]);
    expect(readyAt('2024-06-30T16:01:00Z')).toEqual([]);
    expect(readyAt('2024-06-30T16:00:00Z')).toEqual([
      '2024-06-30T16:00:00.000Z',
    ]);
  });

  it('change nothing for an instance the Enterprise Portal does not list', () => {
    const { customer, instances } = parsedCustomer('acme');
    expect(
      mapInstanceCheckIns(
        { ...instances[0], portal: undefined },
        customer.id,
        channelSlugById,
      ),
    ).toEqual(mapInstanceCheckIns(instances[0], customer.id, channelSlugById));
  });
});
