/// <reference lib="dom" />
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

const PASSWORD = 'flipstackk';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser: runningBrowser } = useBrowserStack();

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await runningBrowser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  await page.getByTestId('live-status').getByText('Live').waitFor();
  return { context, page };
}

async function kpi(page: Page, testId: string): Promise<number> {
  await page.waitForFunction((id) => /^\d+$/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), testId);
  return Number(await page.getByTestId(testId).textContent());
}

const unread = async (page: Page): Promise<number> => {
  const badge = page.getByTestId('unread-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
};

describe('tasks in the browser', () => {
  it('seed scenario 5.1: lead intake → contact task → notification → in progress → lead contacted → 3-day follow-up', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      const unreadBefore = await unread(page);
      await page.getByLabel('Seller name').fill('Tess Scenario');
      await page.getByLabel('Phone').fill('(937) 555-0151');
      await page.getByLabel('Street').fill('51 Intake Rd');
      await page.getByLabel('City').fill('Dayton');
      await page.getByLabel('State').fill('OH');
      await page.getByLabel('ZIP').fill('45402');
      await page.getByLabel('Asking price').fill('70000');
      await page.getByRole('button', { name: 'Create lead' }).click();
      await page.getByRole('status').filter({ hasText: 'Lead created for Tess Scenario' }).waitFor();

      // The lead's workflow creates the contact task; its workflow assigns it and the bell rings.
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="unread-count"]')?.textContent ?? 0) > before, unreadBefore);
      await page.getByRole('button', { name: /^Notifications/ }).click();
      const ours = page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /New task: Contact lead within 1 hour.*Tess Scenario, 51 Intake Rd/ });
      await ours.waitFor();
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /New task: Contact lead within 1 hour.*Tess Scenario, 51 Intake Rd/ }).click();
      await page.getByRole('heading', { name: 'Contact lead within 1 hour' }).waitFor();
      await page.getByRole('definition').getByRole('link', { name: /Tess Scenario, 51 Intake Rd/ }).waitFor();
      // Opening it marked it read.
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await page.locator('.notification:not(.notification-unread)').getByRole('button', { name: /New task: Contact lead within 1 hour.*Tess Scenario, 51 Intake Rd/ }).waitFor();
      await page.getByRole('button', { name: /^Notifications/ }).click();

      // While the completion is on its way, a change to the task made elsewhere (another tab) commits and
      // its live event arrives: the predicted "Completed" must stay on screen, not flicker back to
      // "In progress", and the other change must show once the completion is answered.
      await page.route('**/api/tasks/*/transition', async (route) => {
        if ((route.request().postDataJSON() as { action?: string }).action === 'complete') {
          const taskPath = new URL(route.request().url()).pathname.replace(/\/transition$/, '');
          const edit = await page.request.patch(appUrl(taskPath), { data: { priority: 'LOW' }, headers: { [CLIENT_HEADER]: 'web' } });
          expect(edit.status()).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        await route.continue();
      });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.locator('.detail-title .status-pill').getByText('In progress').waitFor();
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { pillsSeen: string[] }).pillsSeen = seen;
        new MutationObserver(() => seen.push(document.querySelector('.detail-title .status-pill')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const completion = page.waitForResponse((response) => response.url().endsWith('/transition') && response.request().postDataJSON()?.action === 'complete');
      await page.getByRole('button', { name: 'Complete', exact: true }).click();
      await page.locator('.detail-title .status-pill').getByText('Completed').waitFor();
      await completion;
      await page.locator('.detail-title .priority').getByText('Low').waitFor();
      const pills = await page.evaluate(() => (window as unknown as { pillsSeen: string[] }).pillsSeen);
      expect(pills.slice(pills.indexOf('Completed'))).not.toContain('In progress');
      expect(await page.getByRole('group', { name: 'Task actions' }).count()).toBe(0);
      await page.unroute('**/api/tasks/*/transition');

      // Completing the contact task moves the lead to CONTACTED, whose workflow adds the follow-up.
      await page.getByRole('definition').getByRole('link', { name: /Tess Scenario, 51 Intake Rd/ }).click();
      await page.getByRole('heading', { name: 'Tess Scenario' }).waitFor();
      await page.locator('.detail-title .status-pill').getByText('Contacted').waitFor();
      await page.getByTestId('lead-tasks').getByText('Follow up with lead in 3 days').waitFor();
      await page.screenshot({ path: path.join(os.tmpdir(), 'flipstackk-task-scenario-5-1.png') });
      await context.close();
    }));

  it('seed scenario 5.3: an agent submits a review task, a supervisor approves it from the review queue, the dashboard follows live', () =>
    withStackLogs(async () => {
      const supervisor = await signedIn('supervisor@flipstackk.test');
      await supervisor.page.getByRole('link', { name: 'Tasks', exact: true }).click();
      await supervisor.page.getByRole('link', { name: 'New task' }).click();
      await supervisor.page.getByLabel('Title').fill('Prepare the assignment contract');
      await supervisor.page.getByLabel('Priority').selectOption('HIGH');
      await supervisor.page.getByLabel('Assignee').selectOption({ label: 'Avery Agent' });
      await supervisor.page.getByLabel("Requires a supervisor's review").check();
      await supervisor.page.getByRole('button', { name: 'Create task' }).click();
      await supervisor.page.getByRole('heading', { name: 'Prepare the assignment contract' }).waitFor();
      const taskUrl = supervisor.page.url();

      const agent = await signedIn('agent@flipstackk.test');
      const watcher = await signedIn('agent@flipstackk.test'); // the agent's own dashboard counts the agent's tasks
      await agent.page.getByRole('link', { name: 'Tasks', exact: true }).click();
      await agent.page.getByRole('table', { name: 'Tasks' }).getByRole('link', { name: 'Prepare the assignment contract' }).click();
      await agent.page.getByRole('button', { name: 'Start', exact: true }).click();
      await agent.page.locator('.detail-title .status-pill').getByText('In progress').waitFor();
      // It needs review: the agent can submit it but not complete or approve it.
      expect(await agent.page.getByRole('button', { name: 'Complete', exact: true }).count()).toBe(0);
      await agent.page.getByRole('button', { name: 'Submit for review' }).click();
      await agent.page.locator('.detail-title .status-pill').getByText('Pending review').waitFor();
      expect(await agent.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

      const openBefore = await kpi(watcher.page, 'kpi-open-tasks');
      await supervisor.page.goto(appUrl('/tasks'));
      await supervisor.page.getByRole('tab', { name: 'Review queue' }).click();
      await supervisor.page.getByRole('table', { name: 'Tasks' }).getByRole('link', { name: 'Prepare the assignment contract' }).click();
      expect(supervisor.page.url()).toBe(taskUrl);
      await supervisor.page.getByRole('button', { name: 'Approve' }).click();
      await supervisor.page.locator('.detail-title .status-pill').getByText('Completed').waitFor();

      // Everyone's dashboard drops the open count without a reload; the agent's page shows the approval live.
      await watcher.page.waitForFunction((expected) => document.querySelector('[data-testid="kpi-open-tasks"]')?.textContent === String(expected), openBefore - 1);
      await agent.page.locator('.detail-title .status-pill').getByText('Completed').waitFor();
      await agent.page.getByRole('status').getByText('Sam Supervisor approved this task: status is now Completed.').waitFor();
      for (const session of [supervisor, agent, watcher]) await session.context.close();
    }));

  it('refuses a rejection without a reason, reschedules on the calendar page, and admins alone edit settings', () =>
    withStackLogs(async () => {
      const supervisor = await signedIn('supervisor@flipstackk.test');
      await supervisor.page.goto(appUrl('/tasks/new'));
      await supervisor.page.getByLabel('Title').fill('Call the title company');
      // Due just after midnight ten days out, in the browser's time: the first event of a day few
      // tasks share, so the month cell shows it instead of folding it into "+3 more" (the default,
      // this time tomorrow, sorts last on a busy day in the evening).
      const due = await supervisor.page.evaluate(() => {
        const day = new Date();
        day.setDate(day.getDate() + 10);
        const pad = (value: number) => String(value).padStart(2, '0');
        return { input: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T00:05`, nextMonth: day.getMonth() !== new Date().getMonth() };
      });
      await supervisor.page.getByLabel('Due').fill(due.input);
      await supervisor.page.getByRole('button', { name: 'Create task' }).click();
      await supervisor.page.getByRole('heading', { name: 'Call the title company' }).waitFor();
      await supervisor.page.getByLabel('Priority').selectOption('LOW');
      await supervisor.page.getByRole('link', { name: 'Calendar' }).first().click();
      const calendar = supervisor.page.getByTestId('task-calendar');
      await calendar.locator('.rbc-month-view').waitFor();
      if (due.nextMonth) await supervisor.page.getByRole('button', { name: 'Next' }).click();
      await supervisor.page.locator('[data-testid="task-calendar"][aria-busy="false"]').waitFor();
      await calendar.getByText('Call the title company').first().waitFor();
      await calendar.getByText('Call the title company').first().click();
      await supervisor.page.getByRole('heading', { name: 'Call the title company' }).waitFor();
      expect(await supervisor.page.getByLabel('Priority').inputValue()).toBe('LOW');

      const agent = await signedIn('agent@flipstackk.test');
      await agent.page.goto(appUrl('/settings'));
      await agent.page.getByText('Only an admin can change these.').waitFor();
      expect(await agent.page.getByLabel('MAO rule %').isDisabled()).toBe(true);

      const admin = await signedIn('admin@flipstackk.test');
      await admin.page.goto(appUrl('/settings'));
      await admin.page.getByLabel('MAO rule %').fill('150');
      await admin.page.getByRole('button', { name: 'Save settings' }).click();
      await admin.page.getByText('MAO rule % must be at most 100').waitFor();
      await admin.page.getByLabel('MAO rule %').fill('65');
      await admin.page.getByLabel('Contact a new lead within').fill('2h');
      // The next call attempt after no answer or a voicemail, offered in words.
      const retryDelay = admin.page.getByLabel('Next call attempt after no answer / voicemail');
      expect(await retryDelay.locator('option:checked').textContent()).toBe('The next business day, same time');
      await retryDelay.selectOption({ label: '2 hours later' });
      await admin.page.getByRole('button', { name: 'Save settings' }).click();
      await admin.page.getByRole('status').getByText('Saved. New timers use these durations.').waitFor();
      // The agent's open settings page follows live.
      await agent.page.waitForFunction(() => (document.getElementById('setting-rule-percent') as HTMLInputElement | null)?.value === '65');
      await agent.page.waitForFunction(() => (document.getElementById('setting-retry-delay') as HTMLSelectElement | null)?.value === '2h');
      expect(await agent.page.getByLabel('Next call attempt after no answer / voicemail').isDisabled()).toBe(true);
      await admin.page.reload();
      expect(await admin.page.getByLabel('Next call attempt after no answer / voicemail').locator('option:checked').textContent()).toBe('2 hours later');
      for (const session of [supervisor, agent, admin]) await session.context.close();
    }));
  it('shows a desktop alert for a new lead someone else gives me, once I allowed them', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await context.grantPermissions(['notifications'], { origin: appUrl('/').replace(/\/$/, '') });
      // Record what the app shows instead of asking the desktop to show it.
      await page.evaluate(() => {
        const shown: Array<{ title: string; body: string }> = [];
        (window as unknown as { shownAlerts: typeof shown }).shownAlerts = shown;
        class RecordingNotification {
          static permission = 'granted';
          static requestPermission = () => Promise.resolve('granted');
          onclick: (() => void) | null = null;
          constructor(title: string, options: { body: string }) {
            shown.push({ title, body: options.body });
          }
          close() {}
        }
        Object.defineProperty(window, 'Notification', { value: RecordingNotification });
      });

      const admin = await signedIn('admin@flipstackk.test');
      const status = await admin.page.evaluate(async (ownerEmail) => {
        const users = (await (await fetch('/api/users')).json()) as { items: Array<{ id: string; email: string }> };
        const ownerId = users.items.find((user) => user.email === ownerEmail)!.id;
        const response = await fetch('/api/leads', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sellerName: 'Alert Seller', street: '9 Bell St', city: 'Dayton', state: 'OH', zip: '45402', ownerId }),
        });
        return response.status;
      }, 'agent@flipstackk.test');
      expect(status).toBe(201);
      await page.waitForFunction(() =>
        (window as unknown as { shownAlerts: Array<{ title: string }> }).shownAlerts.some((alert) => alert.title === 'New lead: Alert Seller'),
      );
      // The HIGH priority contact task assigned to the agent alerts too.
      await page.waitForFunction(() =>
        (window as unknown as { shownAlerts: Array<{ title: string; body: string }> }).shownAlerts.some(
          (alert) => alert.title === 'New task: Contact lead within 1 hour' && alert.body.includes('Alert Seller'),
        ),
      );
      await admin.context.close();
      await context.close();
    }));

  it('shows desktop alerts as on once allowed, and turns them off and on again', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await context.grantPermissions(['notifications'], { origin: new URL(appUrl()).origin });
      await page.reload();
      const bell = page.getByRole('button', { name: /^Notifications/ });
      await bell.click();
      const alerts = page.getByTestId('desktop-alerts');
      await alerts.getByText('Desktop alerts on').waitFor();
      await alerts.getByRole('button', { name: 'Turn off' }).click();
      await alerts.getByText('Desktop alerts off').waitFor();
      // The choice outlives the page.
      await page.reload();
      await bell.click();
      await alerts.getByText('Desktop alerts off').waitFor();
      await alerts.getByRole('button', { name: 'Turn on' }).click();
      await alerts.getByText('Desktop alerts on').waitFor();
      await context.close();
    }));

  it('names on every task row what the task is about, linking to it', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/tasks'));
      const rows = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Contact lead within 1 hour', exact: true }) });
      await rows.first().waitFor();
      const count = await rows.count();
      const subjects = await rows.locator('.task-subject').allTextContents();
      expect(subjects).toHaveLength(count);
      expect(new Set(subjects).size).toBe(count); // five identical rows no longer
      const subject = rows.first().locator('.task-subject');
      const seller = ((await subject.textContent()) ?? '').split(',')[0]!;
      await subject.click();
      await page.getByRole('heading', { name: seller }).waitFor();
      await context.close();
    }));

  it('opens the calendar week on working hours, not at midnight', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/tasks/calendar'));
      await page.getByRole('button', { name: 'Week' }).click();
      const hours = page.locator('.rbc-time-content');
      await hours.waitFor();
      await page.waitForFunction(() => (document.querySelector('.rbc-time-content')?.scrollTop ?? 0) > 0);
      // The first hour in view is 7 or 8 AM (8 AM sits at the top, give or take a pixel's rounding).
      const scrolled = await hours.evaluate((element) => {
        const labels = Array.from(element.querySelectorAll<HTMLElement>('.rbc-timeslot-group'));
        const top = element.getBoundingClientRect().top;
        return labels.findIndex((label) => label.getBoundingClientRect().bottom > top + 1);
      });
      expect([7, 8]).toContain(scrolled);
      await context.close();
    }));
});
