/**
 * Coalesces customer-changed announcements into batches: while one batch is
 * being published, the ids that arrive wait and go out together in the
 * next. An ingest that creates 5,000 customers then costs the catalog a
 * handful of reads and delta mutations instead of 5,000 of each, all
 * competing with the ingest for the database.
 *
 * Returns `add`, which resolves once the batch holding the id (and every
 * later one queued meanwhile) has been published.
 */
export function createChangeBatcher(
  publish: (customerIds: string[]) => Promise<void>,
  onError: (error: unknown) => void,
): (customerId: string) => Promise<void> {
  let pending = new Set<string>();
  let draining: Promise<void> | undefined;
  const drain = async () => {
    while (pending.size > 0) {
      const batch = [...pending];
      pending = new Set();
      await publish(batch).catch(onError);
    }
    draining = undefined;
  };
  return customerId => {
    pending.add(customerId);
    draining ??= drain();
    return draining;
  };
}
