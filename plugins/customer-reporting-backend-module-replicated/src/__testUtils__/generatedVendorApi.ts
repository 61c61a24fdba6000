import fc from 'fast-check';
import spec from '../../dev/vendor-api-v3.swagger.json';
import { VendorApiFixtures } from '../../dev/vendorApiHandlers';
import {
  createSpecArbitraries,
  PropertyOverride,
  plainStrings,
  timeStrings,
} from './specArbitraries';

/** The app slug the sync is configured with; most generated app lists have it. */
export const GENERATED_APP_SLUG = 'fuzzed';

/*
 * Small pools of ids, so that generated records refer to each other:
 * customers to their channels, events, install attempts and Enterprise
 * Portal records to customers and instances. Each pool has one id the
 * ingest cannot take, as a real account may.
 */
export const APP_IDS = ['app-1', 'app-2'];
const CHANNEL_IDS = ['ch-stable', 'ch-beta', 'ch-gone', 'not an id?'];
/** Channels whose release history the fake serves; others answer 404. */
const CHANNELS_WITH_RELEASES = CHANNEL_IDS.slice(0, 2);
export const CUSTOMER_IDS = [
  'cust-1',
  'cust-2',
  'cust-3',
  'cust-4',
  'not an id?',
];
const INSTANCE_IDS = ['inst-1', 'inst-2', 'inst-3', 'inst-4', 'inst 5'];
const ATTEMPT_IDS = ['ia-1', 'ia-2', 'ia-3'];
/** Replicated's license types (`LicenseType`), in the casings seen. */
const LICENSE_TYPES = [
  'prod',
  'PROD',
  'trial',
  'dev',
  'community',
  'test',
  'paid',
];

/** The instance event fields the module reads (docs/replicated.md), and others. */
const EVENT_FIELDS = [
  ...['appStatus', 'versionLabel', 'channelId', 'kotsVersion', 'isKurl'],
  ...['k8sVersion', 'k8sDistribution', 'kurlNodeCountTotal'],
  ...['kurlNodeCountReady', 'cloudProvider', 'cloudProviderRegion'],
  ...['preflightCheckStatus', 'numberVersionsBehind', 'kurlInstallerSpecID'],
];

/** A property the module needs, so absent only now and then. */
const usually: PropertyOverride = { absentOneIn: 20 };
const pool = (ids: string[]): PropertyOverride => ({
  ...usually,
  value: fc.constantFrom(...ids),
});
/** Mostly `value`, else any text: a value the module reads, or not. */
const mostly = (value: fc.Arbitrary<string>, text: fc.Arbitrary<string>) => ({
  ...usually,
  value: fc.oneof(
    { weight: 4, arbitrary: value },
    { weight: 1, arbitrary: text },
  ),
});

