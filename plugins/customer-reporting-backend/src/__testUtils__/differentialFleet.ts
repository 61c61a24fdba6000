import { ModelInstance } from './instanceReferenceModel';
import { ModelAttempt } from './attemptReferenceModel';
import { differences } from './differentialRequests';
import {
  FleetCase,
  modelCustomerFigures,
  modelInstanceDetails,
  modelList,
  modelListItem,
  ModelListItem,
} from './fleetReferenceModel';
import { modelAdoption } from './adoptionReferenceModel';
import { CHANNELS, LICENSE_LABELS } from './randomCustomer';

/*
 * The differential test's comparisons of the routes that answer about an
 * instance's page, a whole fleet (customer list filters, the catalog card,
 * adoption) and the CSV exports, each against the reference model.
 */

type Get = (path: string) => Promise<any>;
const iso = (t: number) => new Date(t).toISOString();

export async function compareInstanceDetails(
  get: Get,
  f: FleetCase,
  m: ModelInstance,
  asOf: number,
) {
  const details = await get(`/v1/instances/${m.id}?asOf=${iso(asOf)}`);
  const expected = modelInstanceDetails(f, m, asOf);
  return [
    ...differences(`details ${m.id}`, details, expected),
    ...differences(
      `details ${m.id}.customMetrics keys`,
      Object.keys(details.customMetrics),
      Object.keys(expected.customMetrics),
    ),
  ];
}

/** The customer list with each filter, the catalog card and adoption at asOf. */
export async function compareFleetAt(
  get: Get,
  fleet: FleetCase[],
  own: FleetCase,
  asOf: number,
  deep: boolean,
) {
  const q = `asOf=${iso(asOf)}`;
  const out: string[] = [];
  // Between them the two activity filters list every customer; license
  // type and channel are combined to keep the requests few.
  const { licenseType, channelSlug } = own.rec;
  const filters: [string, (i: ModelListItem) => boolean][] = [
    ['active=true', i => i.active],
    ['active=false', i => !i.active],
    [
      `licenseType=${licenseType}&channelSlug=${channelSlug}`,
      i => i.licenseType === licenseType && i.channelSlug === channelSlug,
    ],
  ];
  for (const [filter, keep] of filters) {
    const list = await get(`/v1/customers?limit=500&${filter}&${q}`);
    const expected = modelList(fleet, asOf, keep);
    const ids = (items: { id: string }[]) => items.map(i => i.id).sort();
    out.push(
      ...differences(`list ${filter} ids`, ids(list.items), ids(expected)),
      ...differences(
        `list ${filter} totalCount`,
        list.totalCount,
        expected.length,
      ),
    );
    for (const item of list.items)
      out.push(
        ...differences(
          `list ${filter} ${item.id}`,
          item,
          expected.find(e => e.id === item.id) ?? null,
        ),
      );
  }

  const figures = await get(`/v1/apps/test-app/customer-figures?${q}`);
  const model = modelCustomerFigures(fleet, asOf);
  out.push(
    ...differences(
      'figures',
      {
        ...figures,
        versions: Object.fromEntries(
          figures.versions.map((v: any) => [String(v.version), v.instances]),
        ),
        worstUptime: figures.worstUptime?.ratio ?? null,
      },
      { ...model, worstCandidates: undefined },
    ),
    ...differences(
      'figures.versions.length',
      figures.versions.length,
      Object.keys(model.versions).length,
    ),
  );
  if (
    figures.worstUptime &&
    !model.worstCandidates.includes(figures.worstUptime.instanceId)
  )
    out.push(
      `figures.worstUptime: ${figures.worstUptime.instanceId}, model one of ${model.worstCandidates}`,
    );

  for (const range of deep ? (['30d', '180d'] as const) : (['30d'] as const)) {
    const adoption = await get(
      `/v1/apps/test-app/adoption?range=${range}&${q}`,
    );
    const expected = modelAdoption(fleet, asOf, range);
    out.push(
      ...differences(
        `adoption ${range}.points`,
        adoption.points,
        expected.points,
      ),
      ...differences(
        `adoption ${range}.points.length`,
        adoption.points.length,
        expected.points.length,
      ),
      ...differences(
        `adoption ${range}.releases`,
        Object.fromEntries(
          adoption.releases.map((r: any) => [
            `${r.channelSlug} ${r.sequence}`,
            r,
          ]),
        ),
        expected.releases,
      ),
      ...differences(
        `adoption ${range}.releases.length`,
        adoption.releases.length,
        Object.keys(expected.releases).length,
      ),
      ...differences(
        `adoption ${range}.median`,
        adoption.medianDaysToHalf,
        expected.medianDaysToHalf,
      ),
    );
  }
  return out;
}

