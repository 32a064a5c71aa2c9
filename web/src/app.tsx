import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueuePage } from './features/queue/queue-page';
import { RequireAuth } from './features/auth/require-auth';
import { ME_KEY } from './features/auth/use-me';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { BuyerDetailPage } from './features/buyers/buyer-detail-page';
import { BuyersPage } from './features/buyers/buyers-page';
import { AppShell } from './features/layout/app-shell';
import { OfflineBanner } from './features/layout/offline-banner';
import { LeadDetailPage } from './features/leads/lead-detail-page';
import { LeadsPage } from './features/leads/leads-page';
import { PipelineBoard } from './features/leads/pipeline-board';
import { TaskDetailPage } from './features/tasks/task-detail-page';
import { TasksPage } from './features/tasks/tasks-page';
import { OutboxPage } from './features/email/outbox-page';
import { UnsubscribePage } from './features/email/unsubscribe-page';
import { isUnauthenticated } from './lib/api-client';
import { isNetworkError, reportServerReachable } from './lib/connection-status';
import { lazyPage } from './lib/lazy-component';
import { shouldRetryQuery } from './lib/should-retry-query';
import { LAZY_PAGES } from './page-code';

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

/** The app's one query cache (main.tsx waits for it to settle before the service worker installs). */
export const queryClient = createQueryClient();

const Page = Object.fromEntries(Object.entries(LAZY_PAGES).map(([name, page]) => [name, lazyPage(page.load)])) as Record<keyof typeof LAZY_PAGES, ComponentType>;

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        {/* The public pages' code loading; the shell's pages have their own Suspense inside the shell. */}
        <Suspense fallback={null}>
          <Routes>
            <Route path={LAZY_PAGES.login.path} element={<Page.login />} />
            <Route path={LAZY_PAGES.inviteAccept.path} element={<Page.inviteAccept />} />
            <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
            <Route
              element={
                <RequireAuth>
                  <AppShell />
                </RequireAuth>
              }
            >
              <Route index element={<DashboardPage />} />
              <Route path="queue" element={<QueuePage />} />
              <Route path="leads" element={<LeadsPage />} />
              <Route path="leads/board" element={<PipelineBoard />} />
              <Route path="leads/:id" element={<LeadDetailPage />} />
              <Route path="buyers" element={<BuyersPage />} />
              <Route path="buyers/:id" element={<BuyerDetailPage />} />
              <Route path="tasks" element={<TasksPage />} />
              <Route path={LAZY_PAGES.newTask.path} element={<Page.newTask />} />
              <Route path={LAZY_PAGES.calendar.path} element={<Page.calendar />} />
              <Route path="tasks/:id" element={<TaskDetailPage />} />
              <Route path={LAZY_PAGES.settings.path} element={<Page.settings />} />
              <Route path={LAZY_PAGES.account.path} element={<Page.account />} />
              <Route path={LAZY_PAGES.users.path} element={<Page.users />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path={LAZY_PAGES.imports.path} element={<Page.imports />} />
              <Route path={LAZY_PAGES.analytics.path} element={<Page.analytics />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </Suspense>
        <OfflineBanner />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
