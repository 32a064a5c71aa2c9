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

const currentLeadId = async (page: Page): Promise<string> => {
  const href = await page.locator('#queue-lead-name a').getAttribute('href');
  return (href ?? '').replace('/leads/', '');
};

describe('My calls', () => {
  it('works three leads through the queue with the keyboard only: no answer, talked → qualified, not interested → not motivated', () =>
    withStackLogs(async () => {
      // The demo supervisor owns no leads: these three are their whole queue, best score first.
      const { page } = await signedIn('supervisor@flipstackk.test');
      const names = ['Queue Alpha', 'Queue Bravo', 'Queue Charlie'];
      for (const [index, sellerName] of names.entries()) {
        const lead = await api(page, 'POST', '/api/leads', { sellerName, sellerPhone: '(937) 555-0142', street: `${index + 1} Queue St`, city: 'Dayton', state: 'OH', zip: '45402', source: 'REFERRAL' });
        await api(page, 'PATCH', `/api/leads/${String(lead.id)}`, { motivation: 5 - index });
      }

      await page.goto(appUrl('/queue'));
      await page.getByRole('heading', { name: 'Queue Alpha' }).waitFor();
      expect(await page.getByRole('link', { name: '(937) 555-0142' }).getAttribute('href')).toBe('tel:9375550142');
      await page.getByText('Score 50: motivated 5/5 +30, never contacted +10, source referral +10').waitFor();
      const alpha = await currentLeadId(page);

      await page.keyboard.press('1');
      await page.getByRole('heading', { name: 'Queue Bravo' }).waitFor();
      const bravo = await currentLeadId(page);
      // Keys wait while a call is being saved; on a loaded machine that is a while.
      await page.getByText('· 1 logged').waitFor();

      await page.keyboard.press('3');
      await page.getByRole('button', { name: '2 Qualified' }).waitFor();
      await page.keyboard.press('2');
      await page.getByRole('heading', { name: 'Queue Charlie' }).waitFor();
      const charlie = await currentLeadId(page);
      await page.getByText('· 2 logged').waitFor();

      await page.keyboard.press('4');
      await page.getByRole('button', { name: '2 Not motivated' }).waitFor();
      await page.keyboard.press('2');
      await page.getByText('No one left to call').waitFor();
      await page.getByText('0 to call · 3 logged').waitFor();

      expect(await api(page, 'GET', `/api/leads/${bravo}`)).toMatchObject({ status: 'QUALIFIED' });
      expect(await api(page, 'GET', `/api/leads/${charlie}`)).toMatchObject({ status: 'DEAD', deadReason: 'NOT_MOTIVATED' });
      const first = await api(page, 'GET', `/api/leads/${alpha}`);
      expect(first.status).toBe('NEW');
      // The unanswered lead's next attempt is the workflow's to arm: it moves below the qualified lead, the dead one leaves.
      await page.waitForFunction(
        async ([url, header]) => {
          const response = await fetch(url, { headers: { [header]: 'e2e' } });
          const lead = (await response.json()) as { nextFollowUpAt: string | null };
          return lead.nextFollowUpAt !== null;
        },
        [appUrl(`/api/leads/${alpha}`), CLIENT_HEADER] as const,
        { timeout: 30_000, polling: 500 },
      );
      const queue = await api(page, 'GET', '/api/queue');
      expect((queue.items as Array<{ lead: { id: string }; rule: string }>).map(({ lead, rule }) => [lead.id, rule])).toEqual([
        [bravo, 'BY_SCORE'],
        [alpha, 'NEXT_ATTEMPT_LATER'],
      ]);
    }));
});
