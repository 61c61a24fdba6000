/**
 * An element's text as a reader sees it: dates and times keep their parts
 * together with no-break spaces (DateTimeText), which read as spaces.
 */
export function shownText(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\u00a0/g, ' ');
}
