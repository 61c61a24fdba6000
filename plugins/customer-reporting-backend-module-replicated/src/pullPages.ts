/** A bound on pages per listing, so a misbehaving API cannot page forever. */
const MAX_PAGES = 10_000;

export interface Page<T> {
  items: T[];
  /** Records on the page, malformed ones included. */
  received: number;
  /** The total the API announced, if it did. */
  total?: number;
}

/**
 * Pages `currentPage` = 0, 1, ... until a page is empty or the records
 * received reach the announced total. When no total is announced,
 * `withoutTotal` decides: `next` keeps paging until an empty page (the
 * customer list), `stop` takes the first page as all there is (a listing
 * not known to page).
 */
export async function pullPages<T>(
  fetchPage: (currentPage: number) => Promise<Page<T>>,
  withoutTotal: 'next' | 'stop',
): Promise<T[]> {
  const items: T[] = [];
  let received = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    received += result.received;
    if (result.received === 0) break;
    if (
      result.total === undefined
        ? withoutTotal === 'stop'
        : received >= result.total
    )
      break;
  }
  return items;
}
