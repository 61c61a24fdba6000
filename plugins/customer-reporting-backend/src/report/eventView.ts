import { InstanceEventList } from '@customer-reporting/plugin-customer-reporting-common';
import { EventRow } from '../database/DatabaseInstanceEventsStore';
import { describeEventField } from '../metrics/eventCategories';

const decode = (value: string | null) =>
  value === null ? null : JSON.parse(value);

/** A stored change event as the events list shows it. */
export function toInstanceEvent(
  row: EventRow,
): InstanceEventList['items'][number] {
  return {
    at: new Date(row.at).toISOString(),
    field: row.field,
    ...describeEventField(row.field),
    value: decode(row.value),
    previousValue: decode(row.previousValue),
  };
}
