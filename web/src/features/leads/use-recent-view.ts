import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RECENT_KEY } from '../shell/user-items.api';
import { recordRecentView } from './leads.api';

/** Records that this user opened the lead, buyer or task, for the sidebar's and the palette's "Recent". */
export function useRecentView(entityType: 'lead' | 'buyer' | 'task', id: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A convenience; a failure to record it must not bother the user.
    recordRecentView(entityType, id)
      .then(async () => {
        // The list's first load (a page opened straight from its address) may still be on its way,
        // read before this visit; invalidating alone would join that load instead of asking again.
        await queryClient.cancelQueries({ queryKey: RECENT_KEY });
        await queryClient.invalidateQueries({ queryKey: RECENT_KEY });
      })
      .catch(() => undefined);
  }, [entityType, id, queryClient]);
}
