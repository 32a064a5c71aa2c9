/// <reference lib="dom" />
import type { BrowserContext, Page, Request } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

// Long enough for the stream's open (and any refetch it would set off) to have come and gone.
const SETTLE_MS = 5_000;

/** GET requests to each API path (without the query), counted from now on. */
function countApiGets(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.method() !== 'GET' || !url.pathname.startsWith('/api/')) return;
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
  });
  return counts;
}

/**
 * The newest event once none has come for SETTLE_MS: the demo stack's automation (contact tasks,
 * their notifications) runs for a while after it starts, and each of its events rightly refetches.
 */
async function quietEventMark(email: string): Promise<number> {
  // Its own session: the page's requests stay the page's, and the user sees the events the page sees.
  const watcher = await browser().newContext();
  const signIn = await watcher.request.post(appUrl('/api/auth/login'), { data: { email, password: 'flipstackk' }, headers: { [CLIENT_HEADER]: 'web' } });
  expect(signIn.status()).toBe(200);
  const newest = async (): Promise<number> => {
    const response = await watcher.request.get(appUrl('/api/events/recent?limit=1'));
    const body = (await response.json()) as { items: Array<{ id: number }> };
    return body.items[0]?.id ?? 0;
  };
  let mark = await newest();
  for (let round = 0; round < 30; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const now = await newest();
    if (now === mark) {
      await watcher.close();
      return mark;
    }
    mark = now;
  }
  throw new Error('events kept coming for two and a half minutes');
}

