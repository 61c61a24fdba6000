/**
 * `fn` over every item, at most `limit` at a time, each outcome settled
 * (like Promise.allSettled) and in the items' order. The alert evaluator
 * judges rules side by side this way: each judgement holds a database
 * connection while it reads, so a long rule list does not take the pool.
 */
export async function settleAtMost<T, R>(
  limit: number,
  items: readonly T[],
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        outcomes[i] = { status: 'fulfilled', value: await fn(items[i]) };
      } catch (reason) {
        outcomes[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, lane),
  );
  return outcomes;
}
