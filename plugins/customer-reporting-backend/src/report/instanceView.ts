import {
  APP_STATUSES,
  AppStatus,
  ReportInstance,
} from '@customer-reporting/plugin-customer-reporting-common';
import { InstanceRow } from '../database/instancesAsOf';
import { decodeField } from '../ingest/checkInFields';
import { InstanceActivity } from '../metrics/activity';
import { displayVersion, Release, versionStanding } from '../metrics/versions';
import { isoTime as iso } from './isoTime';

/**
 * The display name: the tag `name`, unless it is blank (a tag value may be
 * empty), when the pages show the short id instead.
 */
export function instanceDisplayName(
  tags: Record<string, string> | null,
): string | null {
  return tags?.name?.trim() || null;
}

/** An instance as the report and instance details show it. */
export function toReportInstance(
  instance: InstanceRow,
  activity: InstanceActivity,
  releases: Release[],
  asOf: number,
  uptime: ReportInstance['uptime'],
): ReportInstance {
  const field = <T>(name: string) =>
    decodeField<T>(instance.state, name) ?? null;
  const tags = field<Record<string, string>>('tags') ?? {};
  const status = field<AppStatus>('appStatus');
  const sequence = field<number>('releaseSequence');
  const label = field<string>('appVersion');
  return {
    id: instance.id,
    shortId: instance.id.slice(0, 7),
    name: instanceDisplayName(tags),
    status: status && APP_STATUSES.includes(status) ? status : null,
    active: activity === 'active' || activity === 'airgap',
    airgap: field<boolean>('airgap') ?? false,
    archived: instance.archived,
    appVersion: displayVersion(label, sequence),
    versionsBehind: versionStanding(
      releases,
      { sequence, versionLabel: label },
      asOf,
    ).versionsBehind,
    k8sDistribution: field('k8sDistribution'),
    k8sVersion: field('k8sVersion'),
    clusterType: field('clusterType'),
    kurlNodesTotal: field('kurlNodesTotal'),
    kurlNodesReady: field('kurlNodesReady'),
    kotsVersion: field('kotsVersion'),
    sdkVersion: field('sdkVersion'),
    cloudProvider: field('cloudProvider'),
    cloudRegion: field('cloudRegion'),
    firstSeenAt: iso(instance.firstSeenAt)!,
    firstReadyAt: iso(instance.firstReadyAt),
    lastCheckInAt: iso(instance.lastCheckInAt)!,
    tags,
    uptime,
  };
}
