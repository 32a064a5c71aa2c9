import type { QueryClient } from '@tanstack/react-query';

/**
 * Calls `then` once no query of `queryClient` has been fetching for `quietMs` (counted from the
 * call, and again from each fetch that ends): the page's first data is in, and what it set off
 * after it (a panel's own request, a chunk's query) too. Changes that fetch nothing (a live event
 * written into the cache) do not put it off. Returns a function that cancels it.
 */
export function whenQueriesSettle(queryClient: QueryClient, quietMs: number, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    if (queryClient.isFetching() > 0) {
      clearTimeout(timer);
      timer = undefined;
    } else timer ??= setTimeout(settled, quietMs);
  };
  const unsubscribe = queryClient.getQueryCache().subscribe(check);
  function settled() {
    unsubscribe();
    then();
  }
  check();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
