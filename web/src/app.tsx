import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueuePage } from './features/queue/queue-page';
import { AccountPage } from './features/account/account-page';
import { LoginPage } from './features/auth/login-page';
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
import { SettingsPage } from './features/settings/settings-page';
import { NewTaskPage } from './features/tasks/new-task-page';
import { TaskDetailPage } from './features/tasks/task-detail-page';
import { TasksPage } from './features/tasks/tasks-page';
import { InviteAcceptPage } from './features/users/invite-accept-page';
import { UsersPage } from './features/users/users-page';
import { ImportsPage } from './features/imports/imports-page';
import { OutboxPage } from './features/email/outbox-page';
import { UnsubscribePage } from './features/email/unsubscribe-page';
import { isUnauthenticated } from './lib/api-client';
import { isNetworkError, reportServerReachable } from './lib/connection-status';
import { shouldRetryQuery } from './lib/should-retry-query';

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

// The chart and calendar libraries are large: loaded only when their pages are opened.
const AnalyticsPage = lazy(() => import('./features/analytics/analytics-page').then((module) => ({ default: module.AnalyticsPage })));
const TaskCalendarPage = lazy(() => import('./features/tasks/task-calendar-page').then((module) => ({ default: module.TaskCalendarPage })));

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
            <Route index element={<DashboardPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="leads" element={<LeadsPage />} />
            <Route path="leads/board" element={<PipelineBoard />} />
            <Route path="leads/:id" element={<LeadDetailPage />} />
            <Route path="buyers" element={<BuyersPage />} />
            <Route path="buyers/:id" element={<BuyerDetailPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/new" element={<NewTaskPage />} />
            <Route
              path="tasks/calendar"
              element={
                <Suspense fallback={<p className="muted">Loading calendar…</p>}>
                  <TaskCalendarPage />
                </Suspense>
              }
            />
            <Route path="tasks/:id" element={<TaskDetailPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route
              path="analytics"
              element={
                <Suspense fallback={<p className="muted">Loading analytics…</p>}>
                  <AnalyticsPage />
                </Suspense>
              }
            />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
        <OfflineBanner />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
