import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { id, listIn, optionalTime, parseEach } from './tolerant';

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

/** The answer of `GET /supportbundles`: `{bundles, totalCount}`, one page. */
export function parseSupportBundles(answer: unknown, logger: LoggerService) {
  return parseEach(
    listIn(answer, 'bundles'),
    supportBundleSchema,
    'support bundle',
    logger,
  );
}
