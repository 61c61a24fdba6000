// Not exported from the package root; the backend's addFormats uses these.
import { fullFormats } from 'ajv-formats/dist/formats';

/*
 * Small guards that make Vendor API values fit the ingest routes' limits:
 * a value that does not fit is left out rather than failing its batch.
 */

/**
 * What the ingest's text fields refuse anywhere in a value (the `Text`
 * pattern of its spec): control characters and the line and paragraph
 * separators. Left out of a value rather than costing it.
 */
const NOT_TEXT = /[\p{Cc}\u2028\u2029]/gu;

/**
 * What the ingest's multi-line text (a custom field value) refuses: control
 * characters other than tabs and line breaks (its `MultilineText`).
 */
const NOT_MULTILINE = /[^\P{Cc}\t\n\r]/gu;

/** Half a surrogate pair, which the ingest refuses anywhere in a body. */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The value with half a surrogate pair read as U+FFFD, as a decoder does. */
function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

/** The value without the characters the ingest refuses, trimmed. */
function clean(value: string): string {
  return wellFormed(value).replace(NOT_TEXT, '').trim();
}

/**
 * At most `max` characters, counted as the spec's `maxLength` counts them
 * (code points): cutting UTF-16 units could leave half a surrogate pair,
 * which the ingest refuses, and with it the whole batch.
 */
function clip(value: string, max: number): string {
  return value.length <= max ? value : Array.from(value).slice(0, max).join('');
}

/** One line of text, possibly empty (a tag value), cut to `max`. */
export function fitLine(value: string, max: number): string {
  return clip(clean(value), max);
}

/** Multi-line text (a custom field value), cut to `max`. */
export function fitMultiline(value: string, max: number): string {
  return clip(wellFormed(value).replace(NOT_MULTILINE, ''), max);
}

/** The cleaned text when it is non-empty and at most `max` characters. */
export function fit(
  value: string | undefined,
  max: number,
): string | undefined {
  const text = value === undefined ? undefined : clean(value);
  return text && text.length <= max ? text : undefined;
}

/**
 * Cleaned and cut to `max` characters, for names where a prefix beats
 * nothing; `fallback` when nothing is left.
 */
export function cut(value: string, max: number, fallback: string): string {
  return fitLine(value, max).trim() || fallback;
}

/** A channel or app slug the ingest routes accept, from any label. */
export function toSlug(value: string): string | undefined {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || undefined;
}

/**
 * An email address the ingest takes: its spec's `format: email`, checked by
 * the same ajv-formats definition (full mode) the backend validates with.
 */
export function fitEmail(value: string | undefined): string | undefined {
  const email = fit(value, 320);
  return email && (fullFormats.email as RegExp).test(email) ? email : undefined;
}

/** An http(s) URL the ingest routes accept (shown as a link), else undefined. */
export function fitUrl(value: string | undefined): string | undefined {
  const url = fit(value, 2048);
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** Only defined values, so optional fields are left out of bodies. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
