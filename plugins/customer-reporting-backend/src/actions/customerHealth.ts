import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { pickProperties, RegistryZodShape, schemaAt } from './specSchemas';
import { spec } from '../schema/openapi/generated';
import { RegistryZod, specToZod } from './specToZod';

/**
 * The projection of a customer's report that tells its health: the
 * customer's identity, license type, dates and activity, without its
 * license ID (the Helm registry password), contact details, features and
 * custom fields; the instance counts and time to install; per instance
 * its state and the uptime ratio, without the daily uptime bars, the
 * infrastructure details and tags; no portal or install attempts.
 */
const CUSTOMER = [
  'id',
  'name',
  'appSlug',
  'channel',
  'licenseType',
  'createdAt',
  'expiresAt',
  'archived',
  'active',
] as const;
const INSTANCE = [
  'id',
  'name',
  'status',
  'active',
  'airgap',
  'appVersion',
  'versionsBehind',
  'lastCheckInAt',
] as const;

type Report = CustomerReport;
type Instance = Report['instances'][number];

export type CustomerHealth = Pick<
  Report,
  'instanceCounts' | 'timeToInstall'
> & {
  customer: Pick<Report['customer'], (typeof CUSTOMER)[number]>;
  instances: Array<
    Pick<Instance, (typeof INSTANCE)[number]> & {
      uptimeRatio: Instance['uptime']['ratio'];
    }
  >;
};

const pick = <T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Pick<T, K> =>
  Object.fromEntries(keys.map(key => [key, value[key]])) as Pick<T, K>;

export function toCustomerHealth(report: CustomerReport): CustomerHealth {
  return {
    customer: pick(report.customer, CUSTOMER),
    instanceCounts: report.instanceCounts,
    timeToInstall: report.timeToInstall,
    instances: report.instances.map(instance => ({
      ...pick(instance, INSTANCE),
      uptimeRatio: instance.uptime.ratio,
    })),
  };
}

const customerMembers = pickProperties(
  schemaAt('CustomerReport', ['customer']),
  CUSTOMER,
);
const reportMembers = pickProperties(schemaAt('CustomerReport'), [
  'instanceCounts',
  'timeToInstall',
]);
const instanceMembers = pickProperties(schemaAt('ReportInstance'), INSTANCE);
const UPTIME_RATIO = schemaAt('ReportInstance', ['uptime', 'ratio']);

/** The members of CustomerHealth, each with its schema in the spec. */
export function customerHealthShape(z: RegistryZod): RegistryZodShape {
  return {
    customer: z.object(customerMembers(z)).strict(),
    ...reportMembers(z),
    instances: z.array(
      z
        .object({
          ...instanceMembers(z),
          uptimeRatio: specToZod(z, spec, UPTIME_RATIO).describe(
            'Share of the last 14 days the instance was up',
          ),
        })
        .strict(),
    ),
  };
}
