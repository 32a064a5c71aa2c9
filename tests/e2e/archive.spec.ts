/// <reference lib="dom" />
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn, send } = useBrowserStack();

describe('archive and unarchive from the lead and buyer pages', () => {
  it("archiving a lead stops its automation (its contact task cancelled, the lead marked archived); unarchiving makes it live again with a new contact task", () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const lead = await send(page, '/api/leads', { sellerName: 'Archie Junk', street: '12 Birch St', city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', askingPrice: 60_000, source: 'DIRECT_MAIL' });
      await page.goto(appUrl(`/leads/${lead.id}`));
      const tasks = page.getByTestId('lead-tasks');
      const contactTask = tasks.getByRole('listitem').filter({ hasText: 'Contact lead within 1 hour' });
      await contactTask.locator('.status-assigned').waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Archive this lead?' });
      await dialog.getByText(/open automatic tasks .* are cancelled/).waitFor();
      await dialog.getByText(/no more contact deadlines, overdue alerts or follow-ups/).waitFor();
      await dialog.getByRole('button', { name: 'Archive', exact: true }).click();

      await page.getByTestId('archived-notice').waitFor();
      await page.locator('.detail-title').getByText('Archived', { exact: true }).waitFor();
      // Nothing left to change on an archived lead.
      expect(await page.getByRole('heading', { name: 'Pipeline' }).count()).toBe(0);
      // The workflow cancels the open automatic task a moment later; the page hears it live.
      await contactTask.locator('.status-cancelled').waitFor({ timeout: 15_000 });
      expect(await tasks.locator('.status-assigned, .status-created, .status-overdue').count()).toBe(0);
      // Left out of the lead list unless asked.
      await page.goto(appUrl('/leads?q=Archie%20Junk'));
      await page.getByText('No leads match', { exact: false }).waitFor();
      await page.goto(appUrl('/leads?q=Archie%20Junk&includeArchived=true'));
      const row = page.getByTestId('leads-table').getByRole('row').filter({ hasText: 'Archie Junk' });
      await row.locator('.status-archived').waitFor();
      await row.getByRole('link', { name: 'Archie Junk' }).click();

      await page.getByRole('button', { name: 'Unarchive', exact: true }).click();
      const back = page.getByRole('dialog', { name: 'Unarchive this lead?' });
      await back.getByText(/restarts from now/).waitFor();
      await back.getByRole('button', { name: 'Unarchive', exact: true }).click();
      await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
      expect(await page.getByTestId('archived-notice').count()).toBe(0);
      await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
      // A NEW lead gets a new contact task, its deadline counted from the unarchiving.
      await contactTask.locator('.status-assigned').waitFor({ timeout: 15_000 });
      await contactTask.locator('.status-cancelled').waitFor();
      await context.close();
    }));

  it("an agent sees no Archive on another agent's lead; acquisitions archives and unarchives a buyer from its page", () =>
    withStackLogs(async () => {
      const supervisor = await signedIn('supervisor@flipstackk.test');
      const lead = await send(supervisor.page, '/api/leads', { sellerName: 'Otto Others', street: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', askingPrice: 60_000, source: 'DIRECT_MAIL' });
      await supervisor.context.close();

      const agent = await signedIn('agent@flipstackk.test');
      await agent.page.goto(appUrl(`/leads/${lead.id}`));
      await agent.page.getByRole('heading', { name: 'Otto Others' }).waitFor();
      await agent.page.getByRole('heading', { name: 'Pipeline' }).waitFor();
      expect(await agent.page.getByRole('button', { name: 'Archive', exact: true }).count()).toBe(0);
      await agent.context.close();

      const { context, page } = await signedIn('acquisitions@flipstackk.test');
      const buyer = await send(page, '/api/buyers', { name: 'Bertha Archived Buyer', markets: ['Dayton, OH'] });
      await page.goto(appUrl(`/buyers/${buyer.id}`));
      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Archive this buyer?' });
      await dialog.getByText(/no more weekly matching/).waitFor();
      await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
      await page.getByTestId('archived-notice').waitFor();
      expect(await page.getByRole('heading', { name: 'Matching leads' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Unarchive', exact: true }).click();
      await page.getByRole('dialog', { name: 'Unarchive this buyer?' }).getByRole('button', { name: 'Unarchive', exact: true }).click();
      await page.getByRole('heading', { name: 'Matching leads' }).waitFor();
      expect(await page.getByTestId('archived-notice').count()).toBe(0);
      await context.close();
    }));
});
