import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { id, listIn, optionalTime, parseEach, totalIn } from './tolerant';

/** A `SupportBundle`: whose it is and when it was uploaded. */
const supportBundleSchema = z
  .object({
    customerId: id,
    uploadedAt: optionalTime,
    createdAt: optionalTime,
  })
  .transform(b => ({
    customerId: b.customerId,
    uploadedAt: b.uploadedAt ?? b.createdAt,
  }))
  .refine(
    b => b.uploadedAt !== undefined,
    'has neither uploadedAt nor createdAt',
  );

export type VendorSupportBundle = z.output<typeof supportBundleSchema>;

/**
 * The answer of `GET /supportbundles`, `{bundles, totalCount}`, unpaged: the
 * bundles parsed, how many were skipped, and how many were received of the
 * total announced.
 */
export function parseSupportBundles(answer: unknown, logger: LoggerService) {
  const raw = listIn(answer, 'bundles');
  const { items, skipped } = parseEach(
    raw,
    supportBundleSchema,
    'support bundle',
    logger,
  );
  return {
    items,
    skipped,
    received: raw.length,
    total: totalIn(answer, 'totalCount'),
  };
}
