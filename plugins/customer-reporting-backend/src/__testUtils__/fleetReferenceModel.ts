import { DAY } from './referenceModel';
import { ModelInstance, modelInstance } from './instanceReferenceModel';
import { modelCustomer } from './customerReferenceModel';
import { TimelineCase } from './randomTimeline';
import {
  CHANNELS,
  LICENSE_LABELS,
  ModelCustomerRecord,
} from './randomCustomer';

/*
 * The reference model's figures over several customers (docs/metrics.md,
 * docs/adoption.md "The catalog Customers card") and of one instance's
 * details page, from the per-instance model of referenceModel.ts.
 */

/** A customer of the fleet: its timeline as ingested so far, and its record. */
export interface FleetCase {
  c: TimelineCase;
  rec: ModelCustomerRecord;
}

const iso = (t: number) => new Date(t).toISOString();
const EXPIRING_SOON = 30 * DAY;

/** Answers already worked out: several figures look at one fleet at one asOf. */
const memo = new WeakMap<FleetCase, Map<number, ModelInstance[]>>();

/** The customer's instances at asOf, by id. */
export function fleetInstances(f: FleetCase, asOf: number): ModelInstance[] {
  const known = memo.get(f) ?? new Map<number, ModelInstance[]>();
  memo.set(f, known);
  if (!known.has(asOf)) known.set(asOf, instancesAt(f, asOf));
  return known.get(asOf)!;
}

function instancesAt(f: FleetCase, asOf: number): ModelInstance[] {
  return f.c.instanceIds
    .flatMap(
      id =>
        modelInstance(f.c.checkIns, id, asOf, {
          archived: f.c.archived.includes(id),
          releases: CHANNELS[f.rec.channelSlug].releases,
        }) ?? [],
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A customer list item at asOf (undefined: the customer did not exist yet). */
export function modelListItem(f: FleetCase, asOf: number) {
  const { rec } = f;
  if (rec.createdAt > asOf) return undefined;
  const { list } = modelCustomer(fleetInstances(f, asOf), rec.createdAt);
  return {
    id: rec.id,
    name: rec.name,
    email: rec.email,
    customId: rec.customId,
    owner: null,
    appSlug: 'test-app',
    channelSlug: rec.channelSlug,
    channelName: CHANNELS[rec.channelSlug].name,
    licenseType: rec.licenseType,
    licenseTypeLabel: LICENSE_LABELS[rec.licenseType],
    createdAt: iso(rec.createdAt),
    expiresAt: rec.expiresAt === null ? null : iso(rec.expiresAt),
    archived: rec.archived,
    expired: rec.expiresAt !== null && rec.expiresAt <= asOf,
    expiringSoon:
      rec.expiresAt !== null &&
      rec.expiresAt > asOf &&
      rec.expiresAt <= asOf + EXPIRING_SOON,
    ...list,
  };
}
export type ModelListItem = NonNullable<ReturnType<typeof modelListItem>>;

/** The customers a list filter finds at asOf, in the default order (name). */
export function modelList(
  fleet: FleetCase[],
  asOf: number,
  keep: (item: ModelListItem) => boolean,
) {
  return fleet
    .flatMap(f => modelListItem(f, asOf) ?? [])
    .filter(keep)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The catalog Customers card: customers that existed at asOf, and over
 * the instances the report lists by default (active online and
 * unarchived air gap), versions, customers behind and the worst uptime.
 * `worstUptime` is the lowest ratio; which instance shows on a tie is not
 * defined, so the caller accepts any with that ratio.
 */
export function modelCustomerFigures(fleet: FleetCase[], asOf: number) {
  const existing = fleet.filter(f => f.rec.createdAt <= asOf);
  const listed = existing.flatMap(f =>
    fleetInstances(f, asOf)
      .filter(i => i.active)
      .map(i => ({ f, i })),
  );
  const versions: Record<string, number> = {};
  for (const { i } of listed)
    versions[String(i.appVersion)] = (versions[String(i.appVersion)] ?? 0) + 1;
  const rated = listed.filter(({ i }) => i.uptime.ratio !== null);
  const lowest = Math.min(...rated.map(({ i }) => i.uptime.ratio!));
  return {
    customers: existing.length,
    activeCustomers: new Set(listed.map(({ f }) => f.rec.id)).size,
    versions,
    customersBehind: new Set(
      listed
        .filter(({ i }) => (i.versionsBehind ?? 0) > 0)
        .map(({ f }) => f.rec.id),
    ).size,
    worstUptime: rated.length ? lowest : null,
    worstCandidates: rated
      .filter(({ i }) => i.uptime.ratio === lowest)
      .map(({ i }) => i.id),
  };
}

/** A report row of the model: the instance without the model's extras. */
export function modelReportRow(m: ModelInstance) {
  const {
    events,
    eventTimes,
    activeOnline,
    release,
    releaseSequence,
    customMetrics,
    ...row
  } = m;
  return row;
}

/** `GET /v1/instances/{id}` at asOf, from the instance's model. */
export function modelInstanceDetails(
  f: FleetCase,
  m: ModelInstance,
  asOf: number,
) {
  const { release } = m;
  const firstReady = m.firstReadyAt && Date.parse(m.firstReadyAt);
  const releases = CHANNELS[f.rec.channelSlug].releases.filter(
    r => r.promotedAt <= asOf,
  );
  const newest = Math.max(...releases.map(r => r.promotedAt));
  return {
    instance: modelReportRow(m),
    customer: {
      id: f.rec.id,
      name: f.rec.name,
      appSlug: 'test-app',
      licenseType: f.rec.licenseType,
      createdAt: iso(f.rec.createdAt),
    },
    insights: {
      uptimeRatio: m.uptime.ratio,
      instanceTimeToInstallSeconds: firstReady
        ? (firstReady - Date.parse(m.firstSeenAt)) / 1000
        : null,
      licenseTimeToInstallSeconds: firstReady
        ? (firstReady - f.rec.createdAt) / 1000
        : null,
      // Absolute: asOf − promotion; relative: latest − running, whole days.
      versionAgeSeconds: release
        ? Math.round((asOf - release.promotedAt) / 1000)
        : null,
      relativeVersionAgeDays: release
        ? Math.floor((newest - release.promotedAt) / DAY)
        : null,
      versionsBehind: m.versionsBehind,
    },
    // The check-ins report no cluster id, channel or preflight status.
    information: {
      clusterId: null,
      channelSlug: null,
      releaseSequence: m.releaseSequence,
      preflightStatus: null,
    },
    customMetrics: m.customMetrics,
  };
}
