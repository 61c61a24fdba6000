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
 * Walks check-ins in time order starting from the field values known before
 * the first of them, and returns the events plus the final field values.
 */
export function deriveChangeEvents(
  before: FieldValues,
  checkIns: readonly CheckInFields[],
): { events: ChangeEvent[]; state: FieldValues } {
  const state: FieldValues = { ...before };
  const events: ChangeEvent[] = [];
  const ordered = [...checkIns].sort((a, b) => a.at - b.at);
  for (const checkIn of ordered) {
    for (const [field, value] of Object.entries(checkIn.fields)) {
      const previous = Object.prototype.hasOwnProperty.call(state, field)
        ? state[field]
        : null;
      if (previous !== value) {
        events.push({ at: checkIn.at, field, value, previousValue: previous });
        state[field] = value;
      }
    }
  }
  return { events, state };
}
