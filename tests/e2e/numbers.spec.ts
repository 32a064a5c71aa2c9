/// <reference lib="dom" />
import type { Page, Request } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, signedIn } = useBrowserStack();


/** The writes the page sends from now on, as "METHOD /path". */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return writes;
}

describe('numbers and dates stay what was typed', () => {
  it('reads "95k" in a lead\'s asking price as $95,000 and refuses "abc" at the box without a request', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.goto(appUrl('/leads'));
      await page.getByRole('link', { name: 'Linda Nguyen' }).first().click();
      await page.getByRole('heading', { name: 'Linda Nguyen' }).waitFor();
      const writes = recordWrites(page);

      await page.getByRole('button', { name: 'Edit' }).first().click();
      await page.getByLabel('Asking price').fill('abc');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Enter an amount like 95,000').waitFor();
      expect(writes.filter((write) => write.startsWith('PATCH /api/leads/'))).toEqual([]);

      await page.getByLabel('Asking price').fill('95k');
      await page.getByText('= $95,000').waitFor();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByLabel('Deal math').getByText('$95,000', { exact: true }).waitFor();
      expect(writes.filter((write) => write.startsWith('PATCH /api/leads/'))).toHaveLength(1);
      await context.close();
    }));

  it('asks before a task is created, followed up or moved to a date in the past, then saves it', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('supervisor@flipstackk.test');
      const writes = recordWrites(page);
      await page.goto(appUrl('/tasks/new'));
      await page.getByLabel('Title').fill('Log the call from last week');
      await page.getByLabel('Due', { exact: true }).fill('2020-03-02T10:00');
      await page.getByRole('button', { name: 'Create task' }).click();
      await page.getByText('Due is in the past: tick "Create anyway" to keep it').waitFor();
      expect(writes.filter((write) => write === 'POST /api/tasks')).toEqual([]);

      await page.getByLabel('This date is in the past — create anyway?').check();
      await page.getByRole('button', { name: 'Create task' }).click();
      await page.getByRole('heading', { name: 'Log the call from last week' }).waitFor();

      // The detail page's Due box: a past date waits for "Move anyway", then is saved.
      await page.getByLabel('Due', { exact: true }).fill('2020-03-03T09:30');
      await page.getByLabel('Due', { exact: true }).blur();
      const ask = page.getByRole('alertdialog', { name: 'Date in the past' });
      await ask.getByText('Log the call from last week').waitFor();
      const moved = page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/tasks\//.test(response.url()));
      await ask.getByRole('button', { name: 'Move anyway' }).click();
      expect((await moved).status()).toBe(200);
      await page.getByText('Not saved').waitFor({ state: 'detached' });

      // The follow-up form asks the same.
      await page.getByRole('button', { name: 'Create follow-up' }).click();
      const followUp = page.getByRole('form', { name: 'Create follow-up' });
      await followUp.getByLabel('Follow-up title').fill('Send the notes to the seller');
      await followUp.getByLabel('Follow-up due').fill('2020-03-04T09:00');
      await followUp.getByRole('button', { name: 'Create follow-up' }).click();
      await followUp.getByText('Due is in the past: tick "Create anyway" to keep it').waitFor();
      expect(writes.filter((write) => /^POST \/api\/tasks\/[^/]+\/follow-ups$/.test(write))).toEqual([]);
      await followUp.getByLabel('This date is in the past — create anyway?').check();
      await followUp.getByRole('button', { name: 'Create follow-up' }).click();
      await page.getByRole('heading', { name: 'Send the notes to the seller' }).waitFor();
      await context.close();
    }));
});
