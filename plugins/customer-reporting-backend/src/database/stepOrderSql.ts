import { ANY_ORDER, STEP_ORDER } from '../metrics/installAttemptSummary';

/**
 * A step name as an SQL string literal. Literals, not bound parameters:
 * PostgreSQL only matches a grouped expression in the select list when the
 * two are the same text, and two mentions would get two placeholders.
 */
function stepLiteral(step: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(step))
    throw new Error(`Not a step name: ${step}`);
  return `'${step}'`;
}

/** `case <installType> when 'helm' then … when 'linux' then … else … end` over each order. */
function byInstallType(
  installType: string,
  ofOrder: (order: readonly string[]) => string,
): string {
  const types = Object.entries(STEP_ORDER)
    .map(([type, order]) => `when ${stepLiteral(type)} then ${ofOrder(order)}`)
    .join(' ');
  return `case ${installType} ${types} else ${ofOrder(ANY_ORDER)} end`;
}

/**
 * SQL for the 1-based position of `step` in the step order of
 * `installType`, 0 when it is not in it: the furthest step index of
 * metrics/installAttemptSummary.ts.
 */
export function stepIndexSql(installType: string, step: string): string {
  return byInstallType(
    installType,
    order =>
      `(case ${step} ${order
        .map((s, i) => `when ${stepLiteral(s)} then ${i + 1}`)
        .join(' ')} else 0 end)`,
  );
}

/** SQL for the step at 1-based position `index` of the order of `installType` (null at 0). */
export function stepAtSql(installType: string, index: string): string {
  return byInstallType(
    installType,
    order =>
      `(case ${index} ${order
        .map((s, i) => `when ${i + 1} then ${stepLiteral(s)}`)
        .join(' ')} end)`,
  );
}
