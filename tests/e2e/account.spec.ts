/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

async function signedIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

describe('the Account page', () => {
  it('lists where I am signed in, signs another browser out (its open page goes to the sign-in), and changes my password', () =>
    withStackLogs(async () => {
      const other = await signedIn('supervisor@flipstackk.test', 'flipstackk');
      const mine = await signedIn('supervisor@flipstackk.test', 'flipstackk');
      const { page } = mine;
      await page.getByRole('button', { name: /account menu/ }).click();
      await page.getByRole('menuitem', { name: 'Account and sign-ins' }).click();
      await page.waitForURL(appUrl('/account'));

      const table = page.getByRole('table', { name: 'Where you’re signed in' });
      await table.getByText('This browser').waitFor();
      const signOutButtons = table.getByRole('button', { name: /^Sign out / });
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
      expect(await signOutButtons.count()).toBe(1);
      expect(await table.getByText(/Chrome on Linux/).count()).toBe(2);

      // The other browser sits on its dashboard with the live stream open: it ends with its session.
      await signOutButtons.first().click();
      await other.page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);

      const form = page.getByRole('form', { name: 'Change password' });
      await form.getByLabel('Current password').fill('not my password');
      await form.getByLabel('New password').fill('aaaaaaaaaa');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText('New password must be at least 12 characters').waitFor();

      await form.getByLabel('New password').fill('a porch swing in Dayton');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText('Current password is not your current password').waitFor();

      await form.getByLabel('Current password').fill('flipstackk');
      await form.getByLabel('New password').fill('Password2024!');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText(/^New password is too common/).waitFor();

      await form.getByLabel('New password').fill('a porch swing in Dayton');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByRole('status').getByText('Password changed. You are signed out everywhere else.').waitFor();

      await other.page.getByLabel('Email').fill('supervisor@flipstackk.test');
      await other.page.getByLabel('Password').fill('a porch swing in Dayton');
      await other.page.getByRole('button', { name: 'Sign in' }).click();
      await other.page.waitForURL(appUrl('/'));
      await Promise.all([mine.context.close(), other.context.close()]);
    }),
  );
});
