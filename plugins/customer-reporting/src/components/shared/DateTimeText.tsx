import {
  formatLocalDate,
  formatLocalDateTime,
  formatRelativeTime,
  formatUtcDateTime,
} from '../format';
import { Muted } from './Muted';

/**
 * A moment in the viewer's time zone, with the UTC value in the `title`
 * attribute so hovering shows it (and it is readable to assistive tech).
 *
 * @remarks
 * A native title rather than a Tooltip: dates appear in every table row and
 * a Tooltip per cell would add listeners and portals for little gain.
 */
export function DateTimeText(props: {
  iso: string | null | undefined;
  /** 'relative' shows '3 hours ago'; the title then has both exact values. */
  variant?: 'datetime' | 'date' | 'relative';
  /** Shown when there is no (valid) time. */
  placeholder?: string;
  className?: string;
}) {
  const { iso, variant = 'datetime', placeholder = '–', className } = props;
  const utc = iso ? formatUtcDateTime(iso) : undefined;
  if (!iso || !utc) {
    return <Muted>{placeholder}</Muted>;
  }
  const local =
    variant === 'date' ? formatLocalDate(iso) : formatLocalDateTime(iso);
  const text =
    variant === 'relative' ? formatRelativeTime(iso) ?? local : local;
  const title = variant === 'relative' ? `${local} (${utc})` : utc;
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
