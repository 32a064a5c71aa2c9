/// <reference lib="dom" />
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { layoutHeight } from '../support/layout-height';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

const PASSWORD = 'flipstackk';
// A phone as Chromium's device emulation draws it: an iPhone 12–15 sized screen, touch, no mouse.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const WAIT = { timeout: 30_000 };
// The supervisor may write any lead and offer (domain/auth/permissions.ts); the others only their own.

async function phoneContext(): Promise<BrowserContext> {
  return browser().newContext(PHONE);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
}

/** The first item's id of an API list (the demo data's workflows write tasks shortly after the stack starts). */
async function firstId(page: Page, route: string): Promise<string> {
  return waitUntil(`an item at ${route}`, () => page.evaluate(async (url) => ((await (await fetch(url)).json()) as { items?: Array<{ id: string }> }).items?.[0]?.id, route), 60_000);
}

/** How much wider than the screen the page is: 0 when nothing scrolls sideways. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}


describe('Flipstackk on a phone (390 × 844)', () => {
  it('no page scrolls sideways: dashboard, leads, a lead with an offer, pipeline, buyers, a buyer, tasks, a task, a new task, my calls, the account', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await page.goto(appUrl('/login'));
      await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await signIn(page, 'supervisor@flipstackk.test');
      const leadId = await firstId(page, '/api/leads?limit=1');
      const buyerId = await firstId(page, '/api/buyers?limit=1');
      const taskId = await firstId(page, '/api/tasks?view=team&limit=1');
      // An offer on the lead, so its offers card has a row with its status buttons.
      const offer = await page.request.post(appUrl('/api/offers'), { headers: { [CLIENT_HEADER]: 'test' }, data: { leadId, kind: 'PURCHASE', amount: 81_000, status: 'SENT' } });
      expect(offer.status()).toBe(201);

      const pages: Array<[string, (page: Page) => Locator]> = [
        ['/', (p) => p.getByRole('heading', { level: 1 })],
        ['/leads', (p) => p.getByTestId('leads-table').locator('tbody .row-link').first()],
        [`/leads/${leadId}`, (p) => p.getByTestId('offer-row').first()],
        ['/leads/board', (p) => p.getByTestId('board-card').first()],
        ['/buyers', (p) => p.getByTestId('buyers-table').locator('tbody .row-link').first()],
        [`/buyers/${buyerId}`, (p) => p.getByRole('heading', { name: 'Buy box' })],
        ['/tasks?view=team', (p) => p.getByRole('table', { name: 'Tasks' }).locator('tbody .cell-title a').first()],
        [`/tasks/${taskId}`, (p) => p.getByRole('heading', { name: 'History' })],
        ['/tasks/new', (p) => p.getByRole('button', { name: 'Create task' })],
        ['/queue', (p) => p.getByText(/to call · \d+ logged/)],
        ['/account', (p) => p.getByRole('table', { name: 'Where you’re signed in' }).locator('tbody tr').first()],
      ];
      const overflowing: string[] = [];
      for (const [route, ready] of pages) {
        await page.goto(appUrl(route));
        await ready(page).waitFor(WAIT);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${route} is ${overflow}px too wide`);
      }
      expect(overflowing).toEqual([]);
      await context.close();
    }));

  it('the menu button opens the navigation drawer: focus moves in, Escape shuts it, a link navigates and shuts it', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await signIn(page, 'agent@flipstackk.test');
      const menu = page.getByRole('button', { name: 'Menu', exact: true });
      const drawer = page.getByRole('dialog', { name: 'Navigation' });

      // Shut, the sidebar is off screen and out of the tab order.
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: 'Tasks', exact: true }).count()).toBe(0);

      await menu.click();
      await drawer.waitFor(WAIT);
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await waitUntil('focus in the drawer', () => drawer.evaluate((element) => element.contains(document.activeElement)), 15_000);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached', ...WAIT });
      expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

      await menu.click();
      const links = drawer.getByRole('link');
      expect(await links.count()).toBeGreaterThanOrEqual(7);
      for (const link of await links.all()) expect(await layoutHeight(link)).toBeGreaterThanOrEqual(44);
      await drawer.getByRole('link', { name: 'Tasks', exact: true }).click();
      await page.waitForURL('**/tasks');
      await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor(WAIT);
      await drawer.waitFor({ state: 'detached', ...WAIT });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await context.close();
    }));

  it('lists are cards with labelled fields, filters open in a sheet, and what a thumb taps is at least 44 px high', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await signIn(page, 'acquisitions@flipstackk.test');
      for (const name of ['Menu', /^Notifications/]) expect(await layoutHeight(page.getByRole('button', { name, exact: true }))).toBeGreaterThanOrEqual(44);

      await page.goto(appUrl('/leads'));
      const table = page.getByTestId('leads-table');
      const row = table.locator('tbody tr').filter({ has: page.locator('.row-link') }).first();
      await row.waitFor(WAIT);
      // A row is a card as wide as the screen's content, each field labelled by its column's name.
      expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
      const card = await row.boundingBox();
      expect(card && card.x >= 0 && card.x + card.width <= 390).toBe(true);
      const labels = await row.locator('td[data-label]').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
      expect(labels).toEqual(expect.arrayContaining(['"Address"', '"Asking"', '"Status"']));
      // The header keeps only the sort buttons, as chips a thumb can press.
      expect(await table.getByRole('columnheader', { name: 'Type' }).isVisible()).toBe(false);
      expect(await layoutHeight(table.getByRole('button', { name: /Address/ }))).toBeGreaterThanOrEqual(44);
      expect(await layoutHeight(row.locator('.row-link'))).toBeGreaterThanOrEqual(44);

      // Filters wait behind the "Filters" button; picking one applies it and counts it.
      const status = page.getByLabel('Status');
      expect(await status.isVisible()).toBe(false);
      const filtersButton = page.getByRole('button', { name: /^Filters/ });
      expect(await layoutHeight(filtersButton)).toBeGreaterThanOrEqual(44);
      await filtersButton.click();
      await status.waitFor(WAIT);
      expect(await layoutHeight(status)).toBeGreaterThanOrEqual(44);
      expect(await layoutHeight(page.getByRole('button', { name: 'Apply' }))).toBeGreaterThanOrEqual(44);
      await status.selectOption('NEW');
      await page.waitForURL((url) => url.pathname === '/leads' && url.searchParams.get('status') === 'NEW');
      await filtersButton.filter({ hasText: '1 set' }).waitFor(WAIT);

      // Tasks: cards too, with a checkbox as big as a fingertip and the primary button tall enough.
      await page.goto(appUrl('/tasks'));
      const taskRow = page.getByRole('table', { name: 'Tasks' }).locator('tbody tr').filter({ has: page.locator('.cell-title a') }).first();
      await taskRow.waitFor(WAIT);
      expect(await taskRow.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
      expect(await layoutHeight(taskRow.locator('.select-cell'))).toBeGreaterThanOrEqual(44);
      expect(await layoutHeight(page.getByRole('link', { name: 'New task' }))).toBeGreaterThanOrEqual(44);
      expect(await layoutHeight(page.getByRole('tab', { name: 'My tasks' }))).toBeGreaterThanOrEqual(44);

      // Buyers: a contact's e-mail address takes the card's whole width, so it is not broken mid-word.
      await page.goto(appUrl('/buyers'));
      const buyerRow = page.getByTestId('buyers-table').locator('tbody tr').filter({ has: page.locator('.row-link') }).first();
      await buyerRow.waitFor(WAIT);
      const [rowBox, contactBox] = [await buyerRow.boundingBox(), await buyerRow.locator('td[data-label="Contact"]').boundingBox()];
      expect(contactBox!.width).toBeGreaterThan(rowBox!.width * 0.8);
      // And on the buyer's page, the buy box's e-mail takes the whole row of its facts.
      await buyerRow.locator('.row-link').first().click();
      const email = page.locator('dl.facts > div', { has: page.locator('dt', { hasText: /^Email$/ }) });
      await email.waitFor(WAIT);
      const [factsBox, emailBox] = [await page.locator('dl.facts').boundingBox(), await email.boundingBox()];
      expect(emailBox!.width).toBeGreaterThan(factsBox!.width * 0.8);
      await context.close();
    }));

  it('the pipeline board scrolls sideways a column at a time, and "Move to" moves a lead without dragging', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await signIn(page, 'supervisor@flipstackk.test');
      await page.goto(appUrl('/leads/board'));
      const newColumn = page.getByTestId('column-NEW');
      const card = newColumn.getByTestId('board-card').first();
      await card.waitFor(WAIT);

      const board = page.locator('.board');
      const scroll = await board.evaluate((element) => ({ wide: element.scrollWidth > element.clientWidth, snap: getComputedStyle(element).scrollSnapType }));
      expect(scroll.wide).toBe(true);
      expect(scroll.snap).toContain('x');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      const seller = (await card.getByRole('link').textContent()) ?? '';
      const move = card.getByRole('combobox', { name: `Move ${seller} to` });
      expect(await layoutHeight(move)).toBeGreaterThanOrEqual(44);
      await move.selectOption('CONTACTED');
      await page.getByTestId('column-CONTACTED').getByRole('link', { name: seller }).waitFor(WAIT);
      // The server took the move: the lead's page says so after a reload.
      await page.reload();
      await page.getByTestId('column-CONTACTED').getByRole('link', { name: seller }).waitFor(WAIT);
      await context.close();
    }));

  it('forms ask for the right keyboard: phone pad, e-mail, decimal numbers for money', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await signIn(page, 'supervisor@flipstackk.test');
      const form = page.getByRole('region', { name: 'New lead' });
      await form.waitFor(WAIT);
      expect(await form.getByLabel('Phone').getAttribute('type')).toBe('tel');
      expect(await form.getByLabel('Email').getAttribute('type')).toBe('email');
      expect(await form.getByLabel('ZIP').getAttribute('inputmode')).toBe('numeric');
      expect(await form.getByLabel('Asking price').getAttribute('inputmode')).toBe('decimal');
      // One column: the street and the city are stacked, not side by side.
      const street = await form.getByLabel('Street').boundingBox();
      const city = await form.getByLabel('City').boundingBox();
      expect(street && city && city.y > street.y + street.height).toBe(true);
      // 16 px text, so focusing a box does not zoom the page.
      expect(await form.getByLabel('Street').evaluate((element) => getComputedStyle(element).fontSize)).toBe('16px');
      await context.close();
    }));
});

