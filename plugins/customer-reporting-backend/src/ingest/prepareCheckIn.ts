import {
  APP_STATUSES,
  AppStatus,
  CheckIn,
  resourceStateKey,
} from '@customer-reporting/plugin-customer-reporting-common';
import { PreparedCheckIn } from '../database/checkInBatch';
import { rollupStatus } from '../metrics/statusRollup';
import { checkInFields } from './checkInFields';
import { ingestTime } from './ingestTime';
import { ValidationIssue } from './validate';

const STATUSES: ReadonlySet<string> = new Set(APP_STATUSES);
const STATUS_MESSAGE = `must be one of ${APP_STATUSES.join(', ')}`;

/** An any-case status in its stored form, or undefined with an issue. */
function appStatusOf(
  value: string,
  index: number | null,
  field: string,
  issues: ValidationIssue[],
): AppStatus | undefined {
  const status = value.toLowerCase();
  if (STATUSES.has(status)) return status as AppStatus;
  issues.push({ index, field, message: STATUS_MESSAGE });
  return undefined;
}

/**
 * The app status a check-in reports: its resources' rollup when it has
 * resource states, else the status it states; an issue when both are given
 * and disagree.
 */
function effectiveAppStatus(
  checkIn: CheckIn,
  index: number | null,
  issues: ValidationIssue[],
): AppStatus | undefined {
  const stated =
    checkIn.appStatus === undefined
      ? undefined
      : appStatusOf(checkIn.appStatus, index, 'appStatus', issues);
  if (!checkIn.resourceStates) return stated;
  const states: AppStatus[] = [];
  checkIn.resourceStates.forEach((resource, i) => {
    const state = appStatusOf(
      resource.state,
      index,
      `resourceStates.${i}.state`,
      issues,
    );
    if (state) states.push(state);
  });
  const rolledUp = rollupStatus(states);
  if (stated && stated !== rolledUp) {
    issues.push({
      index,
      field: 'appStatus',
      message: `is ${stated} but the resource states roll up to ${rolledUp}`,
    });
  }
  return rolledUp;
}

/**
 * Kind, namespace and name identify a Kubernetes resource, so a list that
 * names one twice is malformed: which of its states is the resource's? Each
 * repeat is an issue at its own index.
 */
function checkResourcesListedOnce(
  { resourceStates }: CheckIn,
  index: number,
  issues: ValidationIssue[],
) {
  if (!resourceStates) return;
  const first = new Map<string, number>();
  resourceStates.forEach((resource, i) => {
    const key = resourceStateKey(resource);
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, i);
      return;
    }
    issues.push({
      index,
      field: `resourceStates.${i}`,
      message: `has the kind, namespace and name of resourceStates.${at}; a resource is listed once`,
    });
  });
}

/**
 * More nodes ready than the cluster has is a broken report. Only the counts
 * of one check-in are compared: the total of another check-in would make
 * the answer depend on the order check-ins arrive in, which may change as
 * late ones come (an event stream also reports each count on its own).
 */
function checkNodeCounts(
  { kurlNodesTotal: total, kurlNodesReady: ready }: CheckIn,
  index: number,
  issues: ValidationIssue[],
) {
  if (total !== undefined && ready !== undefined && ready > total) {
    issues.push({
      index,
      field: 'kurlNodesReady',
      message: `must not be more than kurlNodesTotal (${total})`,
    });
  }
}

/**
 * A check-in the spec accepted, ready to store: its time (that of receipt
 * when it has none), its effective status and its tracked fields. Reports
 * what the spec cannot say into `issues`.
 */
export function prepareCheckIn(
  checkIn: CheckIn,
  index: number,
  issues: ValidationIssue[],
  receivedAt: number,
): PreparedCheckIn {
  const at =
    checkIn.at === undefined
      ? receivedAt
      : ingestTime(checkIn.at, receivedAt, index, 'at', issues);
  const appStatus = effectiveAppStatus(checkIn, index, issues);
  checkResourcesListedOnce(checkIn, index, issues);
  checkNodeCounts(checkIn, index, issues);
  for (const [key, value] of Object.entries(checkIn.customMetrics ?? {})) {
    // 1e400 parses as Infinity, which JSON would store as null.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push({
        index,
        field: `customMetrics.${key}`,
        message: 'must be a finite number',
      });
    }
  }
  return {
    index,
    instanceId: checkIn.instanceId,
    customerId: checkIn.customerId,
    at,
    appStatus,
    fields: checkInFields(checkIn, appStatus),
  };
}
