/** A bound on pages per listing, so a misbehaving API cannot page forever. */
const MAX_PAGES = 10_000;

/** Records per request: the Vendor API's page size where it has one. */
export const PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** Records on the page, malformed ones included. */
  received: number;
  /** The total the API announced (totalCustomers, matchedCount, total). */
  total?: number;
}

/**
 * Pages 0, 1, ... of a listing until a page is empty or the records
 * received reach the announced total; without a total, until an empty
 * page. The specification says only "Current page"; Replicated's own CLI
 * (`ListCustomers`) also starts at `currentPage=0` and stops at
 * `totalCustomers`. `fetchPage` gets the page index (`currentPage`) and
 * the records received so far (`Offset`: the API may cap a page below the
 * size asked).
 */
export async function pullPages<T>(
  fetchPage: (index: number, received: number) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let received = 0;
  for (let index = 0; index < MAX_PAGES; index++) {
    const page = await fetchPage(index, received);
    items.push(...page.items);
    received += page.received;
    if (page.received === 0) break;
    if (page.total !== undefined && received >= page.total) break;
  }
  return items;
}
