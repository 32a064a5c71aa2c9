/// <reference lib="dom" />
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();

/** Clicks the list's "Export CSV" and reads the downloaded file's rows. */
async function exportShown(page: Page): Promise<Array<Record<string, string>>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = await download.path();
  return parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
}

/** The seller names the lead table shows, top to bottom. */
async function shownSellers(page: Page): Promise<string[]> {
  return page.getByTestId('leads-table').locator('tbody .row-link').allTextContents();
}

describe('lists out', () => {
  it('"Export CSV" on the lead list downloads the rows the list shows, with its filters and sort; an agent\'s export holds only the leads they own', () =>
    withStackLogs(async () => {
      const city = `Exportville${Date.now() % 100_000}`;
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const users = (await (await page.request.get(appUrl('/api/users'))).json()) as { items: Array<{ id: string; email: string }> };
      const agent = users.items.find((user) => user.email === 'agent@flipstackk.test')!;
      const me = (await (await page.request.get(appUrl('/api/me'))).json()) as { id: string };
      // Four leads in the city (two the agent's, two the supervisor's), one elsewhere that the filter leaves out.
      const leads = [
        { sellerName: 'Delta Export', ownerId: agent.id, city },
        { sellerName: 'Alpha Export', ownerId: me.id, city },
        { sellerName: 'Charlie Export', ownerId: agent.id, city },
        { sellerName: 'Bravo Export', ownerId: me.id, city },
        { sellerName: 'Echo Elsewhere', ownerId: me.id, city: 'Dayton' },
      ];
      for (const [index, lead] of leads.entries()) {
        const created = await page.request.post(appUrl('/api/leads'), {
          headers: { [CLIENT_HEADER]: 'test' },
          data: { ...lead, street: `${index + 1} Export Row`, state: 'OH', zip: '45402', propertyType: 'SFR', source: 'DIRECT_MAIL', askingPrice: 80_000 + index, allowDuplicate: true },
        });
        expect(created.status()).toBe(201);
      }

      await page.goto(appUrl('/leads'));
      await page.getByLabel('City').fill(city);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByTestId('leads-table').getByRole('button', { name: /Seller/ }).click();
      await page.waitForURL((url) => url.searchParams.get('city') === city && url.searchParams.has('sort'));
      const sort = new URL(page.url()).searchParams.get('sort')!;
      const expected = sort.startsWith('-') ? ['Delta Export', 'Charlie Export', 'Bravo Export', 'Alpha Export'] : ['Alpha Export', 'Bravo Export', 'Charlie Export', 'Delta Export'];
      await page.waitForFunction((names) => Array.from(document.querySelectorAll('[data-testid="leads-table"] tbody .row-link')).map((link) => link.textContent).join('|') === names.join('|'), expected);

      const rows = await exportShown(page);
      expect(rows.map((row) => row['Seller name'])).toEqual(await shownSellers(page));
      expect(rows.every((row) => row.City === city)).toBe(true);
      expect(rows.map((row) => row.Owner)).toEqual(expected.map((name) => (leads.find((lead) => lead.sellerName === name)!.ownerId === agent.id ? 'Avery Agent' : 'Sam Supervisor')));
      await context.close();

      // The agent's view of the same list: the export keeps the list's filters and order, and only their own leads.
      const asAgent = await signedIn('agent@flipstackk.test');
      await asAgent.page.goto(appUrl(`/leads?city=${city}&sort=${sort}`));
      await asAgent.page.getByTestId('leads-table').locator('tbody .row-link').first().waitFor();
      const shown = await shownSellers(asAgent.page);
      const own = (await exportShown(asAgent.page)).map((row) => row['Seller name']);
      expect(own).toEqual(shown.filter((name) => ['Charlie Export', 'Delta Export'].includes(name)));
      expect(own).toHaveLength(2);
      await asAgent.context.close();
    }));

  it('the user menu\'s "Copy calendar link" copies a URL that serves the open tasks as .ics without a session; after "Reset link" the old URL is 404', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl('') });
      const menu = page.getByRole('button', { name: /account menu/ });
      await menu.click();
      await page.getByRole('menuitem', { name: 'Copy calendar link' }).click();
      await page.getByText('Calendar link copied.').waitFor();
      const url = await page.getByLabel('Calendar link').inputValue();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      expect(url).toMatch(/\/api\/calendar\/[^/]+\.ics$/);

      // No cookie: a calendar app fetches it on its own.
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      const body = await feed.text();
      expect(body).toMatch(/^BEGIN:VCALENDAR/);
      expect(body).toContain('END:VCALENDAR');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('menuitem', { name: 'Reset link' }).click();
      await page.getByText('New link copied. The old one no longer works.').waitFor();
      const fresh = await page.getByLabel('Calendar link').inputValue();
      expect(fresh).not.toBe(url);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fresh);
      expect((await fetch(url)).status).toBe(404);
      const again = await fetch(fresh);
      expect(again.status).toBe(200);
      expect(await again.text()).toMatch(/^BEGIN:VCALENDAR/);
      await context.close();
    }));
});
