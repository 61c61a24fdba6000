/*
 * JSON encodings on the check-in path, which runs for every item of every
 * batch: each gives exactly what JSON.stringify gives, without its generic
 * machinery for the common cases.
 */

/**
 * The JSON of a scalar a schema accepted (string, number or boolean). A
 * string without a quote, backslash, control character or surrogate (what
 * JSON.stringify escapes, lone surrogates included) is quoted as it is.
 */
export function encodeJson(value: unknown): string {
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff))
        return JSON.stringify(value);
    }
    return `"${value}"`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Finite numbers print the same either way; NaN and ±Infinity become null.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}
