import { CheckIn } from '@customer-reporting/plugin-customer-reporting-common';
import { CheckInDraft } from './checkInDraft';
import { mergeFields } from './mapEventCheckIns';

/**
 * Makes drafts ingestible: a time in the future (clock skew) becomes now;
 * one older than the oldest the portal keeps is left out (the ingest would
 * refuse its whole batch); drafts of one instance at one time are merged
 * into one check-in, because the portal keys check-ins by (instance, time)
 * and would drop the second as a duplicate. Sorted by time.
 */
export function checkInWindow(
  drafts: CheckInDraft[],
  window: { now: number; oldest: number },
): { checkIns: CheckIn[]; clamped: number; tooOld: number } {
  const byKey = new Map<string, CheckInDraft>();
  let clamped = 0;
  let tooOld = 0;
  for (const draft of drafts) {
    if (draft.at < window.oldest) {
      tooOld++;
      continue;
    }
    const at = Math.min(draft.at, window.now);
    if (at !== draft.at) clamped++;
    const key = `${draft.instanceId}\u0000${at}`;
    const existing = byKey.get(key);
    byKey.set(
      key,
      existing
        ? { ...existing, fields: mergeFields(existing.fields, draft.fields) }
        : { ...draft, at },
    );
  }
  const checkIns = [...byKey.values()]
    .sort((a, b) => a.at - b.at)
    .map(d => ({
      instanceId: d.instanceId,
      customerId: d.customerId,
      at: new Date(d.at).toISOString(),
      ...d.fields,
    }));
  return { checkIns, clamped, tooOld };
}
