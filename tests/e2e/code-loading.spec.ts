/// <reference lib="dom" />
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();

describe('code fetched when it is needed', () => {
  it('a form and a page opened for the first time load their code; code that cannot be fetched says so and the page stays', () =>
    withStackLogs(async () => {
      // Without the service worker, which keeps every built file once installed.
      const { context, page: signedInTab } = await signedIn('supervisor@flipstackk.test', { serviceWorkers: 'block' });
      // A tab of its own: the dashboard's tab loads its quick-add form once its figures are in.
      await signedInTab.close();
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));

      // The lead list opens without the form's code; "New lead" fetches it.
      await page.goto(appUrl('/leads'));
      await page.getByTestId('leads-table').locator('tbody tr').first().waitFor();
      expect(fetched.filter((file) => /create-lead-form/.test(file))).toEqual([]);
      await page.getByRole('button', { name: 'New lead' }).click();
      await page.getByRole('heading', { name: 'New lead' }).waitFor();
      expect(fetched.some((file) => /\/assets\/create-lead-form-[^/]+\.js$/.test(file))).toBe(true);

      // A page with its own code (settings) opened by its address.
      await page.goto(appUrl('/settings'));
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      expect(fetched.some((file) => /\/assets\/settings-page-[^/]+\.js$/.test(file))).toBe(true);

      // The server cannot give the offer form's code (a new release replaced it, or the network dropped).
      await page.route('**/assets/create-offer-form-*.js', (route) => route.abort());
      await page.goto(appUrl('/leads'));
      await page.getByRole('link', { name: 'James Carter' }).first().click();
      await page.getByTestId('lead-mao').waitFor();
      await page.getByTestId('offers').getByRole('button', { name: 'Create offer' }).click();
      await page.getByRole('alert').getByText('This part of Flipstackk could not be loaded. Check the connection, then reload.').waitFor();
      // The rest of the lead's page is still there.
      await page.getByTestId('lead-mao').waitFor();
      await context.close();
    }));
});
