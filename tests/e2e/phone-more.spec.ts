/// <reference lib="dom" />
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { layoutHeight } from '../support/layout-height';

jest.setTimeout(240_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

const PASSWORD = 'flipstackk';
// A phone as Chromium's device emulation draws it: an iPhone 12–15 sized screen, touch, no mouse.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const WAIT = { timeout: 30_000 };

async function onPhoneAs(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext(PHONE);
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

/** How much wider than the screen the page is: 0 when nothing scrolls sideways. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens each page once it shows what `ready` finds, and lists those wider than the screen. */
async function overflowingPages(page: Page, pages: Array<[string, (page: Page) => Locator]>): Promise<string[]> {
  const overflowing: string[] = [];
  for (const [route, ready] of pages) {
    await page.goto(appUrl(route));
    await ready(page).waitFor(WAIT);
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) overflowing.push(`${route} is ${overflow}px too wide`);
  }
  return overflowing;
}

describe('the admin, manager and calendar pages on a phone (390 × 844)', () => {
  it('as the admin: Settings, Users and the Outbox do not scroll sideways, and the Outbox shows each message as a card', () =>
    withStackLogs(async () => {
      const { context, page } = await onPhoneAs('admin@flipstackk.test');
      // A message in the Outbox: matching properties e-mailed to a buyer (the demo data's Gem City Capital).
      const buyers = await waitUntil('the demo buyers', async () => {
        const list = await page.evaluate(async () => ((await (await fetch('/api/buyers')).json()) as { items?: Array<{ id: string; name: string }> }).items);
        return list?.length ? list : undefined;
      }, 60_000);
      const gemCity = buyers.find((buyer) => buyer.name === 'Gem City Capital');
      expect(gemCity).toBeDefined();
      const sent = await page.request.post(appUrl(`/api/buyers/${gemCity!.id}/send-matches`), { headers: { [CLIENT_HEADER]: 'test' }, data: {} });
      expect(sent.status()).toBe(202);

      expect(
        await overflowingPages(page, [
          ['/settings', (p) => p.getByRole('heading', { name: 'Settings', level: 1 })],
          ['/users', (p) => p.getByRole('cell', { name: /Avery Agent/ }).first()],
          ['/outbox', (p) => p.getByTestId('outbox-row').first()],
        ]),
      ).toEqual([]);

      // On /outbox now: the message is a card as wide as the screen's content, headed by its subject, its fields labelled.
      const row = page.getByTestId('outbox-row').filter({ hasText: 'deals@gemcity.example' });
      expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
      const card = await row.boundingBox();
      expect(card && card.x >= 0 && card.x + card.width <= 390).toBe(true);
      const labels = await row.locator('td[data-label]').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
      expect(labels).toEqual(['"Queued"', '"To"', '"Status"', '"Delivery"']);
      // Nothing in the list scrolls sideways inside its card either.
      expect(await page.locator('.outbox-table').evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
      const subject = row.getByRole('button', { name: /match(es)? your buy box/ });
      const subjectBox = await subject.boundingBox();
      expect(await layoutHeight(subject)).toBeGreaterThanOrEqual(44);
      expect(subjectBox!.y).toBeLessThan((await row.getByText('deals@gemcity.example').boundingBox())!.y);

      // Tapping the subject opens the message, which fits the screen too.
      await subject.tap();
      await page.locator('.outbox-text').waitFor(WAIT);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await context.close();
    }));

  it('as the supervisor, Analytics does not scroll sideways', () =>
    withStackLogs(async () => {
      const { context, page } = await onPhoneAs('supervisor@flipstackk.test');
      expect(await overflowingPages(page, [['/analytics', (p) => p.getByRole('heading', { name: 'Lead conversion funnel' })]])).toEqual([]);
      await context.close();
    }));

  it('as the agent, the task calendar opens as the list of the coming days, each title whole, and does not scroll sideways', () =>
    withStackLogs(async () => {
      const { context, page } = await onPhoneAs('agent@flipstackk.test');
      const me = (await (await page.request.get(appUrl('/api/me'))).json()) as { id: string };
      // Longer than a month's cell (a seventh of the screen) or a week's column could show.
      const title = `Call the seller back about the roof estimate and the closing date ${Date.now()}`;
      // Due tomorrow at 23:30 on the phone's clock: its hour on the calendar would cross midnight and list it under two days.
      const dueAt = await page.evaluate(() => {
        const now = new Date();
        return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 23, 30).toISOString();
      });
      const created = await page.request.post(appUrl('/api/tasks'), { headers: { [CLIENT_HEADER]: 'test' }, data: { title, dueAt, priority: 'HIGH', assigneeId: me.id } });
      expect(created.status()).toBe(201);
      const task = (await created.json()) as { id: string };

      expect(await overflowingPages(page, [['/tasks/calendar', (p) => p.getByTestId('task-calendar').locator('.rbc-agenda-view')]])).toEqual([]);
      const link = page.getByTestId('task-calendar').getByRole('link', { name: title });
      await link.waitFor(WAIT);
      expect(await link.innerText()).toBe(title);
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await page.getByTestId('task-calendar').locator('tr', { hasText: title }).innerText()).toMatch(/High/);
      // The month is one tap away.
      await page.getByRole('button', { name: 'Month' }).tap();
      await page.getByTestId('task-calendar').locator('.rbc-month-view').waitFor(WAIT);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByRole('button', { name: 'List' }).tap();
      await link.tap();
      await page.waitForURL(appUrl(`/tasks/${task.id}`));
      // One step back is the calendar again: the tap made one history entry.
      await page.goBack();
      await page.waitForURL(appUrl('/tasks/calendar'));
      await context.close();
    }));
});
