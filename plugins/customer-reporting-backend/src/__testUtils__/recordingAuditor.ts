import {
  AuditorServiceCreateEventOptions,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

/** One auditor event as the plugin created and ended it. */
export interface RecordedAuditEvent {
  eventId: string;
  severityLevel?: string;
  meta?: JsonObject;
  outcome?: { ok: boolean; meta?: JsonObject; error?: string };
}

/**
 * Backstage's auditor mock keeping every event and how it ended; add
 * `factory` to the test backend's features.
 */
export function recordingAuditor() {
  const events: RecordedAuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    async createEvent({
      eventId,
      severityLevel,
      meta,
    }: AuditorServiceCreateEventOptions): Promise<AuditorServiceEvent> {
      const event: RecordedAuditEvent = { eventId, severityLevel, meta };
      events.push(event);
      return {
        success: async options => {
          event.outcome = { ok: true, meta: options?.meta };
        },
        fail: async ({ meta: failMeta, error }) => {
          event.outcome = { ok: false, meta: failMeta, error: error.name };
        },
      };
    },
  });
  return { events, factory: auditor.factory };
}
