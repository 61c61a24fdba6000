import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { id, optional, parseEach, text, time } from './tolerant';

/**
 * An item of listAppInstanceEventsResponse. `isCustom`, `newValue` and
 * `previousValue` are strings in the specification; `reportedAt` is when
 * the Vendor API received the data.
 */
const eventSchema = z
  .object({
    customerId: id,
    instanceId: id,
    fieldName: text,
    isCustom: optional(z.string()),
    newValue: optional(z.string()),
    reportedAt: time,
  })
  .transform(e => ({
    customerId: e.customerId,
    instanceId: e.instanceId,
    fieldName: e.fieldName,
    newValue: e.newValue,
    isCustom: e.isCustom?.toLowerCase() === 'true',
    at: e.reportedAt,
  }));

/** One instance event: a field of an instance changed value. */
export type VendorInstanceEvent = z.output<typeof eventSchema>;

/** `GET /app/{app_id}/events` answers a bare array of events. */
export function parseEvents(
  answer: unknown,
  logger: LoggerService,
): { events: VendorInstanceEvent[]; skipped: number } {
  const { items, skipped } = parseEach(
    Array.isArray(answer) ? answer : [],
    eventSchema,
    'instance event',
    logger,
  );
  return { events: items, skipped };
}
