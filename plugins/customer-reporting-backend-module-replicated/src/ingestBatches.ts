import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestResult,
  MAX_INGEST_BATCH_ITEMS,
} from '@customer-reporting/plugin-customer-reporting-common';

/** Rounds of leaving out refused items before the batch counts as failed. */
const MAX_ROUNDS = 3;

/** The item indexes an ingest validation error names (InputError with issues). */
export function refusedIndexes(error: unknown): Map<number, string> {
  const refused = new Map<number, string>();
  const issues = (error as { name?: string; issues?: unknown })?.issues;
  if ((error as Error)?.name !== 'InputError' || !Array.isArray(issues)) {
    return refused;
  }
  for (const issue of issues) {
    if (typeof issue?.index === 'number' && !refused.has(issue.index)) {
      refused.set(issue.index, `${issue.field} ${issue.message}`);
    }
  }
  return refused;
}

/**
 * Sends items in batches; each batch is stored all or nothing. When the
 * ingestion refuses a batch over some of its items, those are logged and
 * left out and the rest is sent again, so one odd record does not cost its
 * batch. Any other failure is thrown: the sync fails and what earlier
 * batches stored stays.
 */
export async function ingestInBatches<T>(
  items: T[],
  send: (batch: T[]) => Promise<IngestResult>,
  what: string,
  logger: LoggerService,
): Promise<IngestResult & { refused: number }> {
  const total = { accepted: 0, duplicates: 0, refused: 0 };
  for (let start = 0; start < items.length; start += MAX_INGEST_BATCH_ITEMS) {
    let batch = items.slice(start, start + MAX_INGEST_BATCH_ITEMS);
    for (let round = 0; batch.length > 0; round++) {
      try {
        const result = await send(batch);
        total.accepted += result.accepted;
        total.duplicates += result.duplicates;
        break;
      } catch (error) {
        const refused = refusedIndexes(error);
        if (refused.size === 0 || round >= MAX_ROUNDS) throw error;
        for (const reason of refused.values()) {
          logger.warn(`Left out a ${what} the portal refused: ${reason}`);
        }
        total.refused += refused.size;
        batch = batch.filter((_, index) => !refused.has(index));
      }
    }
  }
  return total;
}
