/// <reference lib="dom" />
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn, send } = useBrowserStack();

describe('notifications that do not flood', () => {
  it('Settings → Notifications mutes a kind and chooses e-mails, and keeps the choice', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/settings'));
      const card = page.getByRole('region', { name: 'Notifications' });
      await card.getByLabel('A task I created is completed').uncheck();
      await card.getByLabel('E-mail me high-priority assignments').selectOption('IMMEDIATELY');
      await card.getByLabel('My time zone').selectOption('America/Chicago');
      await card.getByRole('button', { name: 'Save notification settings' }).click();
      await card.getByText('Saved. New notifications follow these settings.').waitFor();

      await page.reload();
      const reloaded = page.getByRole('region', { name: 'Notifications' });
      await reloaded.getByLabel('A task I created is completed').waitFor();
      expect(await reloaded.getByLabel('A task I created is completed').isChecked()).toBe(false);
      expect(await reloaded.getByLabel('Someone @mentions me').isChecked()).toBe(true);
      expect(await reloaded.getByLabel('E-mail me high-priority assignments').inputValue()).toBe('IMMEDIATELY');
      expect(await reloaded.getByLabel('My time zone').inputValue()).toBe('America/Chicago');
      await context.close();
    }));

  it('three mentions on one lead are one row in the bell, and opening it reads all three', () =>
    withStackLogs(async () => {
      const supervisor = await signedIn('supervisor@flipstackk.test');
      const lead = await send(supervisor.page, '/api/leads', { sellerName: 'Mina Mentioned', street: '77 Echo Ln', city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', askingPrice: 90_000, source: 'DIRECT_MAIL' });
      for (const body of ['@Avery can you call her?', '@Avery she asked for a callback at 5', '@Avery any news?']) await send(supervisor.page, '/api/notes', { body, leadId: lead.id });

      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/'));
      await page.getByRole('button', { name: /^Notifications/ }).click();
      const panel = page.getByRole('dialog', { name: 'Notifications' });
      const row = panel.getByRole('button', { name: /3 mentions on 77 Echo Ln/ });
      await row.waitFor();
      await row.getByLabel('3 notifications').waitFor();
      await row.click();
      await page.waitForURL(`**/leads/${lead.id}`);

      // The click sends the read and navigates at once: the read may still be on its way when the lead's page is up.
      const group = await waitUntil('the opened group read', async () => {
        const list = (await (await page.request.get(appUrl('/api/notifications'), { headers: { [CLIENT_HEADER]: 'test' } })).json()) as { items: Array<{ title: string; readAt: string | null; count: number }> };
        const opened = list.items.find((item) => item.title === '3 mentions on 77 Echo Ln');
        return opened?.readAt ? opened : null;
      }, 15_000);
      expect(group).toMatchObject({ count: 3, readAt: expect.any(String) });
      await supervisor.context.close();
      await context.close();
    }));
});
