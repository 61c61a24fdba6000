/*
 * The contract's enums at run time, under the names the plugins use. The
 * values and their types are generated from the spec (src/generated).
 */
import {
  DataSourceStatus,
  InstallAttemptStatusValues,
  InstanceEventCategoryValues,
  UptimeRange,
  UptimeRangeValues,
} from './generated';

/** Statuses of an install attempt (see docs/metrics.md). @public */
export const INSTALL_ATTEMPT_STATUSES = InstallAttemptStatusValues;

/** Uptime graph ranges. @public */
export const UPTIME_RANGES = UptimeRangeValues;
/** @public */
export type UptimeRangeName = UptimeRange;

/** Categories of instance events. @public */
export const INSTANCE_EVENT_CATEGORIES = InstanceEventCategoryValues;

/**
 * Where a data source stands: `never-run` before its first sync, `running`
 * while one is under way, else the outcome of its latest sync.
 * @public
 */
export type DataSourceSyncState = DataSourceStatus['state'];
