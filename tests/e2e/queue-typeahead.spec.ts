/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();

const api = async (page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => {
  const response = await page.request.fetch(appUrl(path), { method, headers: { [CLIENT_HEADER]: 'e2e' }, ...(data === undefined ? {} : { data }) });
  expect(response.status()).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
};

describe('My calls, typed fast', () => {
  it('keeps the keys pressed while a call is being saved and applies them to the next leads, in order', () =>
    withStackLogs(async () => {
      // The demo supervisor owns no leads: these three are their whole queue, best score first.
      const { page } = await signedIn('supervisor@flipstackk.test');
      const ids: string[] = [];
      for (const [index, sellerName] of ['Fast Alpha', 'Fast Bravo', 'Fast Charlie'].entries()) {
        const lead = await api(page, 'POST', '/api/leads', { sellerName, sellerPhone: '(937) 555-0143', street: `${index + 1} Fast Ln`, city: 'Dayton', state: 'OH', zip: '45402', source: 'REFERRAL' });
        await api(page, 'PATCH', `/api/leads/${String(lead.id)}`, { motivation: 5 - index });
        ids.push(String(lead.id));
      }
      const [alpha, bravo, charlie] = ids as [string, string, string];

      // The first call's save is held until every key has been pressed.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let saves = 0;
      await page.route('**/api/leads/*/calls', async (route) => {
        saves += 1;
        if (saves === 1) await held;
        await route.continue();
      });

      await page.goto(appUrl('/queue'));
      await page.getByRole('heading', { name: 'Fast Alpha' }).waitFor();
      // 1 no answer for Alpha; then 3, 2 (talked → qualified) for Bravo; then 4, 2 (not interested → not motivated) for Charlie.
      await page.keyboard.press('1');
      await page.getByRole('button', { name: '1 No answer' }).and(page.locator(':disabled')).waitFor();
      for (const key of ['3', '2', '4', '2']) await page.keyboard.press(key);
      release();

      await page.getByText('No one left to call').waitFor();
      await page.getByText('0 to call · 3 logged').waitFor();
      expect(saves).toBe(3);
      expect(await api(page, 'GET', `/api/leads/${alpha}`)).toMatchObject({ status: 'NEW' });
      expect(await api(page, 'GET', `/api/leads/${bravo}`)).toMatchObject({ status: 'QUALIFIED' });
      expect(await api(page, 'GET', `/api/leads/${charlie}`)).toMatchObject({ status: 'DEAD', deadReason: 'NOT_MOTIVATED' });
    }));
});
