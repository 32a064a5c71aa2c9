import { partialMatchKey, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query';

/** First loads that already have a second ask waiting for them: a burst of changes asks once. */
const askingAgain = new WeakSet<Query>();

/**
 * Whether an optimistic change on its way holds the query: a mutation with a `mutationKey` under
 * which the query lies. Its prediction is on screen, and a read made before the server commits it
 * would put the old state back until the answer lands; the change refetches what it holds when it
 * settles (its `onSettled`), so nothing committed meanwhile is missed.
 */
function heldByPendingChanges(queryClient: QueryClient): (query: Query) => boolean {
  const keys = queryClient
    .getMutationCache()
    .findAll({ status: 'pending' })
    .flatMap((mutation) => (mutation.options.mutationKey ? [mutation.options.mutationKey] : []));
  return (query) => keys.some((key) => partialMatchKey(query.queryKey, key));
}

/**
 * Marks the queries under `queryKey` stale and refetches the ones on screen, after a change the
 * server has committed. A first load already on its way may have been read before that change, and
 * TanStack Query joins such a load instead of asking again (it cancels and refetches only queries
 * that have data): those are asked once more when their first answer lands, so the change shows.
 * A query an optimistic change holds is only marked stale (see heldByPendingChanges).
 */
export async function refreshQueries(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  const held = heldByPendingChanges(queryClient);
  const firstLoads = queryClient
    .getQueryCache()
    .findAll({ queryKey, predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'fetching' && !askingAgain.has(query) });
  for (const query of firstLoads) askingAgain.add(query);
  try {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey, predicate: (query) => !held(query) }),
      queryClient.invalidateQueries({ queryKey, predicate: held, refetchType: 'none' }),
    ]);
  } finally {
    for (const query of firstLoads) askingAgain.delete(query);
  }
  await Promise.all(firstLoads.map((query) => queryClient.refetchQueries({ queryKey: query.queryKey, exact: true, type: 'active' })));
}
