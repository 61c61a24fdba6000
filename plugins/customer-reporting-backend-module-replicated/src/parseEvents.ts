import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { Page } from './pullPages';
import {
  id,
  listIn,
  normaliseKeys,
  optional,
  optionalTime,
  parseEach,
  record,
  text,
} from './tolerant';

const value = optional(z.union([z.string(), z.number(), z.boolean()]));

const eventSchema = record({
  customerid: id,
  instanceid: id,
  fieldname: text,
  newvalue: value,
  previousvalue: value,
  iscustom: optional(z.boolean()),
  // The time the Vendor API received the data; named differently over time.
  timestamp: optionalTime,
  createdat: optionalTime,
  time: optionalTime,
})
  .transform(e => ({
    customerId: e.customerid,
    instanceId: e.instanceid,
    fieldName: e.fieldname,
    newValue: e.newvalue,
    isCustom: e.iscustom ?? false,
    at: e.timestamp ?? e.createdat ?? e.time,
  }))
  .refine(e => e.at !== undefined, {
    message: 'has no time',
    path: ['timestamp'],
  });

/** One instance event: a field of an instance changed value. */
export type VendorInstanceEvent = z.output<typeof eventSchema> & { at: number };

/** One page of `GET /app/{appId}/events`: `{events, totalEvents?}`. */
export function parseEventPage(
  answer: unknown,
  logger: LoggerService,
): Page<VendorInstanceEvent> & { skipped: number } {
  const raw = listIn(answer, 'events');
  const { items, skipped } = parseEach(
    raw,
    eventSchema,
    'instance event',
    logger,
  );
  const total = (normaliseKeys(answer) as Record<string, unknown> | null)
    ?.totalevents;
  return {
    items: items as VendorInstanceEvent[],
    received: raw.length,
    total: typeof total === 'number' ? total : undefined,
    skipped,
  };
}
