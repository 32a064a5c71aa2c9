/// <reference lib="dom" />
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserStack } from '../support/browser-stack';
import { waitUntil } from '../support/wait-until';
import { layoutHeight } from '../support/layout-height';

jest.setTimeout(180_000);

// A limit of its own, not the default 25 MB: the page must say and apply the stack's.
const { withStackLogs, appUrl, browser } = useBrowserStack({ env: { DOCUMENT_MAX_MB: '2' } });

const PASSWORD = 'flipstackk';
const WAIT = { timeout: 30_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function signedIn(options: Parameters<ReturnType<typeof browser>['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ ...options, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(appUrl('/login'));
  // The seeded leads are the demo agent's: the owner sees and downloads their documents.
  await page.getByLabel('Email').fill('agent@flipstackk.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(appUrl('/'));
  return { context, page };
}

/** The n-th seeded lead's page. */
async function openLead(page: Page, index: number): Promise<void> {
  const id = await waitUntil('a seeded lead', () => page.evaluate(async (at) => ((await (await fetch('/api/leads')).json()) as { items?: Array<{ id: string }> }).items?.[at]?.id, index), 60_000);
  await page.goto(appUrl(`/leads/${id}`));
  await page.getByTestId('documents').getByText('No documents yet.').waitFor(WAIT);
}

describe('documents in the browser', () => {
  it('uploads a PDF on a lead page, lists it with its kind, size and expiry, previews and downloads it', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn({ viewport: { width: 1440, height: 900 } });
      await openLead(page, 0);
      const panel = page.getByTestId('documents');

      // Uploading without a file says what is missing.
      await panel.getByRole('button', { name: 'Upload' }).click();
      await panel.getByText('Choose a file or drop one here').waitFor(WAIT);

      // The hint gives this stack's limit, and a bigger file is refused in the server's words without being sent.
      await panel.getByTestId('document-limit').getByText('PDF, PNG, JPEG, HEIC, DOCX, XLSX or TXT, up to 2 MB').waitFor(WAIT);
      const uploads: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/documents')) uploads.push(request.url());
      });
      await panel.locator('input[type="file"]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, 0x20)]) });
      await panel.getByRole('alert').getByText('The file is larger than 2 MB; upload a smaller file').waitFor(WAIT);
      await panel.getByRole('button', { name: 'Upload' }).click();
      await panel.getByRole('alert').getByText('The file is larger than 2 MB; upload a smaller file').waitFor(WAIT);
      expect(uploads).toEqual([]);

      await panel.locator('input[type="file"]').setInputFiles({ name: 'Purchase agreement – 12 Elm.pdf', mimeType: 'application/pdf', buffer: PDF });
      await panel.getByText(/Purchase agreement – 12 Elm\.pdf · \d+ bytes/).waitFor(WAIT);
      await panel.getByLabel('Kind').selectOption('PURCHASE_CONTRACT');
      await panel.getByLabel('Expires (optional)').fill('2030-06-30');
      await panel.getByRole('button', { name: 'Upload' }).click();

      const row = panel.getByTestId('document-row').filter({ hasText: 'Purchase agreement – 12 Elm.pdf' });
      await row.waitFor(WAIT);
      await row.getByText(`Purchase contract · ${PDF.length} bytes`).waitFor(WAIT);
      await row.getByTestId('document-expiry').getByText(/expires in/).waitFor(WAIT);

      // Preview opens the PDF inline in a new tab; Download saves it under its own name.
      const preview = row.getByRole('link', { name: 'Preview' });
      expect(await preview.getAttribute('target')).toBe('_blank');
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toBe('Purchase agreement – 12 Elm.pdf');
      expect(fs.readFileSync((await download.path())!).equals(PDF)).toBe(true);
      const served = await page.request.get(appUrl((await preview.getAttribute('href'))!));
      expect(served.headers()['content-type']).toBe('application/pdf');
      expect(served.headers()['content-disposition']).toMatch(/^inline; /);

      // A new expiry (here one that has passed) shows at once, in red.
      await row.getByRole('button', { name: 'Expiry' }).click();
      await row.getByLabel('New expiry').fill('2020-01-31');
      await row.getByRole('button', { name: 'Save expiry' }).click();
      const expiry = row.getByTestId('document-expiry');
      await expiry.getByText(/expired/).waitFor(WAIT);
      expect(await expiry.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(217, 45, 32)');
      await context.close();
    }));

  it('uploads by dropping a file at phone size (390 × 844), with nothing scrolling sideways', () =>
    withStackLogs(async () => {
      const { context, page } = await signedIn(PHONE);
      await openLead(page, 1);
      const panel = page.getByTestId('documents');
      await panel.scrollIntoViewIfNeeded();
      // A file dropped on the drop zone, as a browser's drag and drop delivers it.
      await panel.getByTestId('document-drop').evaluate((zone, bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'a-very-long-proof-of-funds-letter-from-the-bank-with-no-spaces.pdf', { type: 'application/pdf' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, [...PDF]);
      await panel.getByText(/a-very-long-proof-of-funds-letter/).waitFor(WAIT);
      await panel.getByLabel('Kind').selectOption('DISCLOSURE');
      await panel.getByRole('button', { name: 'Upload' }).tap();
      await panel.getByTestId('document-row').filter({ hasText: 'Disclosure' }).waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // The controls a thumb presses are at least 44 px tall.
      for (const name of ['Upload', 'Archive']) {
        expect(await layoutHeight(panel.getByRole('button', { name }).first())).toBeGreaterThanOrEqual(44);
      }
      await context.close();
    }));
});
