/*
 * Small guards that make Vendor API values fit the ingest routes' limits:
 * a value that does not fit is left out rather than failing its batch.
 */

/** The trimmed text when it is non-empty and at most `max` characters. */
export function fit(
  value: string | undefined,
  max: number,
): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

/** Trimmed and cut to `max` characters, for names where a prefix beats nothing. */
export function cut(value: string, max: number): string {
  return value.trim().slice(0, max);
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function fitEmail(value: string | undefined): string | undefined {
  const email = fit(value, 320);
  return email && EMAIL.test(email) ? email : undefined;
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
