/// <reference lib="dom" />
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';

jest.setTimeout(180_000);

const { withStackLogs, appUrl, browser, signedIn } = useBrowserStack();

const WAIT = { timeout: 30_000 };
const IMPORT_WAIT = { timeout: 60_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// A PropStream-style list: four good rows, one of them the same property as the first, a bad zip and a row without an address.
const LIST = Buffer.from(
  [
    'Address,City,State,Zip,Owner 1 First Name,Owner 1 Last Name,Est. Value,Est. Equity,Marketing Lists',
    '11 Browser Test Way,Dayton,OH,45402,Ann,Able,"$120,000","$60,000",Absentee Owners',
    '12 Browser Test Way,Dayton,OH,45402,Ben,Baker,"$130,000","$65,000",Absentee Owners',
    '11  browser test way,DAYTON,OH,45402-1234,Ann,Able,"$120,000","$60,000",Absentee Owners',
    '"13 Browser Test Way, Apt 2",Dayton,OH,ABCDE,Cy,Cole,"$99,000",,',
    ',Dayton,OH,45402,Dee,Dunn,,,',
    '14 Browser Test Way,Dayton,OH,45402,Eve,Ellis,"$140,000","$70,000",Absentee Owners',
  ].join('\n') + '\n',
);

const sidewaysScroll = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function chooseList(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-import').locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: LIST });
  await page.getByTestId('import-provider').getByText('PropStream').waitFor(WAIT);
}

describe('list imports in the browser', () => {
  it('a supervisor uploads a list, sees the mapping and the first rows, changes a column, imports it to 100 % and downloads the error report', () =>
    withStackLogs(async () => {
      const session = await signedInWithDownloads('supervisor@flipstackk.test');
      const tab = session.page;
      await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
      await tab.waitForURL(appUrl('/imports'));
      await tab.getByRole('heading', { name: 'Import a list' }).waitFor(WAIT);

      await chooseList(tab, 'browser-list.csv');
      // The mapping table: each column with its target, as recognised.
      const mapping = tab.getByTestId('import-mapping');
      expect(await mapping.getByLabel('Address imports as').inputValue()).toBe('street');
      expect(await mapping.getByLabel('Zip imports as').inputValue()).toBe('zip');
      expect(await mapping.getByLabel('Est. Value imports as').inputValue()).toBe('arv');
      expect(await mapping.getByLabel('Marketing Lists imports as').inputValue()).toBe('tags');
      expect(await mapping.getByTestId('mapping-row').count()).toBe(9);

      // The first rows as they will be imported, the bad ones saying why.
      const sample = tab.getByTestId('import-sample');
      expect(await sample.getByTestId('sample-row').count()).toBe(6);
      await sample.getByTestId('sample-row').filter({ hasText: '11 Browser Test Way' }).first().getByText('$120,000').waitFor(WAIT);
      await sample.getByText('Not imported: invalid zip "ABCDE"').waitFor(WAIT);
      await sample.getByText('Not imported: missing address').waitFor(WAIT);
      await sample.getByTestId('sample-row').first().getByText('Absentee Owners').waitFor(WAIT);
      // The third row is the first's property again: the import will count it a duplicate, and the preview says so.
      await sample.getByTestId('sample-row').nth(2).getByTestId('sample-duplicate').getByText('Duplicate of row 2').waitFor(WAIT);
      await tab.getByText('(3 new, 1 duplicate, 2 not imported)').waitFor(WAIT);

      // A column set to "Ignore" leaves the preview at once.
      await mapping.getByLabel('Marketing Lists imports as').selectOption('');
      await waitForNoText(sample.getByTestId('sample-row').first(), 'Absentee Owners');

      await tab.getByLabel('Tags (optional, comma-separated)').fill('Browser list');
      await tab.getByRole('button', { name: 'Start import' }).click();

      // The live progress bar reaches 100 % with the counts: 3 new, 1 duplicate (the same address written differently), 2 bad rows.
      const progress = tab.getByTestId('import-progress');
      await progress.getByText('browser-list.csv').waitFor(WAIT);
      await progress.getByTestId('import-percent').getByText('100 %').waitFor(IMPORT_WAIT);
      await tab.locator('[data-testid="import-progress"][data-status="COMPLETED"]').waitFor(IMPORT_WAIT);
      expect(await progress.getByTestId('import-created').textContent()).toBe('3');
      expect(await progress.getByTestId('import-duplicates').textContent()).toBe('1');
      expect(await progress.getByTestId('import-errors').textContent()).toBe('2');
      expect(await progress.getByTestId('import-total').textContent()).toBe('6');
      expect(await progress.getByRole('progressbar', { name: 'Import progress' }).evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);

      // The row report: each bad row with its line, the reason and its values as they were; the duplicate with the row it repeats.
      const [download] = await Promise.all([tab.waitForEvent('download'), progress.getByRole('link', { name: 'Download row report' }).click()]);
      expect(download.suggestedFilename()).toBe('browser-list-row-report.csv');
      const report = parse(fs.readFileSync((await download.path())!), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(report.map((row) => [row.row, row.reason, row.Address, row.Zip, row['Owner 1 First Name']])).toEqual([
        ['4', 'duplicate of row 2: skipped', '11  browser test way', '45402-1234', 'Ann'],
        ['5', 'invalid zip "ABCDE"', '13 Browser Test Way, Apt 2', 'ABCDE', 'Cy'],
        ['6', 'missing address', '', '45402', 'Dee'],
      ]);

      // The past imports list has it, completed, with the same counts.
      const row = tab.getByTestId('import-row').filter({ hasText: 'browser-list.csv' });
      await row.getByText('Completed').waitFor(WAIT);
      expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['3', '1', '2', '6']));

      // The leads are there, tagged with the import's tag only (the list column was ignored).
      const leads = await tab.evaluate(async () => {
        const body = (await (await fetch('/api/leads?source=LIST_IMPORT&limit=100')).json()) as { items: Array<{ street: string; source: string; tags: string[] }> };
        return body.items
          .filter((lead) => lead.street.includes('Browser Test Way'))
          .map((lead) => ({ street: lead.street, source: lead.source, tags: lead.tags }))
          .sort((a, b) => a.street.localeCompare(b.street));
      });
      expect(leads).toEqual([
        { street: '11 Browser Test Way', source: 'LIST_IMPORT', tags: ['Browser list'] },
        { street: '12 Browser Test Way', source: 'LIST_IMPORT', tags: ['Browser list'] },
        { street: '14 Browser Test Way', source: 'LIST_IMPORT', tags: ['Browser list'] },
      ]);
      await session.context.close();
    }));

  it('at phone size (390 × 844) the preview and the progress fit the screen; importing the list again counts every good row as a duplicate', () =>
    withStackLogs(async () => {
      const context = await browser().newContext({ ...PHONE, acceptDownloads: true });
      const page = await context.newPage();
      await signIn(page, 'admin@flipstackk.test');
      await page.goto(appUrl('/imports'));
      await chooseList(page, 'phone-list.csv');
      await page.getByTestId('import-sample').getByText('Not imported: invalid zip "ABCDE"').waitFor(WAIT);
      // The first test's leads exist: the preview already counts every good row a duplicate, each linking to its lead.
      await page.getByText('(0 new, 4 duplicates, 2 not imported)').waitFor(WAIT);
      expect(await page.getByTestId('import-sample').getByRole('link', { name: 'lead' }).count()).toBe(4);
      expect(await sidewaysScroll(page)).toBe(false);
      await page.getByRole('button', { name: 'Start import' }).click();
      const progress = page.getByTestId('import-progress');
      await page.locator('[data-testid="import-progress"][data-status="COMPLETED"]').waitFor(IMPORT_WAIT);
      await progress.getByTestId('import-percent').getByText('100 %').waitFor(WAIT);
      // Run after the first test: its three leads exist (and the repeated row is one of them).
      expect(await progress.getByTestId('import-created').textContent()).toBe('0');
      expect(await progress.getByTestId('import-duplicates').textContent()).toBe('4');
      expect(await progress.getByTestId('import-errors').textContent()).toBe('2');
      expect(await sidewaysScroll(page)).toBe(false);
      await context.close();
    }));

  it('a long import is cancelled from its progress card: it stops short of the end, and the card and the list say so', () =>
    withStackLogs(async () => {
      const session = await signedInWithDownloads('admin@flipstackk.test');
      const page = session.page;
      await page.goto(appUrl('/imports'));
      const rows = ['Address,City,State,Zip,Owner 1 First Name,Owner 1 Last Name,Est. Value,Est. Equity,Marketing Lists'];
      for (let index = 1; index <= 20_000; index += 1) rows.push(`${index} Cancelled Court,Dayton,OH,45402,Owner,Number ${index},"$100,000",$50000,Long list`);
      await page.getByTestId('new-import').locator('input[type="file"]').setInputFiles({ name: 'long-list.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
      await page.getByTestId('import-provider').getByText('PropStream').waitFor(WAIT);
      await page.getByRole('button', { name: 'Start import' }).click();
      const progress = page.getByTestId('import-progress');
      await progress.getByText('long-list.csv').waitFor(WAIT);
      await progress.getByRole('button', { name: 'Cancel import' }).click();
      await page.locator('[data-testid="import-progress"][data-status="CANCELLED"]').waitFor(IMPORT_WAIT);
      await progress.getByText(/^Cancelled after [\d,]+ of 20,000 rows: [\d,]+ rows were not imported; the leads imported before it stopped stay\.$/).waitFor(WAIT);
      expect(await progress.getByRole('button', { name: 'Cancel import' }).count()).toBe(0);
      const shown = async (testId: string) => Number((await progress.getByTestId(testId).textContent())!.replace(/,/g, ''));
      const created = await shown('import-created');
      expect(created).toBeLessThan(20_000);
      // The rows it stopped before are shown, so the card's counts add up to the file's total.
      const notImported = await shown('import-not-imported');
      expect(notImported).toBeGreaterThan(0);
      expect(created + (await shown('import-duplicates')) + (await shown('import-errors')) + notImported).toBe(20_000);
      const row = page.getByTestId('import-row').filter({ hasText: 'long-list.csv' });
      await row.getByText('Cancelled').waitFor(WAIT);
      await row.getByText(`stopped before ${notImported.toLocaleString('en-US')} rows`).waitFor(WAIT);
      await session.context.close();
    }));

  it('an agent has no Imports link and is told who imports', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn('agent@flipstackk.test');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).waitFor(WAIT);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).count()).toBe(0);
      await page.goto(appUrl('/imports'));
      await page.getByText('Only supervisors and admins import lists.').waitFor(WAIT);
      expect(await page.getByTestId('new-import').count()).toBe(0);
      await page.getByTestId('past-imports').getByText('No imports yet.').waitFor(WAIT);
      await context.close();
    }));
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('flipstackk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
}

async function signedInWithDownloads(email: string) {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function waitForNoText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.page().waitForFunction(
    ([element, unwanted]) => !(element as HTMLElement).innerText.includes(unwanted as string),
    [await locator.elementHandle(), text] as const,
    WAIT,
  );
}
