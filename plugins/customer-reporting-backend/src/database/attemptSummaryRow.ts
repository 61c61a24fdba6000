import { IngestedAttemptEvent } from '../ingest/ingestTypes';
import { normalizeFailureReason } from '../metrics/failureReason';
import {
  AttemptSummary,
  FilteredAttribute,
  summarizeAttempt,
} from '../metrics/installAttemptSummary';

/**
 * The install_attempts column of each filtered attribute. Beside each, the
 * time it was first reported: `<column>_known_at` ({@link knownAtColumn}).
 */
export const ATTRIBUTE_COLUMNS: Record<FilteredAttribute, string> = {
  installType: 'install_type',
  appVersion: 'app_version',
  k8sDistribution: 'k8s_distribution',
  os: 'os',
  networkMode: 'network_mode',
  registry: 'registry',
};

export const knownAtColumn = (attribute: FilteredAttribute) =>
  `${ATTRIBUTE_COLUMNS[attribute]}_known_at`;

/** An install_attempts row's columns (all but id and customer) of a summary. */
export function attemptSummaryRow(s: AttemptSummary) {
  return {
    user_email: s.userEmail,
    install_type: s.installType,
    app_version: s.appVersion,
    k8s_distribution: s.k8sDistribution,
    os: s.os,
    os_version: s.osVersion,
    network_mode: s.networkMode,
    registry: s.registry,
    instance_id: s.instanceId,
    started_at: s.startedAt,
    started_event_at: s.startedEventAt,
    first_event_at: s.firstEventAt,
    completed_at: s.completedAt,
    failed_at: s.failedAt,
    failed_step: s.failedStep,
    reason: s.reason,
    reason_key: normalizeFailureReason(s.reason),
    discarded_at: s.discardedAt,
    last_event_at: s.lastEventAt,
    furthest_step: s.furthestStep,
    furthest_step_index: s.furthestStepIndex,
    steps: JSON.stringify(s.steps),
    ...Object.fromEntries(
      Object.entries(s.attributesKnownAt).map(([attribute, at]) => [
        knownAtColumn(attribute as FilteredAttribute),
        at,
      ]),
    ),
  };
}

/**
 * The summary of an attempt's stored events (their `payload`), read in
 * time order with ties by content hash: events of the same time (two
 * failures, two starts) come in an order that does not depend on which
 * arrived first, and the summary's stable sorts keep it.
 */
export function summarizeStoredEvents(
  payloads: readonly string[],
): AttemptSummary {
  return summarizeAttempt(
    payloads.map(payload => {
      const e = JSON.parse(payload) as IngestedAttemptEvent;
      return { ...e, at: Number(e.at) };
    }),
  );
}
