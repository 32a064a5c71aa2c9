import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addFavorite, FAVORITES_KEY, listFavorites, removeFavorite, type ItemType } from './user-items.api';

/** The star on a lead's, buyer's or task's page: adds it to my favorites (the sidebar and the palette), or takes it off. */
export function FavoriteButton({ entityType, entityId }: { entityType: ItemType; entityId: string }) {
  const queryClient = useQueryClient();
  const favorites = useQuery({ queryKey: FAVORITES_KEY, queryFn: listFavorites, staleTime: 30_000 });
  const isFavorite = favorites.data?.items.some((item) => item.entityType === entityType && item.entityId === entityId) ?? false;
  const toggle = useMutation({
    mutationFn: () => (isFavorite ? removeFavorite({ entityType, entityId }) : addFavorite({ entityType, entityId })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FAVORITES_KEY }),
  });
  return (
    <button
      type="button"
      className="favorite-button"
      aria-pressed={isFavorite}
      aria-label={isFavorite ? 'Remove from favorites' : 'Add to favorites'}
      title={isFavorite ? 'Remove from favorites' : 'Add to favorites'}
      disabled={favorites.isPending || toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path
          d="m10 2.8 2.2 4.6 5 .7-3.6 3.5.9 5-4.5-2.4-4.5 2.4.9-5L2.8 8.1l5-.7Z"
          fill={isFavorite ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
