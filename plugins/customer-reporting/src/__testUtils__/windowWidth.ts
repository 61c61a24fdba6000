/**
 * Makes `matchMedia` (missing in jsdom) answer width queries for a window
 * `width` px wide, so components see a narrow or wide window; returns the
 * undo for afterEach.
 */
export function setWindowWidth(width: number): () => void {
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => {
    const max = /max-width:\s*(\d+)px/.exec(query);
    const min = /min-width:\s*(\d+)px/.exec(query);
    const matches =
      (!max || width <= Number(max[1])) && (!min || width >= Number(min[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  }) as typeof window.matchMedia;
  return () => {
    window.matchMedia = original;
  };
}

/**
 * A table's column headers and, per body row, its cell count: a narrow
 * window must drop a column's cells along with its header.
 */
export function tableColumns(table: HTMLElement) {
  const [head, ...rows] = Array.from(table.querySelectorAll('tr'));
  return {
    headers: Array.from(head.querySelectorAll('th')).map(h => h.textContent),
    cellCounts: rows.map(row => row.querySelectorAll('td').length),
  };
}

/**
 * The cell of a body `row` under the column headed `header`: where a value
 * shows (its own column, or under another's value on narrow windows).
 */
export function cellUnder(
  table: HTMLElement,
  row: HTMLElement,
  header: string,
): HTMLElement {
  const headers = Array.from(
    table.querySelectorAll('tr')[0].querySelectorAll('th'),
  ).map(h => h.textContent);
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${headers}`);
  return row.querySelectorAll('td')[index] as HTMLElement;
}