/** A gate a routed request waits behind until `open()`. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** A fresh desktop browser context signed in as `email`, on the dashboard. */
async function signedInPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('flipstackk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

describe('the first load', () => {
  it('shows the shell while the session is checked and while the data loads, and asks for each dashboard source once', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      await page.getByTestId('live-status').getByText('Live').waitFor();

      const quiet = await quietEventMark('agent@flipstackk.test');
      // A fresh load of the page with the session: the session check and the dashboard are held back.
      const session = gate();
      const figures = gate();
      await page.route('**/api/me', async (route) => {
        await session.wait;
        await route.continue();
      });
      await page.route('**/api/dashboard?**', async (route) => {
        await figures.wait;
        await route.continue();
      });
      const counts = countApiGets(page);
      await page.reload();

      // While the session is checked: the sidebar and top bar, and the page saying it is loading.
      const placeholder = page.getByTestId('shell-placeholder');
      await placeholder.waitFor();
      await placeholder.getByRole('complementary', { name: 'Navigation' }).getByText('Flipstackk').waitFor();
      await placeholder.getByRole('banner').waitFor();
      await placeholder.getByRole('status').getByText('Loading…').waitFor();
      session.open();

      // Signed in, the figures still on their way: the real navigation, and the figures say they are coming.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).waitFor();
      expect(await page.getByTestId('kpi-leads').textContent()).toBe('…');
      figures.open();
      await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="kpi-leads"]')?.textContent ?? ''));
      await page.getByTestId('live-status').getByText('Live').waitFor();
      await page.getByTestId('activity-feed').waitFor();

      await page.waitForTimeout(SETTLE_MS);
      expect(await quietEventMark('agent@flipstackk.test')).toBe(quiet); // nothing happened that should refetch
      expect({
        dashboard: counts.get('/api/dashboard'),
        notifications: counts.get('/api/notifications'),
        recentEvents: counts.get('/api/events/recent'),
        me: counts.get('/api/me'),
      }).toEqual({ dashboard: 1, notifications: 1, recentEvents: 1, me: 1 });
      await context.close();
    }));

  it('right after signing in, the dashboard asks for each of its sources once, and a change made then still arrives', () =>
    withStackLogs(async () => {
      const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(appUrl('/login'));
      const quiet = await quietEventMark('supervisor@flipstackk.test');
      const counts = countApiGets(page);
      await page.getByLabel('Email').fill('supervisor@flipstackk.test');
      await page.getByLabel('Password').fill('flipstackk');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(appUrl('/'));
      await page.getByTestId('live-status').getByText('Live').waitFor();
      await page.getByTestId('activity-feed').waitFor();
      await page.waitForTimeout(SETTLE_MS);
      expect(await quietEventMark('supervisor@flipstackk.test')).toBe(quiet);
      expect([counts.get('/api/dashboard'), counts.get('/api/notifications'), counts.get('/api/events/recent')]).toEqual([1, 1, 1]);

      // The stream that skipped the refetch still brings what others do: a lead created by another user appears.
      const { context: other, page: otherPage } = await signedInPage('agent@flipstackk.test');
      await otherPage.getByLabel('Seller name').fill('First Load Seller');
      await otherPage.getByLabel('Phone').fill('(937) 555-0142');
      await otherPage.getByLabel('Street').fill('42 First Load Ln');
      await otherPage.getByLabel('City').fill('Dayton');
      await otherPage.getByLabel('State').fill('OH');
      await otherPage.getByLabel('ZIP').fill('45402');
      await otherPage.getByLabel('Property type').selectOption('SFR');
      await otherPage.getByLabel('Asking price').fill('80000');
      await otherPage.getByLabel('Source').selectOption('COLD_CALL');
      await otherPage.getByRole('button', { name: 'Create lead' }).click();
      await page.getByTestId('activity-feed').getByText('New lead: First Load Seller, 42 First Load Ln, Dayton').waitFor({ timeout: 30_000 });
      await other.close();
      await context.close();
    }));

  it("opens a lead's page cold with its data asked for while the session is checked, each source once", () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      const leads = (await (await page.request.get(appUrl('/api/leads?limit=1'))).json()) as { items: Array<{ id: string; sellerName: string }> };
      const lead = leads.items[0]!;
      const quiet = await quietEventMark('agent@flipstackk.test');

      const session = gate();
      await page.route('**/api/me', async (route) => {
        await session.wait;
        await route.continue();
      });
      const counts = countApiGets(page);
      await page.goto(appUrl(`/leads/${lead.id}`));
      // No waterfall: the lead, its matching buyers and its panels are on their way before the session is known.
      const leadPath = `/api/leads/${lead.id}`;
      await page.waitForFunction(() => document.querySelector('[data-testid="shell-placeholder"]') !== null);
      const sentBeforeSession = async (path: string): Promise<number> => {
        for (let tries = 0; tries < 100 && !counts.get(path); tries += 1) await page.waitForTimeout(100);
        return counts.get(path) ?? 0;
      };
      expect([await sentBeforeSession(leadPath), await sentBeforeSession(`${leadPath}/matches`), await sentBeforeSession('/api/tasks'), await sentBeforeSession(`/api/history/lead/${lead.id}`)]).toEqual([1, 1, 1, 1]);
      session.open();

      await page.getByRole('heading', { name: lead.sellerName }).waitFor();
      await page.getByTestId('live-status').getByText('Live').waitFor();
      await page.waitForTimeout(SETTLE_MS);
      expect(await quietEventMark('agent@flipstackk.test')).toBe(quiet);
      // The recent items are asked again on purpose: opening the lead made it one of them.
      const askedTwice = [...counts].filter(([path, times]) => times > 1 && path !== '/api/me/recent');
      expect(askedTwice).toEqual([]);
      await context.close();
    }));

  it('shows a lead that does not exist at once, without asking again', () =>
    withStackLogs(async () => {
      const { context, page } = await signedInPage('agent@flipstackk.test');
      const counts = countApiGets(page);
      await page.goto(appUrl('/leads/no-such-lead'));
      await page.getByRole('alert').getByText('Back to leads').waitFor();
      await page.waitForTimeout(SETTLE_MS);
      expect(counts.get('/api/leads/no-such-lead')).toBe(1);
      await context.close();
    }));
});