/** One value of `arbitrary` per key, as a record. */
function perKey<T>(keys: string[], arbitrary: fc.Arbitrary<T>) {
  return fc
    .tuple(...keys.map(() => arbitrary))
    .map(values => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
}

const responseSchema = (name: string) =>
  (spec.responses as Record<string, { schema?: object }>)[name].schema!;

/**
 * Whole Vendor API accounts for createVendorApiHandlers, every record and
 * answer generated from the specification (specArbitraries.ts) with its
 * ids drawn from the pools above: the answers of `GET /apps` and
 * `/supportbundles`, and per app (or channel) the customers with their
 * instances, instance events, channel releases and Enterprise Portal
 * lists. Customer ids are unique within an app and instance ids across
 * its customers, as the API's keys are; everything else may repeat.
 */
export function generatedVendorApi(now: number) {
  const times = timeStrings(now);
  const text = plainStrings(now);
  const arbitraries = createSpecArbitraries({
    now,
    overrides: {
      'AppWithChannels.id': pool(APP_IDS),
      'AppWithChannels.slug': mostly(fc.constant(GENERATED_APP_SLUG), text),
      'AppWithChannels.name': usually,
      'Channel.id': pool(CHANNEL_IDS),
      'Channel.name': usually,
      'CustomerChannelWithDetail.id': pool(CHANNEL_IDS),
      'CustomerInstanceVersionHistory.downstreamChannelId': pool(CHANNEL_IDS),
      'KotsChannelRelease.channelSequence': usually,
      'KotsChannelRelease.releasedAt': usually,
      'Customer.id': pool(CUSTOMER_IDS),
      'Customer.name': usually,
      'Customer.type': mostly(fc.constantFrom(...LICENSE_TYPES), text),
      'Customer.createdAt': usually,
      'Customer.isEnterprisePortalEnabled': usually,
      'CustomerInstance.instanceId': pool(INSTANCE_IDS),
      'Instance.id': pool(INSTANCE_IDS),
      'InstallAttempt.id': pool(ATTEMPT_IDS),
      'InstallAttempt.customer_id': pool(CUSTOMER_IDS),
      'InstallAttempt.instance_id': pool(INSTANCE_IDS),
      'InstallAttempt.started_at': usually,
      'CustomerUser.customerId': pool(CUSTOMER_IDS),
      'CustomerUser.emailAddress': usually,
      'ServiceAccount.customerId': pool(CUSTOMER_IDS),
      'SupportBundle.customerId': pool(CUSTOMER_IDS),
      'SupportBundle.instanceId': pool(INSTANCE_IDS),
      'InstanceEvent.customerId': pool(CUSTOMER_IDS),
      'InstanceEvent.instanceId': pool(INSTANCE_IDS),
      'InstanceEvent.fieldName': mostly(fc.constantFrom(...EVENT_FIELDS), text),
      'InstanceEvent.isCustom': {
        value: fc.oneof(fc.constantFrom('true', 'false', 'TRUE'), text),
      },
      'InstanceEvent.newValue': {
        ...usually,
        value: fc.oneof(fc.constantFrom(...CHANNEL_IDS), text),
      },
      // A plain string in the specification; the fake filters by it.
      'InstanceEvent.reportedAt': { ...usually, value: times },
    },
  });
  const records = (name: string, maxLength: number, minLength = 0) =>
    fc.array(arbitraries.definition(name), { minLength, maxLength });

  const customers = fc
    .uniqueArray(arbitraries.definition('Customer'), {
      selector: c => c.id,
      minLength: 1,
      maxLength: 5,
    })
    .map(withUniqueInstanceIds);
  const eventsSchema = responseSchema('listAppInstanceEventsResponse') as {
    items: object;
  };

  return fc.record({
    // listAppsResponse, with at least one app: an empty list only fails.
    apps: fc.record({ apps: records('AppWithChannels', 3, 1) }),
    customers: perKey(APP_IDS, customers),
    events: perKey(
      APP_IDS,
      fc.array(arbitraries.schema(eventsSchema.items, 'InstanceEvent'), {
        maxLength: 12,
      }),
    ),
    releases: perKey(CHANNELS_WITH_RELEASES, records('KotsChannelRelease', 4)),
    installAttempts: perKey(APP_IDS, records('InstallAttempt', 6)),
    customerUsers: perKey(APP_IDS, records('CustomerUser', 5)),
    serviceAccounts: perKey(APP_IDS, records('ServiceAccount', 3)),
    portalInstances: perKey(
      APP_IDS,
      perKey(CUSTOMER_IDS, records('Instance', 2)),
    ),
    supportBundles: arbitraries.schema(
      responseSchema('listSupportBundles'),
      'listSupportBundles',
    ),
  }) as fc.Arbitrary<VendorApiFixtures>;
}

/** The customers with each instance id kept on its first customer only. */
function withUniqueInstanceIds(customers: Record<string, unknown>[]) {
  const seen = new Set<unknown>();
  return customers.map(customer => {
    if (!Array.isArray(customer.instances)) return customer;
    const instances = customer.instances.filter(instance => {
      const id = (instance as { instanceId?: unknown }).instanceId;
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return { ...customer, instances };
  });
}
