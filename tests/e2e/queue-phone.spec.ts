/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';
import { layoutHeight } from '../support/layout-height';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

// A phone as Chromium's device emulation draws it: an iPhone 12–15 sized screen, touch, no mouse.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const WAIT = { timeout: 30_000 };

const api = async (page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => {
  const response = await page.request.fetch(appUrl(path), { method, headers: { [CLIENT_HEADER]: 'e2e' }, ...(data === undefined ? {} : { data }) });
  expect(response.status()).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
};

describe('My calls on a phone (390 × 844)', () => {
  it('the outcomes sit in a bar at the bottom of the screen with 44 px targets, the number is a big tel: link, and tapping "No answer" logs the call and shows the next lead', () =>
    withStackLogs(async () => {
      const context = await browser().newContext(PHONE);
      const page = await context.newPage();
      await page.goto(appUrl('/login'));
      await page.getByLabel('Email').fill('supervisor@flipstackk.test');
      await page.getByLabel('Password').fill('flipstackk');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(appUrl('/'));
      // The demo supervisor owns no leads: these two are their whole queue, the more motivated first.
      const ids: string[] = [];
      for (const [index, sellerName] of ['Thumb Alpha', 'Thumb Bravo'].entries()) {
        const lead = await api(page, 'POST', '/api/leads', { sellerName, sellerPhone: '(937) 555-0177', street: `${index + 1} Thumb St`, city: 'Dayton', state: 'OH', zip: '45402', source: 'REFERRAL' });
        await api(page, 'PATCH', `/api/leads/${String(lead.id)}`, { motivation: 5 - index });
        ids.push(String(lead.id));
      }

      await page.goto(appUrl('/queue'));
      await page.getByRole('heading', { name: 'Thumb Alpha' }).waitFor(WAIT);

      // The seller's number: a tel: link a thumb hits easily.
      const phone = page.getByRole('link', { name: '(937) 555-0177' });
      expect(await phone.getAttribute('href')).toBe('tel:9375550177');
      const phoneBox = (await phone.boundingBox())!;
      expect(await layoutHeight(phone)).toBeGreaterThanOrEqual(44);
      expect(phoneBox.width).toBeGreaterThanOrEqual(300);

      // The bar: at the bottom of the viewport, across its width, every outcome 44 px or more, the notes reachable.
      const bar = page.getByRole('group', { name: 'Call outcome' });
      const barBox = (await bar.boundingBox())!;
      expect(Math.round(barBox.y + barBox.height)).toBe(844);
      expect(barBox.x).toBe(0);
      expect(Math.round(barBox.width)).toBe(390);
      const names = ['No answer', 'Left voicemail', 'Talked', 'Not interested', 'Wrong number', 'Note', 'Skip'];
      for (const name of names) {
        const button = bar.getByRole('button', { name, exact: false });
        const box = (await button.boundingBox())!;
        expect(await layoutHeight(button)).toBeGreaterThanOrEqual(44);
        expect(box.y).toBeGreaterThanOrEqual(barBox.y);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // It stays put while the lead's page scrolls under it.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(Math.round((await bar.boundingBox())!.y + barBox.height)).toBe(844);

      // "Note" brings the note field into view and focuses it.
      await bar.getByRole('button', { name: 'Note' }).tap();
      await waitUntil('the note field focused', () => page.evaluate(() => document.activeElement?.closest('.queue-notes') !== null && document.activeElement?.tagName === 'TEXTAREA'), 15_000);

      await bar.getByRole('button', { name: 'No answer' }).tap();
      await page.getByRole('heading', { name: 'Thumb Bravo' }).waitFor(WAIT);
      await page.getByText('1 to call · 1 logged').waitFor(WAIT);
      // The call is on the first lead's history.
      const history = await api(page, 'GET', `/api/history/lead/${ids[0]}`);
      expect(JSON.stringify(history)).toContain('lead.call_logged');
      await context.close();
    }));
});
