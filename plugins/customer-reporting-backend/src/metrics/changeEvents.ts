/**
 * Change-only instance events. A check-in's reported fields are compared with
 * the instance's previous value of each field; an event is created per field
 * whose value differs (the first value of a field counts as a change).
 * Values are JSON-encoded so `100` and `"100"` stay distinct.
 */

/** field name → JSON-encoded value */
export type FieldValues = Record<string, string>;

export interface CheckInFields {
  at: number;
  fields: FieldValues;
}

export interface ChangeEvent {
  at: number;
  field: string;
  value: string;
  previousValue: string | null;
}

/**
 * The check-ins in time order: as given when they already are (the store
 * hands them over sorted), else a sorted copy (the sort is stable, so both
 * give the same order).
 */
function inTimeOrder<T extends { at: number }>(checkIns: readonly T[]) {
  for (let i = 1; i < checkIns.length; i++) {
    if (checkIns[i - 1].at > checkIns[i].at)
      return [...checkIns].sort((a, b) => a.at - b.at);
  }
  return checkIns;
}

/**
 * Walks check-ins in time order starting from the field values known before
 * the first of them, and returns the events plus the final field values.
 * Runs for every check-in ingested, so it walks each one's fields in place.
 */
export function deriveChangeEvents(
  before: FieldValues,
  checkIns: readonly CheckInFields[],
): { events: ChangeEvent[]; state: FieldValues } {
  const state: FieldValues = { ...before };
  const events: ChangeEvent[] = [];
  for (const { at, fields } of inTimeOrder(checkIns)) {
    for (const field in fields) {
      if (!Object.hasOwn(fields, field)) continue;
      const value = fields[field];
      const previous = Object.hasOwn(state, field) ? state[field] : null;
      if (previous !== value) {
        events.push({ at, field, value, previousValue: previous });
        state[field] = value;
      }
    }
  }
  return { events, state };
}
