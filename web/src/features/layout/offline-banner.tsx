import { useOffline } from '../../lib/connection-status';
import './app-shell.css';

/** Says, at the foot of every page, that the app is offline and that changes will not be saved. */
export function OfflineBanner() {
  const offline = useOffline();
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path d="M3 3l14 14M6.5 9.2a6 6 0 0 1 2.3-.9M2.5 6.8a10 10 0 0 1 3-1.9M17.5 6.8A10 10 0 0 0 9 4.1M13.5 9.2l-.7-.4M7.6 12.3a3 3 0 0 1 3.6-.5M10 15.5h.01" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      </svg>
      <span>
        <strong>Offline</strong> — showing the app shell; changes need a connection.
      </span>
    </div>
  );
}
