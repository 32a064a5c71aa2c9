/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { useBrowserStack } from '../support/browser-stack';
import { layoutHeight } from '../support/layout-height';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser } = useBrowserStack();

const PASSWORD = 'flipstackk';
const WAIT = { timeout: 30_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

async function signedIn(options: Parameters<ReturnType<typeof browser>['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext(options);
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill('agent@flipstackk.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

/** POSTs as the signed-in page does, answering the JSON body. */
function post(page: Page, path: string, body: unknown): Promise<{ id: string }> {
  return page.evaluate(
    async ({ path, body, header }) => {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', [header]: 'web' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    },
    { path, body, header: CLIENT_HEADER },
  );
}

let streets = 0;
/** A lead and the same address typed again (kept with allowDuplicate), the second with a note; each pair has its own phone. */
async function leadTwice(page: Page, note: string): Promise<{ survivor: { id: string }; source: { id: string } }> {
  streets += 1;
  const lead = { sellerName: `Morgan Twice ${streets}`, sellerPhone: `(937) 555-${1000 + streets * 37}`, city: 'Dayton', state: 'OH', zip: '45406', propertyType: 'SFR', source: 'DIRECT_MAIL' };
  const survivor = await post(page, '/api/leads', { ...lead, street: `${streets}8 Duplicate Street` });
  const source = await post(page, '/api/leads', { ...lead, street: `${streets}8 duplicate st.`, allowDuplicate: true });
  await post(page, '/api/notes', { body: note, leadId: source.id });
  return { survivor, source };
}

describe('merging duplicate leads in the browser', () => {
  it('shows the possible duplicate on the lead page, merges it after a confirmation, and the source page says where it went', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn({ viewport: { width: 1440, height: 900 } });
      const { survivor, source } = await leadTwice(page, 'Gate code is 4417');

      await page.goto(appUrl(`/leads/${survivor.id}`));
      const panel = page.getByTestId('duplicates-panel');
      const row = panel.getByTestId('duplicate-row');
      await row.getByText('same address').waitFor(WAIT);
      await row.getByText('same phone').waitFor(WAIT);
      await row.getByRole('button', { name: 'Merge into this lead' }).click();

      // The confirmation says what happens before anything does.
      const dialog = page.getByTestId('merge-dialog');
      await dialog.getByText(/Merge Morgan Twice \d+ into this lead\?/).waitFor(WAIT);
      await dialog.getByText(/open automatic tasks are cancelled/).waitFor(WAIT);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', ...WAIT });
      await row.getByRole('button', { name: 'Merge into this lead' }).click();
      await dialog.getByRole('button', { name: 'Merge into this lead' }).click();

      // The survivor shows the source's note and the merge in its history; the panel is gone.
      await page.getByText('Gate code is 4417').waitFor(WAIT);
      await page.getByText(/^Merged from Morgan Twice \d+, \d+8 duplicate st\.$/).waitFor(WAIT);
      await panel.waitFor({ state: 'detached', ...WAIT });

      await page.goto(appUrl(`/leads/${source.id}`));
      const notice = page.getByTestId('merged-notice');
      await notice.getByText(/^Merged into/).waitFor(WAIT);
      await notice.getByRole('link', { name: /Morgan Twice/ }).click();
      await page.waitForURL(appUrl(`/leads/${survivor.id}`));
      await page.getByText('Gate code is 4417').waitFor(WAIT);
      await context.close();
    }));

  it('fits the duplicates panel and its dialog on a phone (390 × 844) without sideways scrolling', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn(PHONE);
      const { survivor } = await leadTwice(page, 'Side door sticks');
      await page.goto(appUrl(`/leads/${survivor.id}`));
      const button = page.getByTestId('duplicate-row').getByRole('button', { name: 'Merge into this lead' });
      await button.waitFor(WAIT);
      expect(await layoutHeight(button)).toBeGreaterThanOrEqual(44);
      await button.click();
      await page.getByTestId('merge-dialog').getByRole('button', { name: 'Merge into this lead' }).waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.getByTestId('merge-dialog').getByRole('button', { name: 'Cancel' }).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await context.close();
    }));
});
