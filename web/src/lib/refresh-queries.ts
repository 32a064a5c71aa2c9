import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

/** First loads that already have a second ask waiting for them: a burst of changes asks once. */
const askingAgain = new WeakSet<Query>();

/**
 * Marks the queries under `queryKey` stale and refetches the ones on screen, after a change the
 * server has committed. A first load already on its way may have been read before that change, and
 * TanStack Query joins such a load instead of asking again (it cancels and refetches only queries
 * that have data): those are asked once more when their first answer lands, so the change shows.
 */
export async function refreshQueries(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  const firstLoads = queryClient
    .getQueryCache()
    .findAll({ queryKey, predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'fetching' && !askingAgain.has(query) });
  for (const query of firstLoads) askingAgain.add(query);
  try {
    await queryClient.invalidateQueries({ queryKey });
  } finally {
    for (const query of firstLoads) askingAgain.delete(query);
  }
  await Promise.all(firstLoads.map((query) => queryClient.refetchQueries({ queryKey: query.queryKey, exact: true, type: 'active' })));
}
