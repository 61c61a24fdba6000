import { act, renderHook, waitFor } from '@testing-library/react';
import { CursorPage, useCursorPages } from './useCursorPages';

/** A list route whose answers the test releases by query and cursor. */
function pagedRoute() {
  const pending = new Map<string, (page: CursorPage<string>) => void>();
  const fetchPage = jest.fn(
    (query: string, cursor?: string) =>
      new Promise<CursorPage<string>>(resolve =>
        pending.set(`${query}:${cursor ?? 'first'}`, resolve),
      ),
  );
  const answer = async (key: string, page: CursorPage<string>) => {
    await waitFor(() => expect(pending.has(key)).toBe(true));
    const resolve = pending.get(key)!;
    // Forgotten once answered, so asking again (a retry) must send anew.
    pending.delete(key);
    await act(async () => resolve(page));
  };
  return { fetchPage, answer };
}

describe('useCursorPages', () => {
  it('appends the next page, then has no more', async () => {
    const route = pagedRoute();
    const { result } = renderHook(() =>
      useCursorPages(cursor => route.fetchPage('a', cursor), ['a']),
    );
    await route.answer('a:first', { items: ['a1'], nextCursor: 'c2' });
    expect(result.current.items).toEqual(['a1']);
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    await route.answer('a:c2', { items: ['a2'], nextCursor: null });
    expect(result.current.items).toEqual(['a1', 'a2']);
    expect(result.current.hasMore).toBe(false);
    expect(route.fetchPage).toHaveBeenLastCalledWith('a', 'c2');
  });

  it('drops a "Load more" answer of the previous query', async () => {
    const route = pagedRoute();
    const { result, rerender } = renderHook(
      ({ query }) =>
        useCursorPages(cursor => route.fetchPage(query, cursor), [query]),
      { initialProps: { query: 'a' } },
    );
    await route.answer('a:first', { items: ['a1'], nextCursor: 'c2' });
    act(() => result.current.loadMore());

    rerender({ query: 'b' });
    await route.answer('b:first', { items: ['b1'], nextCursor: 'c2' });
    act(() => result.current.loadMore());
    await route.answer('b:c2', { items: ['b2'], nextCursor: 'c3' });
    await route.answer('a:c2', { items: ['a2'], nextCursor: null });

    expect(result.current.items).toEqual(['b1', 'b2']);
    expect(result.current.hasMore).toBe(true);
  });

  it('starts over from the first page on retry', async () => {
    const route = pagedRoute();
    const { result } = renderHook(() =>
      useCursorPages(cursor => route.fetchPage('a', cursor), ['a']),
    );
    await route.answer('a:first', { items: ['a1'], nextCursor: 'c2' });
    act(() => result.current.loadMore());
    await route.answer('a:c2', { items: ['a2'], nextCursor: null });
    expect(result.current.items).toEqual(['a1', 'a2']);

    act(() => result.current.firstPage.retry());
    await route.answer('a:first', { items: ['a1*'], nextCursor: 'c2' });
    expect(result.current.items).toEqual(['a1*']);
  });
});
