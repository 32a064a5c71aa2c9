import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from './use-me';

/** Sends a visitor without a session to /login, and back here after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <div className="page-loading">Loading…</div>;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return children;
}
