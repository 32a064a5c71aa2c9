import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from './use-me';

/** Sends a visitor without a session to /login, and back to where they were after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <div className="page-status">Loading…</div>;
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
