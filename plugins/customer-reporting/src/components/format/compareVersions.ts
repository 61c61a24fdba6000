const collator = new Intl.Collator('en', { numeric: true });

/**
 * Orders version labels as versions, not as text: 2.6.1 before 2.10.0, and
 * a pre-release before its release (2.10.0-beta.1 before 2.10.0). Labels
 * that are not dotted numbers still sort, with numbers in them compared by
 * value.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, ...preA] = a.replace(/^v/i, '').split('-');
  const [coreB, ...preB] = b.replace(/^v/i, '').split('-');
  const core = collator.compare(coreA, coreB);
  if (core !== 0) return core;
  if (preA.length === 0 || preB.length === 0) {
    return preB.length - preA.length; // the release after its pre-releases
  }
  return collator.compare(preA.join('-'), preB.join('-'));
}
