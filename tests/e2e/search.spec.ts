/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn, browser } = useBrowserStack();
const WAIT = { timeout: 30_000 };

async function createLead(page: Page, sellerName: string, sellerPhone: string): Promise<string> {
  const answer = await page.request.post(appUrl('/api/leads'), {
    headers: { [CLIENT_HEADER]: 'test' },
    // Every test's lead stands on the same street: say so, or the duplicate check answers 409.
    data: { sellerName, sellerPhone, street: '401 Palette Ave', city: 'Dayton', state: 'OH', zip: '45402', allowDuplicate: true },
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

/** Types `text` in the open palette, waits for its search to answer, then moves to the option with the arrow keys and presses Enter. */
async function pickFromPalette(page: Page, text: string, option: RegExp, hint: string): Promise<void> {
  const palette = page.getByRole('dialog', { name: 'Find anything' });
  await palette.getByRole('combobox').waitFor(WAIT);
  // The best search result is selected when the results come: move only once they are in.
  const searched = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/search' && new URL(response.url()).searchParams.get('q') === text, WAIT);
  await page.keyboard.type(text);
  await searched;
  const item = palette.getByRole('option', { name: option });
  await item.getByText(hint).waitFor(WAIT);
  for (let press = 0; press < 30 && (await item.getAttribute('aria-selected')) !== 'true'; press += 1) await page.keyboard.press('ArrowDown');
  expect(await item.getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
}

describe('find anything and the keyboard', () => {
  it('Ctrl-K, part of a phone number, Enter: the lead opens', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const leadId = await createLead(page, 'Perpetua Paletteer', '(614) 283-7461');

      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Find anything' });
      await palette.getByRole('combobox').waitFor(WAIT);
      await page.keyboard.type('283-746');
      // The best match is selected once the results are in; Enter opens it.
      const option = palette.locator('[role="option"][aria-selected="true"]', { hasText: 'Perpetua Paletteer' });
      await option.waitFor(WAIT);
      await expect(option.locator('mark').first().textContent()).resolves.toBe('(614) 283-7461');
      await page.keyboard.press('Enter');
      await page.waitForURL(appUrl(`/leads/${leadId}`), WAIT);
      await page.getByRole('heading', { name: 'Perpetua Paletteer' }).waitFor(WAIT);
      expect(await palette.count()).toBe(0);
      await context.close();
    }));

  it('g l goes to leads, g b to buyers, ? shows the shortcuts, c creates what fits the page, / searches', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      await page.locator('body').click({ position: { x: 600, y: 600 } });
      await page.keyboard.press('g');
      await page.keyboard.press('l');
      await page.waitForURL(appUrl('/leads'), WAIT);
      await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor(WAIT);
      await page.keyboard.press('g');
      await page.keyboard.press('b');
      await page.waitForURL(appUrl('/buyers'), WAIT);
      await page.getByRole('heading', { name: 'Buyers', level: 1 }).waitFor(WAIT);

      await page.keyboard.press('Shift+?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.waitFor(WAIT);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached', ...WAIT });

      // On the buyers page, c is a new buyer, over the page.
      await page.keyboard.press('c');
      const create = page.getByRole('dialog', { name: 'New buyer' });
      await create.getByRole('form', { name: 'New buyer' }).waitFor(WAIT);
      expect(page.url()).toBe(appUrl('/buyers'));
      // Keys typed into the form are the form's.
      await create.getByLabel('Buyer name').fill('');
      await create.getByLabel('Buyer name').pressSequentially('gl');
      expect(page.url()).toBe(appUrl('/buyers'));
      await page.keyboard.press('Escape');
      await create.waitFor({ state: 'detached', ...WAIT });

      await page.keyboard.press('/');
      await page.getByRole('dialog', { name: 'Find anything' }).getByRole('combobox').waitFor(WAIT);
      await page.keyboard.type('task');
      await page.getByRole('option', { name: 'Tasks g t', exact: true }).waitFor(WAIT);
      await page.getByRole('option', { name: 'New task', exact: true }).click();
      await page.getByRole('dialog', { name: 'New task' }).getByRole('form', { name: 'New task' }).waitFor(WAIT);
      await context.close();
    }));

  it('a starred lead is in the sidebar and at the top of the palette; an opened task is under Recent', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const leadId = await createLead(page, 'Stellan Starling', '(614) 390-2201');
      await page.goto(appUrl(`/leads/${leadId}`));
      await page.getByRole('heading', { name: 'Stellan Starling' }).waitFor(WAIT);
      const star = page.getByRole('button', { name: 'Add to favorites' });
      await star.click();
      await page.getByRole('button', { name: 'Remove from favorites', pressed: true }).waitFor(WAIT);
      const favorites = page.getByRole('navigation', { name: 'Favorites' });
      await favorites.getByRole('link', { name: /Stellan Starling/ }).waitFor(WAIT);

      const task = await page.request.post(appUrl('/api/tasks'), {
        headers: { [CLIENT_HEADER]: 'test' },
        data: { title: 'Recent rendezvous', dueAt: new Date(Date.now() + 86_400_000).toISOString(), leadId },
      });
      expect(task.status()).toBe(201);
      await page.goto(appUrl(`/tasks/${((await task.json()) as { id: string }).id}`));
      await page.getByRole('heading', { name: 'Recent rendezvous' }).waitFor(WAIT);
      await page.getByRole('navigation', { name: 'Recent' }).getByRole('link', { name: /Recent rendezvous/ }).waitFor(WAIT);

      // Favorites follow the user: another browser context sees the star too, and the palette starts with it.
      const other = await signedIn('supervisor@flipstackk.test');
      // The shortcut listens once the shell is on screen.
      await other.page.getByRole('button', { name: /Find anything/ }).waitFor(WAIT);
      await other.page.keyboard.press('Control+k');
      const palette = other.page.getByRole('dialog', { name: 'Find anything' });
      await palette.getByRole('option', { name: /Stellan Starling/ }).first().click();
      await other.page.waitForURL(appUrl(`/leads/${leadId}`), WAIT);
      await other.context.close();
      await context.close();
    }));

  it('"Log a call" from the palette opens the outcome picker on a lead\'s page and my queue elsewhere, all from the keyboard', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const leadId = await createLead(page, 'Calloway Caller', '(614) 555-0123');
      await page.goto(appUrl(`/leads/${leadId}`));
      await page.getByRole('heading', { name: 'Calloway Caller' }).waitFor(WAIT);
      await page.getByRole('button', { name: /Find anything/ }).waitFor(WAIT);

      await page.keyboard.press('Control+k');
      await pickFromPalette(page, 'log a call', /Log a call/, 'on this lead');
      const picker = page.getByRole('dialog', { name: 'Log a call with Calloway Caller' });
      await picker.getByRole('group', { name: 'Call outcome' }).waitFor(WAIT);
      // 3 talked, then 2 qualified: the call is logged and the lead moves through its workflow.
      await page.keyboard.press('3');
      await picker.getByRole('button', { name: '2 Qualified' }).waitFor(WAIT);
      await page.keyboard.press('2');
      await picker.waitFor({ state: 'detached', ...WAIT });
      await page.locator('.detail-title .status-pill').getByText('Qualified').waitFor(WAIT);
      const calls = await page.request.get(appUrl(`/api/leads/${leadId}`));
      expect(((await calls.json()) as { lastCallAt: string | null }).lastCallAt).not.toBeNull();

      // Anywhere else it is the queue, where calls are made; "Open my queue" goes there too.
      await page.goto(appUrl('/buyers'));
      await page.getByRole('heading', { name: 'Buyers', level: 1 }).waitFor(WAIT);
      await page.keyboard.press('Control+k');
      await pickFromPalette(page, 'log a call', /Log a call/, 'in my call queue');
      await page.waitForURL(appUrl('/queue'), WAIT);
      await page.goto(appUrl('/tasks'));
      await page.getByRole('button', { name: /Find anything/ }).waitFor(WAIT);
      await page.keyboard.press('Control+k');
      await pickFromPalette(page, 'open my queue', /Open my queue/, 'who to call next');
      await page.waitForURL(appUrl('/queue'), WAIT);
      await context.close();
    }));

  it('on a phone the top bar search button opens the palette and + creates', () =>
    withStackLogs(async () => {
      const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(appUrl('/login'));
      await page.getByLabel('Email').fill('agent@flipstackk.test');
      await page.getByLabel('Password').fill('flipstackk');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(appUrl('/'));
      await page.getByRole('button', { name: 'Find anything' }).tap();
      const palette = page.getByRole('dialog', { name: 'Find anything' });
      await palette.getByRole('combobox').waitFor(WAIT);
      await palette.getByRole('option', { name: 'Leads' }).tap();
      await page.waitForURL(appUrl('/leads'), WAIT);
      await page.getByRole('button', { name: 'Create', exact: true }).tap();
      await page.getByRole('menuitem', { name: 'New lead' }).tap();
      await page.getByRole('dialog', { name: 'New lead' }).getByRole('heading', { name: 'New lead' }).waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await context.close();
    }));
});
