export { formatDuration } from './formatDuration';
export type { FormatDurationOptions } from './formatDuration';
export { formatAbsoluteTime, formatRelativeTime } from './formatRelativeTime';
