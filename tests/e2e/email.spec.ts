/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

// The whole stack as `npm start` runs it, without SMTP_URL: mail goes to DATA_DIR/outbox and the Outbox page.
const { withStackLogs, appUrl, browser } = useBrowserStack();

async function signedIn(email: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('flipstackk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return page;
}

describe('e-mail to buyers', () => {
  it('an admin sends a buyer matching properties, reads the message on the Outbox, and the buyer unsubscribes through its link', () =>
    withStackLogs(async () => {
      const page = await signedIn('admin@flipstackk.test');
      await page.getByRole('link', { name: 'Buyers' }).click();
      await page.getByTestId('buyers-table').getByRole('link', { name: 'Gem City Capital' }).click();
      await page.getByRole('heading', { name: 'Gem City Capital' }).waitFor();
      const buyerUrl = page.url();

      await page.getByRole('button', { name: 'Send matching properties' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send matching properties' });
      await dialog.getByText('deals@gemcity.example', { exact: false }).waitFor();
      await dialog.getByRole('checkbox').first().waitFor();
      const ticked = await dialog.getByRole('checkbox', { checked: true }).count();
      expect(ticked).toBeGreaterThan(0);
      await dialog.getByRole('button', { name: /^E-mail \d+ propert/ }).click();
      await page.getByRole('status').filter({ hasText: 'E-mail to deals@gemcity.example queued' }).waitFor();

      // The Outbox (admins): the message is written as an .eml file, and both parts and the file show.
      await page.getByRole('link', { name: 'Outbox' }).click();
      const row = page.getByTestId('outbox-row').filter({ hasText: 'deals@gemcity.example' });
      await row.getByText('Sent', { exact: true }).waitFor({ timeout: 60_000 });
      await row.getByText(/written to outbox\/.+\.eml/).waitFor();
      await row.getByRole('button', { name: /match(es)? your buy box/ }).click();
      await page.getByTitle(/^HTML part of/).waitFor();
      const text = await page.locator('.outbox-text').innerText();
      expect(text).toMatch(/Asking \$|MAO \$/);
      await page.getByText('The .eml file as written').click();
      expect(await page.locator('.outbox-eml').innerText()).toContain('To: deals@gemcity.example');

      // The buyer follows the link in the e-mail: asked first, then unsubscribed; the button says so.
      const link = /Unsubscribe: (\S+)/.exec(text)![1]!;
      const buyerPage = await (await browser().newContext()).newPage();
      await buyerPage.goto(appUrl(new URL(link).pathname));
      await buyerPage.getByRole('heading', { name: 'Unsubscribe deals@gemcity.example?' }).waitFor();
      await buyerPage.getByRole('button', { name: 'Unsubscribe' }).click();
      await buyerPage.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();

      await page.goto(buyerUrl);
      const button = page.getByRole('button', { name: 'Send matching properties' });
      await button.waitFor();
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toBe('The buyer unsubscribed from e-mail');
    }));
});
