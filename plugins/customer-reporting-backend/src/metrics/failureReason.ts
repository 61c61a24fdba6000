/** One group of an IPv6 address. */
const H = '[0-9a-f]{1,4}';
/** An IPv6 address: eight groups, or fewer around one `::`. */
const IPV6 = `(?:${H}(?::${H}){7}|${H}(?::${H}){0,6}::(?:${H}(?::${H}){0,6})?|::${H}(?::${H}){0,6})`;
/**
 * An IPv6 address in brackets with its port, or alone. Not inside a longer
 * word or colon-separated run, so a time (10:30:00) or `std::string` stays.
 */
const IPV6_ADDRESS = new RegExp(
  `\\[${IPV6}\\](?::\\d+)?|(?<![\\w:])${IPV6}(?![\\w:.])`,
  'g',
);

/**
 * Normalises a failure reason so that the same failure on different
 * machines groups together: ids, addresses, numbers and quoted values are
 * masked, case and spacing are folded. The key only groups; pages show a
 * reason as reported (the group's example).
 *
 * `ImagePullBackOff for "registry.acme.io/api:1.2.3" after 30s` and
 * `imagepullbackoff for "registry.other.io/web:2.0.0" after 45s` both become
 * `imagepullbackoff for <value> after <n>s`.
 */
export function normalizeFailureReason(
  reason: string | null | undefined,
): string | null {
  if (!reason || !reason.trim()) return null;
  return (
    reason
      .toLowerCase()
      .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '<value>')
      .replace(
        /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
        '<id>',
      )
      .replace(IPV6_ADDRESS, '<ip>')
      .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<ip>')
      .replace(/\b(sha256:)?[0-9a-f]{12,}\b/g, '<hash>')
      // A number glued to letters is part of a name (x509, ipv4, k3s), not
      // a count: it stays.
      .replace(/(?<![a-z\d.])\d+(\.\d+)*/g, '<n>')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255)
  );
}
