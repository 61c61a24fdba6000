import { NotFoundError } from '@backstage/errors';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { InstanceRow } from '../database/instancesAsOf';
import { decodeField, METRIC_FIELD_PREFIX } from '../ingest/checkInFields';
import { ResourceState } from '@customer-reporting/plugin-customer-reporting-common';
import { instanceActivity } from '../metrics/activity';
import { leastAvailableFirst } from '../metrics/resourceStates';
import { versionStanding } from '../metrics/versions';
import { fourteenDays } from './fourteenDays';
import { toReportInstance } from './instanceView';

/** An instance as it was at `asOf`, with its customer; NotFoundError otherwise. */
export async function loadInstance(
  store: DatabaseReportStore,
  instanceId: string,
  asOf: number,
) {
  const instance = await store.getInstance(instanceId, asOf);
  const customer = instance && (await store.getCustomer(instance.customerId));
  if (!instance || !customer)
    throw new NotFoundError(`Unknown instance: ${instanceId}`);
  return { instance, customer };
}

/**
 * `GET /v1/instances/{id}`: current state, insights (14-day uptime ratio,
 * both times to install, version age), information, custom metrics and
 * resource states.
 */
export async function buildInstanceDetails(
  store: DatabaseReportStore,
  instanceId: string,
  options: { asOf: number; activeWindowMs: number },
) {
  const { asOf } = options;
  const { instance, customer } = await loadInstance(store, instanceId, asOf);
  const days = fourteenDays(asOf);
  const [timelines, releases] = await Promise.all([
    store.getStatusTimelines([instance.id], days.start, asOf),
    store.getReleases(customer.app_slug),
  ]);
  const field = <T>(name: string) =>
    decodeField<T>(instance.state, name) ?? null;
  const channelReleases =
    releases.get(field<string>('channelSlug') ?? customer.channel_slug) ?? [];
  const activity = instanceActivity(
    { ...instance, airgap: field<boolean>('airgap') ?? false },
    asOf,
    options.activeWindowMs,
  );
  const view = toReportInstance(
    instance,
    activity,
    channelReleases,
    asOf,
    days.uptimeOf(timelines.get(instance.id)!),
  );
  const standing = versionStanding(
    channelReleases,
    {
      sequence: field<number>('releaseSequence'),
      versionLabel: field<string>('appVersion'),
    },
    asOf,
  );
  const createdAt = Number(customer.created_at);
  return {
    instance: view,
    customer: {
      id: customer.id,
      name: customer.name,
      appSlug: customer.app_slug,
      licenseType: customer.license_type,
      createdAt: new Date(Number(customer.created_at)).toISOString(),
    },
    insights: {
      uptimeRatio: view.uptime.ratio,
      instanceTimeToInstallSeconds: secondsBetween(
        instance.firstSeenAt,
        instance.firstReadyAt,
      ),
      licenseTimeToInstallSeconds: secondsBetween(
        createdAt,
        instance.firstReadyAt,
      ),
      versionAgeSeconds: standing.ageSeconds,
      relativeVersionAgeDays: standing.relativeAgeDays,
      versionsBehind: standing.versionsBehind,
    },
    information: {
      clusterId: field<string>('clusterId'),
      channelSlug: field<string>('channelSlug'),
      releaseSequence: field<number>('releaseSequence'),
      preflightStatus: field<string>('preflightStatus'),
    },
    customMetrics: customMetrics(instance),
    // The state rewound to asOf holds the list of the latest check-in by
    // then that reported one.
    resources: leastAvailableFirst(
      field<ResourceState[]>('resourceStates') ?? [],
    ),
  };
}

function secondsBetween(from: number, to: number | null): number | null {
  return to === null ? null : Math.round((to - from) / 1000);
}

/** Metric values are what check-ins reported: ingest accepts only these types. */
type MetricValue = string | number | boolean;

function customMetrics(instance: InstanceRow): Record<string, MetricValue> {
  return Object.fromEntries(
    Object.keys(instance.state)
      .filter(f => f.startsWith(METRIC_FIELD_PREFIX))
      .sort()
      .map(f => [
        f.slice(METRIC_FIELD_PREFIX.length),
        decodeField(instance.state, f) as MetricValue,
      ]),
  );
}
