import type { QueryClient } from '@tanstack/react-query';
import { whenQueriesSettle } from './when-queries-settle';

/**
 * How long the page's queries must have been done before the worker installs. Installing
 * downloads every file of the app (some 50, 580 KB); started at `load`, it took the connections
 * and the CPU from the page's own requests and its first render.
 */
const QUIET_BEFORE_INSTALL_MS = 1_000;

/** Installs the app-shell service worker (web/service-worker.js) in the built app, once the page has loaded and its data is in. */
export function registerServiceWorker(queryClient: QueryClient): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    whenQueriesSettle(queryClient, QUIET_BEFORE_INSTALL_MS, () => {
      // Without it the app still works online; there is nothing to tell the user.
      navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    });
  });
}
