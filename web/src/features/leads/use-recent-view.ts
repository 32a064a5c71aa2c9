import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshQueries } from '../../lib/refresh-queries';
import { RECENT_KEY } from '../shell/user-items.api';
import { recordRecentView } from './leads.api';

/** Records that this user opened the lead, buyer or task, for the sidebar's and the palette's "Recent". */
export function useRecentView(entityType: 'lead' | 'buyer' | 'task', id: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A convenience; a failure to record it must not bother the user.
    recordRecentView(entityType, id)
      .then(() => refreshQueries(queryClient, RECENT_KEY))
      .catch(() => undefined);
  }, [entityType, id, queryClient]);
}
