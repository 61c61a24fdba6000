import {
  formatLocalDate,
  formatLocalDateTime,
  formatRelativeTime,
  formatUtcDateTime,
} from '../format';
import { Muted } from './Muted';

const glue = (text: string) => text.replace(/ /g, '\u00a0');

/**
 * The text with no-break spaces inside its date part and its time part, so
 * a narrow cell wraps 'Nov 30, 2026,' / '10:25 AM' rather than leaving 'AM'
 * alone on a line. The only break left is after the last comma, between
 * the date and the time of day; a date alone is short and never wraps.
 */
function keepTogether(text: string | undefined, dateOnly: boolean) {
  if (!text) return text;
  const at = dateOnly ? -1 : text.lastIndexOf(', ');
  if (at < 0) return glue(text);
  return `${glue(text.slice(0, at + 1))} ${glue(text.slice(at + 2))}`;
}

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
    variant === 'relative'
      ? formatRelativeTime(iso) ?? local
      : keepTogether(local, variant === 'date');
  const title = variant === 'relative' ? `${local} (${utc})` : utc;
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