describe('the installable app', () => {
  it('serves a manifest with its icons, installs a service worker, and opens offline with the app shell and an offline banner', () =>
    withStackLogs(async () => {
      const context = await phoneContext();
      const page = await context.newPage();
      await signIn(page, 'agent@flipstackk.test');

      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(manifestHref).toBe('/manifest.webmanifest');
      const manifestResponse = await page.request.get(appUrl(manifestHref!));
      expect(manifestResponse.status()).toBe(200);
      const manifest = (await manifestResponse.json()) as { name: string; start_url: string; display: string; icons: Array<{ src: string; sizes: string; purpose?: string }> };
      expect(manifest).toMatchObject({ name: 'Flipstackk', start_url: '/', display: 'standalone' });
      expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
      expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
      for (const icon of manifest.icons) {
        const image = await page.request.get(appUrl(icon.src));
        expect([image.status(), image.headers()['content-type']]).toEqual([200, 'image/png']);
      }

      // The worker installs and keeps the shell; nothing of the API is kept.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(appUrl('/'));
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor(WAIT);
      await waitUntil('the page to be controlled by the service worker', () => page.evaluate(() => navigator.serviceWorker.controller !== null), 30_000);
      const kept = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)))).flat());
      expect(kept).toEqual(expect.arrayContaining(['/', '/manifest.webmanifest', '/icons/icon-192.png']));
      expect(kept.filter((path) => path.startsWith('/api/'))).toEqual([]);
      expect(await page.getByTestId('offline-banner').count()).toBe(0);

      await context.setOffline(true);
      const offlineLoad = await page.goto(appUrl('/tasks'));
      expect(offlineLoad?.fromServiceWorker()).toBe(true);
      // The worker's own requests are offline too: the page came from its cache, not the server.
      expect(await page.evaluate(() => fetch('/icons/never-kept.png').then(() => 'answered', () => 'failed'))).toBe('failed');
      const banner = page.getByTestId('offline-banner');
      await banner.waitFor(WAIT);
      expect(await banner.textContent()).toContain('Offline — showing the app shell; changes need a connection');
      // The shell itself: the top bar's menu opens the navigation.
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.getByRole('dialog', { name: 'Navigation' }).getByRole('link', { name: 'Leads', exact: true }).waitFor(WAIT);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => fetch('/api/me').then(() => 'answered', () => 'failed'))).toBe('failed');

      // Back online, the banner goes and the session is still there.
      await context.setOffline(false);
      await banner.waitFor({ state: 'detached', ...WAIT });
      await page.goto(appUrl('/tasks'));
      await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor(WAIT);
      await context.close();
    }));
});
