export { formatDuration, formatLicenseTimeToInstall } from './formatDuration';
export type { FormatDurationOptions } from './formatDuration';
export { formatAbsoluteTime, formatRelativeTime } from './formatRelativeTime';
export {
  formatLocalDate,
  formatLocalDateTime,
  formatUtcDateTime,
} from './formatDateTime';
export { formatPercent } from './formatPercent';
export { clusterInstallerName, nodesReadyText } from './clusterNodes';
export { compareVersions } from './compareVersions';
