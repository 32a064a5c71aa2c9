import { useSyncExternalStore } from 'react';
import { ApiError } from './api-client';

// Whether the last API request failed to reach the server (set from the query cache in app.tsx).
let unreachable = false;
const listeners = new Set<() => void>();

/** A request failed to reach the server (a network error, not an error answer) or just reached it. */
export function reportServerReachable(reachable: boolean): void {
  if (unreachable !== reachable) return;
  unreachable = !reachable;
  for (const listener of listeners) listener();
}

/** Whether `error` is a request that never reached the server. */
export const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.code === 'NETWORK_ERROR';

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** True while the browser says it is offline or the server cannot be reached. */
export function useOffline(): boolean {
  return useSyncExternalStore(subscribe, () => !navigator.onLine || unreachable);
}
