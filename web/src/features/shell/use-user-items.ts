import { useQuery } from '@tanstack/react-query';
import { FAVORITES_KEY, listFavorites, listRecentItems, RECENT_KEY } from './user-items.api';

/** My favorites and what I opened last, named, for the sidebar and the palette (server-side: they follow me to another device). */
export function useUserItems() {
  const favorites = useQuery({ queryKey: FAVORITES_KEY, queryFn: listFavorites, staleTime: 30_000 });
  const recent = useQuery({ queryKey: RECENT_KEY, queryFn: listRecentItems, staleTime: 10_000 });
  // A deleted record keeps its row but has no title: it is not shown.
  return {
    favorites: (favorites.data?.items ?? []).filter((item) => item.title !== null),
    recent: (recent.data?.items ?? []).filter((item) => item.title !== null),
  };
}
