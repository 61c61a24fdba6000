/**
 * SQL for the value (through `valueSql`, given the column) of the latest
 * change event of `field` of instance `instanceId` at or before `at` (both
 * SQL: a column or a `?`), null when there is none: one probe of
 * instance_events' primary key (instance_id, field, at). How reads rewind
 * one field of an instance to a past moment.
 */
export function fieldValueAtSql(
  instanceId: string,
  field: string,
  at: string,
  valueSql: (column: string) => string = column => column,
): string {
  if (!/^[A-Za-z:]+$/.test(field))
    throw new Error(`Not a field name: ${field}`);
  return (
    `(select ${valueSql('e.value')} from instance_events e` +
    ` where e.instance_id = ${instanceId} and e.field = '${field}' and e.at <= ${at}` +
    ` order by e.at desc limit 1)`
  );
}