/** RFC 4180 rows; bare cells are numbers, booleans or empty (null). */
export function parseCsv(text: string): unknown[][] {
  const rows: unknown[][] = [];
  for (const line of text.split('\r\n').filter(l => l !== '')) {
    const cells: unknown[] = [];
    const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[2] !== undefined) cells.push(m[2].replace(/""/g, '"'));
      else if (m[1] === '') cells.push(null);
      else if (m[1] === 'true' || m[1] === 'false') cells.push(m[1] === 'true');
      else cells.push(Number(m[1]));
      if (m[3] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

/** CSV rows as objects by column name. */
function records(text: string) {
  const [header, ...rows] = parseCsv(text);
  return rows.map(r => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}

/** The customer's rows of customers-instances.csv and install-attempts.csv. */
export async function compareExports(
  getText: (path: string) => Promise<string>,
  f: FleetCase,
  instances: ModelInstance[],
  attempts: ModelAttempt[],
  asOf: number,
) {
  const q = `asOf=${iso(asOf)}`;
  const item = modelListItem(f, asOf)!;
  const customer = {
    customer_id: item.id,
    customer_name: item.name,
    customer_created_date: item.createdAt,
    customer_expiration_date: item.expiresAt,
    customer_license_type: LICENSE_LABELS[f.rec.licenseType],
    customer_channel: CHANNELS[f.rec.channelSlug].name,
    customer_email: item.email,
    customer_is_archived: item.archived,
  };
  const seconds = (from: string, to: string | null) =>
    to === null ? null : (Date.parse(to) - Date.parse(from)) / 1000;
  const expected = instances.length
    ? instances.map(i => ({
        ...customer,
        instance_id: i.id,
        instance_name: null,
        // Active online and listed: the report header's "active" (archived ones are counted apart).
        instance_is_active: i.activeOnline && !i.archived,
        instance_is_airgap: i.airgap,
        instance_is_archived: i.archived,
        instance_first_reported_at: i.firstSeenAt,
        instance_first_ready_at: i.firstReadyAt,
        instance_last_reported_at: i.lastCheckInAt,
        instance_time_to_install_seconds: seconds(
          i.firstSeenAt,
          i.firstReadyAt,
        ),
        license_time_to_install_seconds: seconds(
          item.createdAt,
          i.firstReadyAt,
        ),
        instance_app_status: i.status,
        instance_app_version: i.appVersion,
        instance_cloud_region: i.cloudRegion,
      }))
    : [{ ...customer, instance_id: null }];
  const rows = records(
    await getText(`/v1/exports/customers-instances.csv?${q}`),
  ).filter(r => r.customer_id === f.rec.id);
  const key = (r: any) => String(r.instance_id);
  const byKey = (list: any[]) => Object.fromEntries(list.map(r => [key(r), r]));
  const attemptRows = records(
    await getText(
      `/v1/exports/install-attempts.csv?customerId=${f.rec.id}&${q}`,
    ),
  );
  return [
    ...differences('customers-instances.csv', byKey(rows), byKey(expected)),
    ...differences(
      'customers-instances.csv rows',
      rows.length,
      expected.length,
    ),
    ...differences(
      'install-attempts.csv',
      Object.fromEntries(attemptRows.map(r => [String(r.attempt_id), r])),
      Object.fromEntries(
        attempts.map(a => [
          a.id,
          {
            attempt_id: a.id,
            customer_id: f.rec.id,
            customer_name: f.rec.name,
            status: a.status,
            install_type: a.installType,
            started_at: a.startedAt,
            duration_seconds: a.durationSeconds,
            user_email: a.userEmail,
            app_version: a.appVersion,
            k8s_distribution: a.environment.k8sDistribution,
            os: a.environment.os,
            os_version: a.environment.osVersion,
            network_mode: a.networkMode,
            registry: a.registry,
            furthest_step: a.furthestStep,
            failed_step: a.failedStep,
            reason: a.reason,
            instance_id: null,
          },
        ]),
      ),
    ),
    ...differences(
      'install-attempts.csv rows',
      attemptRows.length,
      attempts.length,
    ),
  ];
}
