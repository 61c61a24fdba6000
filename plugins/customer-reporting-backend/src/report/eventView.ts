import { InstanceEventList } from '@customer-reporting/plugin-customer-reporting-common';
import { EventRow } from '../database/DatabaseInstanceEventsStore';
import { describeEventField } from '../metrics/eventCategories';
import { resourceStateChanges } from '../metrics/resourceStates';

const decode = (value: string | null) =>
  value === null ? null : JSON.parse(value);

/** A stored change event as the events list shows it. */
export function toInstanceEvent(
  row: EventRow,
): InstanceEventList['items'][number] {
  const value = decode(row.value);
  const previousValue = decode(row.previousValue);
  return {
    at: new Date(row.at).toISOString(),
    field: row.field,
    ...describeEventField(row.field),
    value,
    previousValue,
    // Two lists of up to a thousand resources say little side by side:
    // the resources that changed are what an engineer looks for.
    ...(row.field === 'resourceStates'
      ? { changes: resourceStateChanges(previousValue, value) }
      : {}),
  };
}
