import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface LiveEvent {
  id: number;
  name: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  createdAt: string;
  entity: Record<string, unknown>;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

// The SSE `event:` names the server sends (`<entity>.<action>`).
const EVENT_NAMES = [
  'lead.created',
  'lead.status_changed',
  'task.created',
  'task.assigned',
  'task.overdue',
  'task.cancelled',
  'notification.created',
  'deal.created',
];

// Which cached queries each kind of entity change makes stale.
const STALE_QUERIES: Record<string, string[][]> = {
  lead: [['dashboard'], ['leads']],
  task: [['dashboard'], ['tasks']],
  deal: [['dashboard']],
  notification: [['notifications']],
};

interface LiveEventsValue {
  status: LiveStatus;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

const LiveEventsContext = createContext<LiveEventsValue | null>(null);

/**
 * One EventSource for the signed-in app. It reconnects by itself with Last-Event-ID, and the
 * server replays what was missed, so no change is lost while the connection is down.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'connecting' : 'reconnecting');
    const onMessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      for (const queryKey of STALE_QUERIES[event.entityType] ?? []) void queryClient.invalidateQueries({ queryKey });
      for (const listener of listeners.current) listener(event);
    };
    for (const name of EVENT_NAMES) source.addEventListener(name, onMessage);
    return () => source.close();
  }, [queryClient]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

export function useLiveEvents(): LiveEventsValue {
  const value = useContext(LiveEventsContext);
  if (!value) throw new Error('useLiveEvents needs a LiveEventsProvider');
  return value;
}
