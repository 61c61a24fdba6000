import { CheckInDraft } from './checkInDraft';
import { VendorInstance } from './parseInstances';

type VersionEntry = VendorInstance['versionHistory'][number];

/**
 * Adds the release sequence to check-ins made from `versionLabel` events.
 * An event reports the label alone, and the ingest takes a check-in that
 * reports one half of a version without the other as making the other
 * unknown (docs/metrics.md, "Instance events"); the instance's version
 * history has the sequence of that label. Of the history's entries with
 * the label, the one that began last by the event's time is taken, else
 * the earliest. A label the history does not have is left alone.
 */
export function withEventReleaseSequences(
  drafts: CheckInDraft[],
  instances: VendorInstance[],
): CheckInDraft[] {
  const historyOf = new Map(
    instances.map(i => [i.instanceId, i.versionHistory]),
  );
  return drafts.map(draft => {
    const { appVersion, releaseSequence } = draft.fields;
    if (appVersion === undefined || releaseSequence !== undefined) return draft;
    const entry = entryAt(
      (historyOf.get(draft.instanceId) ?? []).filter(
        v => v.versionLabel === appVersion,
      ),
      draft.at,
    );
    return entry?.releaseSequence === undefined
      ? draft
      : {
          ...draft,
          fields: { ...draft.fields, releaseSequence: entry.releaseSequence },
        };
  });
}

/** Of entries newest first (parseInstances), the latest begun by `at`, else the earliest. */
function entryAt(
  entries: VersionEntry[],
  at: number,
): VersionEntry | undefined {
  return (
    entries.find(v => v.intervalStart !== undefined && v.intervalStart <= at) ??
    entries[entries.length - 1]
  );
}
