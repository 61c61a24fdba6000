import { createHash } from 'crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CUSTOMER_APP_ANNOTATION,
  CUSTOMER_ID_ANNOTATION,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';

export const PROVIDER_NAME = 'customer-reporting-customers';

/** How every hashed entity name ends (after `customer-`). */
const HASH_SUFFIX = /(^|-)[0-9a-f]{8}$/;

/**
 * A name the catalog accepts ([a-z0-9-_.], at most 63 characters), one per
 * customer id: `customer-<id>` when the id is such a name already, else the
 * id made catalog-safe and cut, then a hash of the whole id, so that ids
 * that differ only in case, in `:` or `@`, or after their first 45
 * characters never share an entity.
 *
 * A hashed name always ends in `-` and 8 hex digits, so an id that is a
 * catalog name but ends that way (or is 8 hex digits) is hashed too: kept
 * plain, `<cleaned>-<hash>` copied from another id's name would take that
 * customer's entity. Ordinary ids keep their plain names.
 */
export function customerEntityName(customerId: string): string {
  const plain = `customer-${customerId}`;
  if (
    plain.length <= 63 &&
    /^[a-z0-9]+([-_.][a-z0-9]+)*$/.test(customerId) &&
    !HASH_SUFFIX.test(customerId)
  )
    return plain;
  const cleaned = customerId
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 45)
    .replace(/[^a-z0-9]+$/, '');
  const hash = createHash('sha256').update(customerId).digest('hex');
  return `customer-${cleaned ? `${cleaned}-` : ''}${hash.slice(0, 8)}`;
}

/**
 * The customer's report in the portal. `app.baseUrl` may be written with a
 * trailing slash; kept, it made `//customer-reporting/…`, a path the app's
 * routes do not match.
 */
export function customerReportUrl(appBaseUrl: string, customerId: string) {
  return `${portalRoot(appBaseUrl)}/customers/${encodeURIComponent(
    customerId,
  )}`;
}

/** The location key of every entity the module publishes. */
export function customerLocationKey(appBaseUrl: string) {
  return `url:${portalRoot(appBaseUrl)}`;
}

function portalRoot(appBaseUrl: string) {
  return `${appBaseUrl.replace(/\/+$/, '')}/customer-reporting`;
}

/**
 * A customer as a catalog `Resource` of type `customer`: owned by the
 * customer's owner (or the configured default group) and depending on the
 * components and systems that implement its app, so service owners see it
 * among their dependents.
 *
 * Every catalog reader sees the entity, so it carries only the name, app,
 * owner and a link to the report (which checks the reader's permission).
 * License type and channel are added only with `licenseDetails`
 * (`customerReporting.catalog.licenseDetails`).
 */
export function customerToEntity(
  customer: CustomerSummary,
  options: {
    defaultOwner: string;
    implementedBy: string[];
    reportUrl: string;
    locationKey: string;
    licenseDetails: boolean;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: customerEntityName(customer.id),
      namespace: 'default',
      title: customer.name,
      description: options.licenseDetails
        ? `${customer.licenseTypeLabel} customer of ${customer.appSlug} (${customer.channelName})`
        : `Customer of ${customer.appSlug}`,
      annotations: {
        [CUSTOMER_ID_ANNOTATION]: customer.id,
        [CUSTOMER_APP_ANNOTATION]: customer.appSlug,
        'backstage.io/managed-by-location': options.locationKey,
        'backstage.io/managed-by-origin-location': options.locationKey,
      },
      tags: [
        ...(options.licenseDetails ? [`license-${customer.licenseType}`] : []),
        ...(customer.archived ? ['archived'] : []),
      ],
      links: [
        { url: options.reportUrl, title: 'Customer report', icon: 'dashboard' },
      ],
    },
    spec: {
      type: 'customer',
      owner: customer.owner ?? options.defaultOwner,
      dependsOn: [...options.implementedBy].sort(),
    },
  };
}

/** Entity refs of the components and systems that implement each app. */
export function implementorsByApp(entities: Entity[]): Map<string, string[]> {
  const byApp = new Map<string, string[]>();
  for (const entity of entities) {
    const app = entity.metadata.annotations?.[CUSTOMER_APP_ANNOTATION];
    if (!app) continue;
    byApp.set(app, [...(byApp.get(app) ?? []), stringifyEntityRef(entity)]);
  }
  return byApp;
}
