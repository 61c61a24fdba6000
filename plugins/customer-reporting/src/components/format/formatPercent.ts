/**
 * Formats a ratio from 0 to 1 as a percentage with at most `digits`
 * decimals, e.g. 0.99031 → '99.03%'.
 *
 * @remarks
 * Truncated rather than rounded: an instance that was down for a minute must
 * not show as '100%' uptime. Trailing zeros are dropped ('100%', '50%').
 */
export function formatPercent(ratio: number, digits = 2): string {
  if (!Number.isFinite(ratio)) {
    return '–';
  }
  const factor = 10 ** digits;
  // The epsilon absorbs binary noise (0.29 * 100 is 28.999999999999996).
  const truncated = Math.floor(ratio * 100 * factor + 1e-6) / factor;
  return `${truncated.toFixed(digits).replace(/\.?0+$/, '')}%`;
}
