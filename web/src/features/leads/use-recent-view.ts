import { useEffect } from 'react';
import { recordRecentView } from './leads.api';

/** Records that this user opened the lead or buyer, for "Recently viewed". */
export function useRecentView(entityType: 'lead' | 'buyer', id: string): void {
  useEffect(() => {
    // A convenience; a failure to record it must not bother the user.
    recordRecentView(entityType, id).catch(() => undefined);
  }, [entityType, id]);
}
