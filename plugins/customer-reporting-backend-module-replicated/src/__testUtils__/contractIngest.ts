import { InputError, NotFoundError } from '@backstage/errors';
import {
  APP_STATUSES,
  LICENSE_TYPES,
  MAX_INGEST_BATCH_ITEMS,
  resourceStateKey,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { IngestComponent, ingestSchemaErrors } from './ingestSpec';

interface Issue {
  index: number | null;
  field: string;
  message: string;
}

/** The ingest refuses times before this (placeholders, not data). */
const EARLIEST = Date.UTC(1990, 0, 1);

const STATUSES: ReadonlySet<string> = new Set(APP_STATUSES);
const isStatus = (value: unknown) =>
  typeof value === 'string' && STATUSES.has(value.toLowerCase());

/** An issue when `value` is not an ISO time within [from, to]. */
function timeIssue(
  value: unknown,
  field: string,
  index: number | null,
  [from, to]: [number, number],
): Issue[] {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return ms >= from && ms <= to
    ? []
    : [{ index, field, message: `${String(value)} is not within the window` }];
}

function schemaIssue(
  component: IngestComponent,
  value: unknown,
  index: number | null,
): Issue[] {
  const errors = ingestSchemaErrors(component, value);
  return errors ? [{ index, field: component, message: errors }] : [];
}

/**
 * An ingest that holds every call of a data source to the backend's
 * contract: the component schemas of its OpenAPI document (ingestSpec.ts)
 * and the rules they cannot state: times within the window (check-ins from
 * `oldest`, nothing after `now`, since the source clamps), one check-in per
 * instance and time, no app status beside resource states, each resource
 * listed once, no more kURL
 * nodes ready than in total, known customers
 * and channels, unique channel slugs and release sequences. A call that
 * breaks it is recorded in `violations` and answered as the backend
 * answers (InputError with indexed issues, NotFoundError for unknown
 * customers), so the source's own refusal handling runs as in production.
 */
export function contractIngest(window: { now: number; oldest: number }) {
  const violations: string[] = [];
  const channelsByApp = new Map<string, Set<string>>();
  const customers = new Set<string>();
  const checkInKeys = new Set<string>();
  const instancesWithCheckIns = new Set<string>();
  const archived = new Set<string>();
  const accepted = { checkIns: 0, attemptEvents: 0, portalEvents: 0 };
  const anyTime: [number, number] = [EARLIEST, window.now];

  function refuse(what: string, issues: Issue[]) {
    if (issues.length === 0) return;
    violations.push(
      `${what}: ${issues
        .map(i => `${i.index ?? ''} ${i.field} ${i.message}`)
        .join('; ')}`,
    );
    throw Object.assign(new InputError(`Invalid ${what}`), { issues });
  }

  function requireCustomers(what: string, items: { customerId?: unknown }[]) {
    const unknown = items.filter(i => !customers.has(String(i.customerId)));
    if (unknown.length === 0) return;
    violations.push(`${what} of unknown customer ${unknown[0].customerId}`);
    throw new NotFoundError(`Unknown customer ${unknown[0].customerId}`);
  }

  /** Refuses an over-long batch whole, else its bad items by index. */
  function checkBatch(what: string, items: any[], itemIssues: Issue[]) {
    refuse(
      what,
      items.length > MAX_INGEST_BATCH_ITEMS
        ? [{ index: null, field: what, message: `${items.length} items` }]
        : itemIssues,
    );
    requireCustomers(what, items);
  }

  const ingest: CustomerReportingIngest = {
    async putApp(slug, app: any) {
      const channels: { slug: string; releases?: any[] }[] =
        app?.channels ?? [];
      const issues = [
        ...schemaIssue('Slug', slug, null),
        ...schemaIssue('AppInput', app, null),
      ];
      if (new Set(channels.map(c => c.slug)).size !== channels.length)
        issues.push({ index: null, field: 'channels', message: 'repeated' });
      for (const channel of channels) {
        const releases = channel.releases ?? [];
        const sequences = new Set(releases.map(r => r.sequence));
        if (sequences.size !== releases.length)
          issues.push({
            index: null,
            field: `${channel.slug}.releases`,
            message: 'repeat a sequence',
          });
        releases.forEach((r, i) =>
          issues.push(
            ...timeIssue(r.promotedAt, `releases.${i}`, null, anyTime),
          ),
        );
      }
      refuse(`app ${slug}`, issues);
      channelsByApp.set(slug, new Set(channels.map(c => c.slug)));
      return app;
    },

    async putCustomer(id, customer: any) {
      const issues = [
        ...schemaIssue('Id', id, null),
        ...schemaIssue('CustomerInput', customer, null),
        ...timeIssue(customer?.createdAt, 'createdAt', null, anyTime),
      ];
      const type = String(customer?.licenseType).toLowerCase();
      if (
        !(LICENSE_TYPES as readonly string[]).includes(type) &&
        type !== 'prod'
      )
        issues.push({ index: null, field: 'licenseType', message: type });
      if (typeof customer?.expiresAt === 'string')
        issues.push(
          ...timeIssue(customer.expiresAt, 'expiresAt', null, [
            EARLIEST,
            Infinity,
          ]),
        );
      if (!channelsByApp.get(customer?.appSlug)?.has(customer?.channelSlug))
        issues.push({ index: null, field: 'channelSlug', message: 'unknown' });
      refuse(`customer ${id}`, issues);
      customers.add(id);
    },

    async ingestCheckIns({ checkIns }) {
      const items = checkIns as any[];
      const keys = new Set<string>();
      const issues = items.flatMap((c, index) => {
        const key = `${c.instanceId}@${c.at}`;
        const repeated = checkInKeys.has(key) || keys.has(key);
        keys.add(key);
        const statuses = [
          ...(c.appStatus === undefined ? [] : [c.appStatus]),
          ...(c.resourceStates ?? []).map((r: any) => r.state),
        ];
        return [
          ...schemaIssue('CheckIn', c, index),
          ...timeIssue(c.at, 'at', index, [window.oldest, window.now]),
          ...(repeated
            ? [{ index, field: 'at', message: `repeats ${key}` }]
            : []),
          ...(c.resourceStates && c.appStatus !== undefined
            ? [{ index, field: 'appStatus', message: 'beside resourceStates' }]
            : []),
          ...(new Set((c.resourceStates ?? []).map(resourceStateKey)).size <
          (c.resourceStates ?? []).length
            ? [{ index, field: 'resourceStates', message: 'repeat one' }]
            : []),
          ...(statuses.every(isStatus)
            ? []
            : [{ index, field: 'appStatus', message: statuses.join() }]),
          ...(c.kurlNodesReady > c.kurlNodesTotal
            ? [{ index, field: 'kurlNodesReady', message: 'above the total' }]
            : []),
          ...Object.entries(c.customMetrics ?? {})
            .filter(([, v]) => typeof v === 'number' && !Number.isFinite(v))
            .map(([k]) => ({ index, field: k, message: 'is not finite' })),
        ];
      });
      checkBatch('check-ins', items, issues);
      for (const c of items) {
        checkInKeys.add(`${c.instanceId}@${c.at}`);
        instancesWithCheckIns.add(c.instanceId);
      }
      accepted.checkIns += items.length;
      return { accepted: items.length, duplicates: 0 };
    },

    async ingestInstallAttemptEvents({ events }) {
      const items = events as any[];
      checkBatch(
        'install attempt events',
        items,
        items.flatMap((e, index) => [
          ...schemaIssue('AttemptEvent', e, index),
          ...timeIssue(e.at, 'at', index, anyTime),
        ]),
      );
      accepted.attemptEvents += items.length;
      return { accepted: items.length, duplicates: 0 };
    },

    async ingestPortalEvents({ events }) {
      const items = events as any[];
      checkBatch(
        'portal events',
        items,
        items.flatMap((e, index) => [
          ...schemaIssue('PortalEvent', e, index),
          ...timeIssue(e.at, 'at', index, anyTime),
        ]),
      );
      accepted.portalEvents += items.length;
      return { accepted: items.length, duplicates: 0 };
    },

    async countCustomers() {
      return customers.size;
    },

    async archiveInstances(instanceIds) {
      // As the backend: ids without stored check-ins are ignored.
      const fresh = instanceIds.filter(
        id => instancesWithCheckIns.has(id) && !archived.has(id),
      );
      fresh.forEach(id => archived.add(id));
      return fresh.length;
    },
  };
  return { ingest, violations, customers, accepted, archived };
}
