/** Installs the app-shell service worker (web/service-worker.js) in the built app, once the page has loaded. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // Without it the app still works online; there is nothing to tell the user.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
