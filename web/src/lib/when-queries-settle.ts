import type { QueryClient } from '@tanstack/react-query';

/**
 * Calls `then` once no query of `queryClient` has been fetching for `quietMs` (counted from the
 * call, and again from each fetch that ends): the page's first data is in, and what it set off
 * after it (a panel's own request, a chunk's query) too. Returns a function that cancels it.
 */
export function whenQueriesSettle(queryClient: QueryClient, quietMs: number, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = queryClient.isFetching() === 0 ? setTimeout(settled, quietMs) : undefined;
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' || event.type === 'added' || event.type === 'removed') restart();
  });
  function settled() {
    unsubscribe();
    then();
  }
  restart();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
