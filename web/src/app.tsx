import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './features/auth/login-page';
import { RequireAuth } from './features/auth/require-auth';
import { ME_KEY } from './features/auth/use-me';
import { AppShell } from './features/layout/app-shell';
import { OfflineBanner } from './features/layout/offline-banner';
import { InviteAcceptPage } from './features/users/invite-accept-page';
import { UnsubscribePage } from './features/email/unsubscribe-page';
import { isUnauthenticated } from './lib/api-client';
import { isNetworkError, reportServerReachable } from './lib/connection-status';
import { shouldRetryQuery } from './lib/should-retry-query';
import { SIGNED_IN_PAGES } from './signed-in-pages';

function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended: forget the user, and RequireAuth shows the login.
  // A request that cannot reach the server shows the offline banner until one gets through.
  const onError = (error: Error) => {
    if (isUnauthenticated(error)) queryClient.setQueryData(ME_KEY, null);
    if (isNetworkError(error)) reportServerReachable(false);
  };
  const onSuccess = () => reportServerReachable(true);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError, onSuccess }),
    mutationCache: new MutationCache({ onError, onSuccess }),
    defaultOptions: {
      queries: { retry: shouldRetryQuery },
    },
  });
  return queryClient;
}

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invite/:token" element={<InviteAcceptPage />} />
          <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            {SIGNED_IN_PAGES.map(({ path, Component }) => (
              <Route key={path} path={path} element={<Component />} />
            ))}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
        <OfflineBanner />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
