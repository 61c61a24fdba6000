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

/** The JSON of a value no longer known. */
const UNKNOWN = 'null';

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
      if (Object.hasOwn(fields, field))
        change(state, events, at, field, fields[field]);
    }
    // The version label and the release sequence describe one release: a
    // check-in that reports one without the other leaves the other unknown
    // instead of pairing it with an older check-in's. After
    // {releaseSequence: 1, appVersion: "1.0.0"}, a check-in of
    // {appVersion: "1.1.0"} runs 1.1.0, not sequence 1 (domain §6: the
    // version of the last check-in). Only a known value becomes unknown: an
    // instance that never reported a half gets no event for it.
    const label = Object.hasOwn(fields, 'appVersion');
    if (label !== Object.hasOwn(fields, 'releaseSequence')) {
      const other = label ? 'releaseSequence' : 'appVersion';
      if (Object.hasOwn(state, other))
        change(state, events, at, other, UNKNOWN);
    }
  }
  return { events, state };
}

/** Sets `field` to `value` in `state`, with an event if that changes it. */
function change(
  state: FieldValues,
  events: ChangeEvent[],
  at: number,
  field: string,
  value: string,
) {
  const previous = Object.hasOwn(state, field) ? state[field] : null;
  if (previous !== value) {
    events.push({ at, field, value, previousValue: previous });
    state[field] = value;
  }
}
