import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isNetworkError, useOffline } from '../../lib/connection-status';
import { ShellPlaceholder } from '../layout/shell-placeholder';
import { useMe } from './use-me';

/**
 * Sends a visitor without a session to /login, and back to where they were after signing in.
 * Offline (the question waits for the network, or cannot reach the server) it shows the app
 * shell under the offline banner; the session is checked again once the connection is back.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const offline = useOffline();
  const unanswered = offline || me.fetchStatus === 'paused' || isNetworkError(me.error ?? me.failureReason);
  if (me.data === undefined && unanswered) return children;
  // The shell's frame at once while the session is checked, not a blank page.
  if (me.isPending) return <ShellPlaceholder />;
  if (me.isError) {
    return (
      <div className="page-status" role="alert">
        <p>{me.error.message}</p>
        <button type="button" className="button button-secondary" onClick={() => void me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
